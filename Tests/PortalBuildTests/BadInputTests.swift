import Foundation
import PortalBuild
import PortalDiagnostics
import PortalModel
import PortalTestSupport
import Testing

/// A corpus of broken inputs, each built end to end from disk: a clear diagnostic at its position, exit status 1,
/// never a crash or a hang, and nothing written anywhere.
@Suite struct BadInputTests {
    /// A way to break the minimal site on disk, and what must be reported.
    struct Case: CustomTestStringConvertible, Sendable {
        var name: String
        /// Changes to the minimal site's files before they are written.
        var edit: @Sendable (Txtar) -> Txtar = { $0 }
        /// Changes made on disk after writing (binary files, links), given the content folder's path.
        var disk: @Sendable (String) throws -> Void = { _ in }
        /// The file (below content/) and code of the diagnostic that must be among those reported.
        var file: String
        var code: DiagnosticCode
        /// The line it must name, when it names one.
        var line: Int?
        /// The column it must name, when one is given.
        var column: Int?

        var testDescription: String { name }
    }

    static func write(_ bytes: [UInt8], to path: String) throws {
        try FileManager.default.createDirectory(atPath: (path as NSString).deletingLastPathComponent, withIntermediateDirectories: true)
        try Data(bytes).write(to: URL(fileURLWithPath: path))
    }

    static let measure = "measures/chatbot.md"
    static let motion = "motions/AT-0001-2025.md"

    /// An OParl object as JSON with one key per line, in the given order: the first key on line 2.
    static func paper(_ members: KeyValuePairs<String, String>) -> String {
        "{\n" + members.map { "  \"\($0.key)\": \($0.value)" }.joined(separator: ",\n") + "\n}\n"
    }

    /// A paper as an OParl server sends it, valid in the minimal site (`motions/vorlage.json`).
    static let validPaper = paper([
        "id": #""https://ris.test.example/paper/1""#, "type": #""https://schema.oparl.org/1.1/Paper""#,
        "reference": #""V/0001/2025""#, "name": #""Vorlage aus dem Ratsinformationssystem""#, "date": #""2025-03-01""#,
        "paperType": #""Beschlussvorlage""#, "originatorOrganization": #"["https://ris.test.example/organization/1"]"#,
    ])

