@testable import PortalContent
import PortalDiagnostics
import Testing

/// Bytes to text: UTF-8 checks with positions, byte order marks, line endings, binary files.
@Suite struct SourceDecodingTests {
    func file(_ bytes: [UInt8]) -> ContentFile {
        ContentFile(relativePath: "pages/x.md", displayPath: "content/pages/x.md", bytes: bytes)
    }

    @Test func dropsByteOrderMarkAndNormalisesLineEndings() throws {
        let text = try SourceText.decode(file([0xEF, 0xBB, 0xBF] + Array("a\r\nb\rc\n".utf8))).get()
        #expect(text == "a\nb\nc\n")
    }

    @Test func pointsAtFirstInvalidByte() {
        let bytes = Array("---\ntitle: Gr".utf8) + [0xFC] + Array("n\n---\n".utf8) // Latin-1 ü
        guard case .failure(let diagnostic) = SourceText.decode(file(bytes)) else {
            Issue.record("invalid UTF-8 was accepted")
            return
        }
        #expect(diagnostic.code == .invalidEncoding)
        #expect(diagnostic.location.line == 2)
        #expect(diagnostic.location.column == 10)
    }

    @Test(arguments: [[0xFF, 0xFE, 0x41, 0x00], [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0x00, 0x00]] as [[UInt8]])
    func refusesUTF16AndBinaryFiles(_ bytes: [UInt8]) {
        guard case .failure(let diagnostic) = SourceText.decode(file(bytes)) else {
            Issue.record("binary input was accepted")
            return
        }
        #expect(diagnostic.code == .invalidEncoding)
    }

    @Test func truncatedMultibyteSequenceAtEnd() {
        guard case .failure(let diagnostic) = SourceText.decode(file(Array("ab".utf8) + [0xE2, 0x82])) else {
            Issue.record("truncated UTF-8 was accepted")
            return
        }
        #expect(diagnostic.location.line == 1)
        #expect(diagnostic.location.column == 3)
    }
}

/// Splitting front matter from the body, with the lines where each part starts.
@Suite struct FrontMatterTests {
    @Test func splitsAndCountsLines() throws {
        let split = try FrontMatter.split("---\ntitle: A\n---\nBody\n").get()
        #expect(split.yaml == "title: A")
        #expect(split.yamlFirstLine == 2)
        #expect(split.body == "Body\n")
        #expect(split.bodyFirstLine == 4)
    }

    @Test func allowsLeadingBlankLinesAndTrailingSpaces() throws {
        let split = try FrontMatter.split("\n\n--- \ntitle: A\n---  \n").get()
        #expect(split.yamlFirstLine == 4)
        #expect(split.yaml == "title: A")
    }

    @Test func emptyFrontMatter() throws {
        let split = try FrontMatter.split("---\n---\nText").get()
        #expect(split.yaml == "")
        #expect(split.body == "Text")
    }

    @Test(arguments: [
        ("title: A\n", FrontMatter.Failure.missing),
        ("---\ntitle: A\n", .unterminated(openingLine: 1)),
        ("\n---\ntitle: A\n--\n", .unterminated(openingLine: 2)),
        ("", .missing),
    ])
    func reportsWhatIsMissing(_ text: String, _ failure: FrontMatter.Failure) {
        #expect(FrontMatter.split(text) == .failure(failure))
    }
}

/// YAML parsing: positions, and refusal of alias bombs and deep nesting instead of hanging or crashing.
@Suite struct YAMLReaderTests {
    let file = ContentFile(relativePath: "site.yml", displayPath: "content/site.yml", bytes: [])

    @Test func keepsPositionsWithLineOffset() throws {
        let node = try YAMLReader.parse("a: 1\nb:\n  - x\n  - y", firstLine: 5, file: file).get()
        guard case .mapping(let pairs) = node.kind, case .sequence(let items) = pairs[1].value.kind else {
            Issue.record("unexpected shape")
            return
        }
        #expect(pairs[1].keyLine == 6)
        #expect(items[1].line == 8)
        #expect(items[1].column == 5)
    }

    @Test func quotedScalarsStayText() throws {
        let node = try YAMLReader.parse("a: \"null\"\nb: null\nc: ''", firstLine: 1, file: file).get()
        guard case .mapping(let pairs) = node.kind else { return }
        #expect(pairs[0].value.kind == .scalar("null", isPlain: false))
        #expect(pairs[1].value.kind == .null)
        #expect(pairs[2].value.kind == .scalar("", isPlain: false))
    }

    @Test func refusesAliasBomb() {
        var yaml = "a0: &a0 [x, x, x, x, x, x, x, x, x, x]\n"
        for level in 1...9 {
            let refs = Array(repeating: "*a\(level - 1)", count: 10).joined(separator: ", ")
            yaml += "a\(level): &a\(level) [\(refs)]\n"
        }
        guard case .failure(let diagnostic) = YAMLReader.parse(yaml, firstLine: 1, file: file) else {
            Issue.record("alias bomb was expanded")
            return
        }
        #expect(diagnostic.code == .yamlTooComplex)
    }

    @Test func refusesDeepNesting() {
        let yaml = String(repeating: "[", count: 500) + String(repeating: "]", count: 500)
        guard case .failure(let diagnostic) = YAMLReader.parse(yaml, firstLine: 1, file: file) else {
            Issue.record("deep nesting was accepted")
            return
        }
        #expect([.yamlTooComplex, .yamlSyntax].contains(diagnostic.code))
    }

    /// Tabs that indent a line with content are refused at their own position; tabs elsewhere are not.
    @Test(arguments: [
        ("a:\n\tb: 1", 2, 1),
        ("a:\n  \tb: 1", 2, 3),
        ("a: 1\n \t \n\t\nb:\n  - x\n \t- y", 6, 2),
        ("a: 1\nb: \"ä\"\n\t\tc: 2", 3, 1),
    ])
    func refusesIndentingTabs(yaml: String, line: Int, column: Int) {
        guard case .failure(let diagnostic) = YAMLReader.parse(yaml, firstLine: 10, file: file) else {
            Issue.record("tab indentation accepted: \(yaml.debugDescription)")
            return
        }
        #expect(diagnostic.code == .yamlSyntax)
        #expect(diagnostic.message.contains("tab"))
        #expect(diagnostic.location.line == line + 9)
        #expect(diagnostic.location.column == column)
    }

    @Test(arguments: ["a: 1\t# note", "a: \"x\ty\"", "a: |\n  x\ty\nb: 2", "a: [1,\t2]"])
    func acceptsTabsThatDoNotIndent(yaml: String) {
        #expect(throws: Never.self) { try YAMLReader.parse(yaml, firstLine: 1, file: file).get() }
    }

    @Test(arguments: ["", " ", "\n\n", " \t\n", "\u{00A0}\n", " \u{2003} "])
    func blankYAMLIsNull(yaml: String) throws {
        #expect(try YAMLReader.parse(yaml, firstLine: 4, file: file).get().kind == .null)
    }

    @Test func undefinedAliasIsASyntaxError() {
        guard case .failure(let diagnostic) = YAMLReader.parse("a: *nope", firstLine: 3, file: file) else {
            Issue.record("undefined alias accepted")
            return
        }
        #expect(diagnostic.code == .yamlSyntax)
        #expect(diagnostic.location.line == 3)
    }
}