    static let cases: [Case] = [
        Case(name: "invalid UTF-8", disk: { try write(Array("---\ntitle: M".utf8) + [0xE4] + Array("rz\n---\n".utf8), to: $0 + "/pages/maerz.md") }, file: "pages/maerz.md", code: .invalidEncoding, line: 2),
        Case(name: "UTF-16 file", disk: { try write([0xFF, 0xFE] + Array("---".utf16).flatMap { [UInt8($0 & 0xFF), UInt8($0 >> 8)] }, to: $0 + "/pages/utf16.md") }, file: "pages/utf16.md", code: .invalidEncoding, line: 1),
        Case(name: "NUL byte", disk: { try write(Array("---\ntitle: A\u{0}\n---\n".utf8), to: $0 + "/pages/nul.md") }, file: "pages/nul.md", code: .invalidEncoding, line: 2),
        Case(name: "PNG in measures", disk: { try write([0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 13], to: $0 + "/measures/bild.md") }, file: "measures/bild.md", code: .invalidEncoding, line: 3),
        Case(name: "tab indentation", edit: { $0.replacing("  - id: bauantraege", with: "\t- id: bauantraege", in: "site.yml") }, file: "site.yml", code: .yamlSyntax, line: 25),
        Case(name: "duplicate keys", edit: { $0.replacing("area: buergerservice", with: "area: buergerservice\narea: bauantraege", in: measure) }, file: measure, code: .duplicateKey, line: 5),
        Case(name: "alias bomb", edit: { site in
            var yaml = "title: Bombe\nx-a0: &a0 [x, x, x, x, x, x, x, x, x, x]\n"
            for level in 1...8 { yaml += "x-a\(level): &a\(level) [" + Array(repeating: "*a\(level - 1)", count: 10).joined(separator: ", ") + "]\n" }
            return site.with("pages/bombe.md", "---\n" + yaml + "---\n")
        }, file: "pages/bombe.md", code: .yamlTooComplex),
        Case(name: "deep nesting", edit: { $0.with("pages/tief.md", "---\ntitle: Tief\nx-tief: " + String(repeating: "[", count: 300) + String(repeating: "]", count: 300) + "\n---\n") }, file: "pages/tief.md", code: .yamlTooComplex),
        Case(name: "50 MB file", disk: { path in
            let handle = try { try write(Array("---\ntitle: Gross\n---\n".utf8), to: path + "/pages/gross.md"); return try FileHandle(forWritingTo: URL(fileURLWithPath: path + "/pages/gross.md")) }()
            try handle.seekToEnd()
            let block = Data(repeating: UInt8(ascii: "a"), count: 1_048_576)
            for _ in 0..<50 { try handle.write(contentsOf: block) }
            try handle.close()
        }, file: "pages/gross.md", code: .unreadableFile),
        Case(name: "empty measure file", edit: { $0.with("measures/leer.md", "") }, file: "measures/leer.md", code: .emptyFile),
        Case(name: "empty site.yml", edit: { $0.with("site.yml", "") }, file: "site.yml", code: .missingKey, line: 1),
        Case(name: "site.yml missing", edit: { $0.with("site.yml", nil) }, file: "site.yml", code: .missingFile),
        Case(name: "front matter without end", edit: { $0.with("pages/offen.md", "---\ntitle: Offen\nText") }, file: "pages/offen.md", code: .unterminatedFrontMatter, line: 1),
        Case(name: "no front matter", edit: { $0.with("pages/ohne.md", "# Nur Text\n") }, file: "pages/ohne.md", code: .missingFrontMatter, line: 1),
        Case(name: "title as a list", edit: { $0.replacing("title: Chancen", with: "title: [Chancen, Risiken]", in: "pages/chancen.md") }, file: "pages/chancen.md", code: .wrongType, line: 2),
        Case(name: "legal basis as a mapping", edit: { $0.replacing(#"legalBasis: ["Art. 6 Abs. 1 lit. e DSGVO"]"#, with: "legalBasis: {dsgvo: Art. 6}", in: measure) }, file: measure, code: .wrongType, line: 10),
        Case(name: "resolution items as text", edit: { site in
            let text = site[motion]!
            let start = text.range(of: "resolutionItems:")!.lowerBound, end = text.range(of: "consultations:")!.lowerBound
            return site.with(motion, text.replacingCharacters(in: start..<end, with: "resolutionItems: alle\n"))
        }, file: motion, code: .wrongType, line: 7),
        Case(name: "item id as text", edit: { $0.replacing("  - id: 1", with: "  - id: eins", in: motion) }, file: motion, code: .wrongType, line: 8),
        Case(name: "vote count as text", edit: { $0.replacing("yes: 30", with: "yes: dreißig", in: motion) }, file: motion, code: .wrongType, line: 18),
        Case(name: "negative vote count", edit: { $0.replacing("no: 10", with: "no: -10", in: motion) }, file: motion, code: .invalidValue, line: 18),
        Case(name: "date as a list", edit: { $0.replacing("date: 2025-04-25", with: "date: [2025]", in: motion) }, file: motion, code: .wrongType, line: 4),
        Case(name: "due date in words", edit: { $0.replacing("due: 2025-12-31", with: "due: Jahresende", in: motion) }, file: motion, code: .invalidDate, line: 11),
        Case(name: "front matter is a list", edit: { $0.with("pages/liste.md", "---\n- title: A\n---\n") }, file: "pages/liste.md", code: .wrongType, line: 2),
        Case(name: "front matter is one word", edit: { $0.with("pages/wort.md", "---\nHallo\n---\n") }, file: "pages/wort.md", code: .wrongType, line: 2),
        Case(name: "unclosed quote", edit: { $0.replacing("title: Chancen", with: "title: \"Chancen", in: "pages/chancen.md") }, file: "pages/chancen.md", code: .yamlSyntax),
        Case(name: "control character in YAML", edit: { $0.replacing("title: Chancen", with: "title: Chan\u{7}cen", in: "pages/chancen.md") }, file: "pages/chancen.md", code: .yamlSyntax),
        Case(name: "megabyte-long title", edit: { $0.replacing("title: Chancen", with: "title: " + String(repeating: "Chance ", count: 150_000), in: "pages/chancen.md") }, file: "pages/chancen.md", code: .tooLong, line: 2),
        Case(name: "symbolic link out of content", disk: { path in
            try "---\ntitle: Geheim\n---\n".write(toFile: path + "/../geheim.md", atomically: true, encoding: .utf8)
            try FileManager.default.createSymbolicLink(atPath: path + "/pages/geheim.md", withDestinationPath: path + "/../geheim.md")
        }, file: "pages/geheim.md", code: .unreadableFile),
        Case(name: "symbolic link to a folder", disk: { path in
            try FileManager.default.createSymbolicLink(atPath: path + "/pages/schleife.md", withDestinationPath: path + "/pages")
        }, file: "pages/schleife.md", code: .unreadableFile),
        Case(name: "named pipe", disk: { path in
            // Read without waiting for a writer that never comes.
            guard mkfifo(path + "/pages/rohr.md", 0o644) == 0 else { throw CocoaError(.fileWriteUnknown) }
        }, file: "pages/rohr.md", code: .unreadableFile),
        Case(name: "path traversal in page slug", edit: { $0.replacing("menu: 1", with: "slug: ../../etc", in: "pages/chancen.md") }, file: "pages/chancen.md", code: .invalidValue, line: 3),
        Case(name: "path traversal in a link", edit: { $0.replacing("(#wo-ki-hilft)", with: "(../../../etc/passwd)", in: "pages/chancen.md") }, file: "pages/chancen.md", code: .brokenLink, line: 7),
        Case(name: "path traversal in an image", edit: { $0.replacing("Text mit", with: "![Passwort](../assets/../../geheim.png) Text mit", in: "pages/chancen.md") }, file: "pages/chancen.md", code: .brokenLink, line: 7),
        Case(name: "javascript URL in site.yml", edit: { $0.replacing("url: https://durchsetzung.test.example", with: "url: javascript:alert(1)", in: "site.yml") }, file: "site.yml", code: .invalidURL, line: 14),
        Case(name: "javascript URL as evidence", edit: { $0.replacing("evidence: [chatbot]", with: "evidence: [\"javascript:alert(1)\"]", in: motion) }, file: motion, code: .invalidURL, line: 12),
        Case(name: "slugs colliding after normalisation", edit: { $0.with("measures/Chatbot.md", $0[measure]) }, file: "measures/chatbot.md", code: .duplicateID),
        Case(name: "references colliding after normalisation", edit: { site in
            site.with("motions/zwei.md", site[motion]!.replacingOccurrences(of: "reference: AT/0001/2025", with: "reference: AT-0001-2025"))
        }, file: "motions/zwei.md", code: .duplicateID, line: 2),
        Case(name: "body ends before it starts", edit: { $0.replacing("  name: Fraktion A", with: "  name: Fraktion A\n  startDate: 2024-01-01\n  endDate: 2023-01-01", in: "bodies.yml") }, file: "bodies.yml", code: .inconsistentDates, line: 8),
        Case(name: "bodies.yml is a mapping of junk", edit: { $0.with("bodies.yml", "stadtrat: ja\n") }, file: "bodies.yml", code: .missingKey),
        Case(name: "content folder is a file", disk: { path in
            try FileManager.default.removeItem(atPath: path)
            try "x".write(toFile: path, atomically: true, encoding: .utf8)
        }, file: "", code: .missingFile),
        // Malformed OParl JSON (motions/*.json): each reported at the JSON's own line and column.
        Case(name: "truncated OParl JSON", edit: { $0.with("motions/vorlage.json", String(validPaper.prefix(120))) },
             file: "motions/vorlage.json", code: .jsonSyntax, line: 4, column: 27),
        Case(name: "OParl date as a number", edit: { $0.with("motions/vorlage.json", validPaper.replacingOccurrences(of: #""2025-03-01""#, with: "20250301")) },
             file: "motions/vorlage.json", code: .wrongType, line: 6, column: 11),
        Case(name: "OParl object whose type is a list", edit: { $0.with("motions/vorlage.json", #"{"type": ["Paper"], "name": "x"}"#) },
             file: "motions/vorlage.json", code: .missingKey, line: 1, column: 1),
        Case(name: "OParl paper without reference and name", edit: { $0.with("motions/vorlage.json", paper(["type": #""https://schema.oparl.org/1.1/Paper""#, "date": #""2025-03-01""#])) },
             file: "motions/vorlage.json", code: .missingKey, line: 1, column: 1),
        Case(name: "OParl paper with the reference of a hand-written motion", edit: { $0.with("motions/vorlage.json", validPaper.replacingOccurrences(of: "V/0001/2025", with: "AT/0001/2025")) },
             file: "motions/vorlage.json", code: .duplicateID, line: 4, column: 16),
        Case(name: "javascript URL as an OParl file", edit: { $0.with("motions/vorlage.json", validPaper.replacingOccurrences(
            of: #""date": "2025-03-01""#, with: #""date": "2025-03-01", "mainFile": {"type": "File", "accessUrl": "javascript:alert(1)"}"#)) },
             file: "motions/vorlage.json", code: .invalidURL, line: 6, column: 67),
        Case(name: "repeated key in OParl JSON", edit: { $0.with("motions/vorlage.json", validPaper.replacingOccurrences(of: #""date": "2025-03-01""#, with: #""date": "2025-03-01", "date": "2024-01-01""#)) },
             file: "motions/vorlage.json", code: .duplicateKey, line: 6, column: 25),
        Case(name: "invalid UTF-8 in OParl JSON", disk: { path in
            let halves = validPaper.components(separatedBy: "Vorlage aus")
            try write(Array((halves[0] + "Vorlage f").utf8) + [0xFC] + Array(("r" + halves[1]).utf8), to: path + "/motions/vorlage.json")
        }, file: "motions/vorlage.json", code: .invalidEncoding, line: 5, column: 21),
        Case(name: "lone surrogate escape in OParl JSON", edit: { $0.with("motions/vorlage.json", validPaper.replacingOccurrences(of: "Vorlage aus", with: #"Vorlage \udc00 aus"#)) },
             file: "motions/vorlage.json", code: .jsonSyntax, line: 5, column: 26),
        Case(name: "OParl JSON nested 300 levels deep", edit: { $0.with("motions/vorlage.json", validPaper.replacingOccurrences(
            of: #""date": "2025-03-01""#, with: #""date": "2025-03-01", "x:tief": "# + String(repeating: "[", count: 300) + String(repeating: "]", count: 300))) },
             file: "motions/vorlage.json", code: .jsonSyntax, line: 6, column: 290),
        Case(name: "50 MB OParl JSON", disk: { path in
            try write(Array("[".utf8), to: path + "/motions/gross.json")
            let handle = try FileHandle(forWritingTo: URL(fileURLWithPath: path + "/motions/gross.json"))
            try handle.seekToEnd()
            let block = Data(String(repeating: validPaper + ",", count: 1_048_576 / (validPaper.utf8.count + 1)).utf8)
            for _ in 0...(50 * 1_048_576 / block.count) { try handle.write(contentsOf: block) }
            try handle.write(contentsOf: Data((validPaper + "]").utf8))
            try handle.close()
        }, file: "motions/gross.json", code: .unreadableFile),
        Case(name: "UTF-16 OParl JSON", disk: { try write([0xFF, 0xFE] + Array(validPaper.utf16).flatMap { [UInt8($0 & 0xFF), UInt8($0 >> 8)] }, to: $0 + "/motions/vorlage.json") },
             file: "motions/vorlage.json", code: .invalidEncoding, line: 1, column: 1),
        Case(name: "unknown key with --strict", edit: { $0.replacing("menu: 1", with: "menue: 1", in: "pages/chancen.md") }, file: "pages/chancen.md", code: .unknownKey, line: 3),
    ]

    /// Every file below `folder` with its size, to prove nothing was written.
    func listing(_ folder: String) -> [String: Int] {
        var result: [String: Int] = [:]
        let enumerator = FileManager.default.enumerator(atPath: folder)
        while let path = enumerator?.nextObject() as? String {
            let attributes = try? FileManager.default.attributesOfItem(atPath: folder + "/" + path)
            result[path] = (attributes?[.size] as? NSNumber)?.intValue ?? -1
        }
        return result
    }

    @Test(arguments: cases)
    func isReportedAndWritesNothing(_ testCase: Case) throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let work = directory.path + "/work"
        let site = testCase.edit(Fixtures.minimalSite)
        try FileManager.default.createDirectory(atPath: work + "/content", withIntermediateDirectories: true)
        for file in site.files {
            try Self.write(Array(file.text.utf8), to: work + "/content/" + file.path)
        }
        try testCase.disk(work + "/content")
        let before = listing(directory.path)
        let options = BuildOptions(
            defaultTemplatesDirectory: BuildTests.templates, strict: true, asOf: LocalDate(year: 2026, month: 1, day: 15),
            workingDirectory: work)
        let start = Date()
        let result = Builder(options: options, environment: [:]).run()
        #expect(Date().timeIntervalSince(start) < 20, "took too long")
        #expect(!result.succeeded)
        #expect(listing(directory.path) == before, "files were written")
        let expectedFile = testCase.file.isEmpty ? "content" : "content/" + testCase.file
        let match = result.diagnostics.first { $0.code == testCase.code && $0.location.file == expectedFile }
        try #require(match != nil, "expected \(testCase.code.rawValue) in \(expectedFile), got: \(result.diagnostics.sorted().map(\.description))")
        if let line = testCase.line { #expect(match?.location.line == line, "\(match!)") }
        if let column = testCase.column { #expect(match?.location.column == column, "\(match!)") }
        #expect(match!.message.count > 20)
    }

    /// Inputs that are unusual but fine: they build, with the expected result.
    @Test func toleratesByteOrderMarksCRLFAndOddFileNames() throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        try directory.write(Fixtures.minimalSite, into: "content")
        let content = directory.path + "/content"
        let chancen = try String(contentsOfFile: content + "/pages/chancen.md", encoding: .utf8)
        try Self.write([0xEF, 0xBB, 0xBF] + Array(chancen.replacingOccurrences(of: "\n", with: "\r\n").utf8), to: content + "/pages/chancen.md")
        let measure = try String(contentsOfFile: content + "/measures/chatbot.md", encoding: .utf8)
            .replacingOccurrences(of: "motions: [\"AT/0001/2025#1\"]\n", with: "")
        try measure.write(toFile: content + "/measures/Mein Bürger Bot.md", atomically: true, encoding: .utf8)
        let options = BuildOptions(defaultTemplatesDirectory: BuildTests.templates, strict: true, asOf: LocalDate(year: 2026, month: 1, day: 15), workingDirectory: directory.path)
        let result = Builder(options: options, environment: [:]).run()
        #expect(result.diagnostics.sorted().map(\.description) == [])
        #expect(FileManager.default.fileExists(atPath: directory.path + "/site/massnahmen/mein-buerger-bot/index.html"))
    }
}
