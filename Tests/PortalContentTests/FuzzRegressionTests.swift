import Foundation
@testable import PortalContent
@testable import PortalDiagnostics
@testable import PortalTestSupport
import Testing

/// Every input with which the fuzzers in `Fuzz/` crashed, hung or broke an invariant, replayed through the same
/// entry point (``FuzzHarness``): each must now load without a problem and be reported where it is invalid.
@Suite("Fuzz regressions") struct FuzzRegressionTests {
    /// One input below `Tests/Fixtures/fuzz-regressions/<target>/` and the diagnostic it must produce.
    struct Regression: Sendable, CustomTestStringConvertible {
        var target: String
        var file: String
        /// A diagnostic the input must produce in the fuzzed file.
        var expected: DiagnosticCode
        /// What went wrong before the fix.
        var finding: String

        var testDescription: String { "\(target)/\(file)" }
    }

    static let regressions: [Regression] = [
        Regression(
            target: "frontmatter", file: "invalid-utf8-after-lone-carriage-returns.md", expected: .invalidEncoding,
            finding: "the invalid byte was reported on a line counted without the lone CR line breaks"),
        Regression(
            target: "markdown", file: "autolink-on-later-line.md", expected: .invalidURL,
            finding: "an autolink on the second line of a paragraph was reported at a column far past the line's end"),
        Regression(
            target: "markdown", file: "link-text-over-line-break.md", expected: .brokenLink,
            finding: "a link whose text runs over a line break got the line of its end with the column of its start"),
        // These two hold NUL bytes: the loader refuses them, PortalMarkdown had the wrong positions.
        Regression(
            target: "markdown", file: "raw-html-on-lazy-continuation-line.md", expected: .invalidEncoding,
            finding: "raw HTML on a lazy continuation line in a nested list got the list's indentation added"),
        Regression(
            target: "markdown", file: "link-after-backslash-line-breaks.md", expected: .invalidEncoding,
            finding: "after backslash line breaks, links were reported on an earlier line at a column past its end"),
        Regression(
            target: "markdown", file: "many-headings-and-broken-anchors.md", expected: .brokenLink,
            finding: "800 broken anchors, each compared with 800 headings twice: 12 s in a release build, a minute in the fuzzer"),
        Regression(
            target: "markdown", file: "long-heading-and-long-broken-anchor.md", expected: .brokenLink,
            finding: "the typo hint built a 20,000 × 20,000 edit distance table for a long anchor: 3.4 GB and 15 s (out of memory)"),
        // Valid OParl; the warning is about the missing paperType.
        Regression(
            target: "oparl", file: "line-break-and-control-characters-in-text.json", expected: .missingKey,
            finding: "NEL, LS and PS went raw into the Markdown export, where YAML reads them as line breaks; C1 controls, DEL and U+FFFF made it invalid YAML; a leading U+FEFF was kept from JSON but dropped by the YAML reader"),
    ]

    /// `Tests/Fixtures/fuzz-regressions`.
    static let folder = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("Fixtures/fuzz-regressions")

    @Test("Replays without a problem and reports the input", .timeLimit(.minutes(1)), arguments: regressions)
    func replay(_ regression: Regression) throws {
        let url = Self.folder.appendingPathComponent(regression.target).appendingPathComponent(regression.file)
        let (runs, fuzzedPaths) = try #require(Self.replay(try [UInt8](Data(contentsOf: url)), target: regression.target))
        for run in runs {
            #expect(run.problems == [], "\(run.name)")
        }
        let displayPaths = Set(fuzzedPaths.map { "content/" + $0 })
        let codes = runs.flatMap(\.diagnostics.all).filter { displayPaths.contains($0.location.file) }.map(\.code)
        #expect(codes.contains(regression.expected), "\(regression.finding); reported: \(codes)")
    }

    /// `Fuzz/corpus`, the seed inputs of the fuzz targets.
    static let seedFolder = folder.deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("Fuzz/corpus")

    /// Every seed as `<target>/<file>`.
    static let seeds: [String] = {
        let targets = (try? FileManager.default.contentsOfDirectory(atPath: seedFolder.path)) ?? []
        return targets.sorted().flatMap { target in
            ((try? FileManager.default.contentsOfDirectory(atPath: seedFolder.appendingPathComponent(target).path)) ?? []).sorted().map { "\(target)/\($0)" }
        }
    }()

    @Test("Every seed of the fuzz targets replays without a problem", .timeLimit(.minutes(1)), arguments: seeds)
    func replaySeed(_ seed: String) throws {
        let target = String(seed.prefix { $0 != "/" })
        let bytes = try [UInt8](Data(contentsOf: Self.seedFolder.appendingPathComponent(seed)))
        let (runs, _) = try #require(Self.replay(bytes, target: target))
        for run in runs {
            #expect(run.problems == [], "\(run.name)")
        }
    }

    @Test("There are seeds for every fuzz target")
    func seedsForEveryTarget() {
        #expect(Set(Self.seeds.map { String($0.prefix { $0 != "/" }) }) == ["frontmatter", "markdown", "oparl", "yaml"])
    }

    /// Runs `bytes` through the entry point of fuzz target `target`; nil for an unknown target.
    static func replay(_ bytes: [UInt8], target: String) -> (runs: [FuzzRun], fuzzedPaths: [String])? {
        switch target {
        case "frontmatter": ([FuzzHarness.loadDocument(bytes)], FuzzHarness.documentPaths)
        case "yaml": (FuzzHarness.loadDataFile(bytes), FuzzHarness.dataFilePaths)
        case "markdown": (FuzzHarness.renderMarkdown(bytes), [FuzzHarness.markdownPagePath])
        case "oparl": (FuzzHarness.importOParl(bytes), [FuzzHarness.oparlPath])
        default: nil
        }
    }

    @Test("Every file in fuzz-regressions is listed with what it must report")
    func everyFileIsListed() throws {
        var files: [String] = []
        for target in try FileManager.default.contentsOfDirectory(atPath: Self.folder.path).sorted() {
            let targetFolder = Self.folder.appendingPathComponent(target).path
            files += try FileManager.default.contentsOfDirectory(atPath: targetFolder).map { "\(target)/\($0)" }
        }
        #expect(files.sorted() == Self.regressions.map(\.testDescription).sorted())
    }

    // MARK: - The fixes in detail

    @Test("An invalid byte after lone CR line breaks is reported on its line")
    func invalidByteAfterCarriageReturns() {
        let bytes = Array("---\rtitle: Gr".utf8) + [0xFC] + Array("n\r\n---\r".utf8)
        let file = ContentFile(relativePath: "pages/x.md", displayPath: "content/pages/x.md", bytes: bytes)
        guard case .failure(let diagnostic) = SourceText.decode(file) else {
            Issue.record("invalid UTF-8 was accepted")
            return
        }
        #expect(diagnostic.location.line == 2)
        #expect(diagnostic.location.column == 10)
    }

    @Test("Every character survives YAMLWriter and YAMLReader", arguments: [
        "Antr\u{85}ag", "a\u{2028}b\u{2029}c", "\u{7F}\u{80}\u{9F}", "am\u{FEFF}Ende\u{FEFF}", "\u{FFFE}\u{FFFF}", "\0 \t \r \n \u{1B}",
        "\u{A0}\u{D7FF}\u{E000}\u{FFFD}\u{10000}\u{10FFFF}", "- a: b # c", "'\"\\", "null", " führend", "",
    ])
    func yamlRoundTrip(_ text: String) throws {
        let yaml = YAMLWriter.write(YAMLNode(kind: .mapping([YAMLNode.Pair(key: "x", keyLine: 1, keyColumn: 1, value: YAMLNode(kind: .scalar(text, isPlain: false), line: 1, column: 1))]), line: 1, column: 1))
        let file = ContentFile(relativePath: "x.yml", displayPath: "x.yml", bytes: Array(yaml.utf8))
        let node = try YAMLReader.parse(yaml, firstLine: 1, file: file).get()
        guard case .mapping(let pairs) = node.kind, case .scalar(let value, _) = pairs.first?.value.kind else {
            Issue.record("not read back as a mapping: \(node)")
            return
        }
        #expect(Array(value.unicodeScalars) == Array(text.unicodeScalars), "written as \(yaml.debugDescription)")
    }

    @Test("An OParl paper without id is refused with advice about the id, not about resolution items")
    func paperWithoutID() {
        let paper = #"{"type": "https://schema.oparl.org/1.1/Paper", "reference": "R/1", "name": "Ohne id", "date": "2020-01-01"}"#
        let files = Fixtures.minimalSite.with("motions/r.json", paper).contentFiles()
        let (site, diagnostics) = ContentLoader.load(files: files, assets: [], asOf: FuzzHarness.asOf)
        let errors = diagnostics.all.filter { $0.severity == .error }
        #expect(errors.map(\.code) == [.missingKey])
        #expect(errors.first?.message.contains("no 'id'") == true && errors.first?.location.line == 1)
        #expect(!diagnostics.all.contains { $0.message.contains("resolutionItems") })
        #expect(site?.motion(reference: "R/1") == nil)
    }

    @Test("An OParl organization address without letters or digits gives a valid body id")
    func organizationAddressWithoutLetters() {
        let paper = #"{"id": "https://x.example/paper/1", "type": "Paper", "reference": "R/1", "name": "Gremium", "date": "2020-01-01", "originatorOrganization": ["-/-"]}"#
        let files = Fixtures.minimalSite.with("motions/r.json", paper).contentFiles()
        let (site, diagnostics) = ContentLoader.load(files: files, assets: [], asOf: FuzzHarness.asOf)
        #expect(!diagnostics.all.contains { $0.message.contains("not a valid id") }, "\(diagnostics.all.map(\.message))")
        #expect(site?.motion(reference: "R/1")?.originator == .body("oparl-gremium"))
    }

    @Test("The fuzz invariant on links tells relative paths from site URLs as a browser does", arguments: [
        ("../measures/chatbot.md", true), ("chatbot.md#punkt-1", true), ("x/y", true), ("  \tfoo", true), ("C:\\x", false),
        ("/massnahmen/chatbot/", false), ("#punkt-1", false), ("?q=1", false), ("//host/x", false), ("\\\\host", false),
        ("https://x.de", false), ("mailto:a@b.de", false), ("ja\tva:x", false), ("", false), (" \n", false),
    ])
    func relativePaths(_ url: String, _ isRelative: Bool) {
        #expect(FuzzInvariants.isRelativePath(url) == isRelative)
    }

    @Test("The fuzz invariant on links reads every href and src, entities decoded")
    func linkTargets() {
        let html = #"<p><a href="/a/?x=1&amp;y=2" title="t">x</a> <img src="../b.png" alt="href=&quot;c&quot;" /> href=&quot;d&quot;</p>"#
        #expect(SafeHTMLChecker.linkTargets(in: html) == ["/a/?x=1&y=2", "../b.png"])
    }

    @Test("The bounded edit distance agrees with the full one", arguments: 0..<8)
    func boundedEditDistance(seed: Int) {
        var generator = SeededRandom(seed: UInt64(seed) + 1)
        let alphabet = Array("abcdeä-")
        for _ in 0..<300 {
            let a = (0..<Int.random(in: 0...9, using: &generator)).map { _ in alphabet.randomElement(using: &generator)! }
            var b = a
            for _ in 0..<Int.random(in: 0...4, using: &generator) {
                switch Int.random(in: 0..<4, using: &generator) {
                case 0 where !b.isEmpty: b.remove(at: Int.random(in: 0..<b.count, using: &generator))
                case 1: b.insert(alphabet.randomElement(using: &generator)!, at: Int.random(in: 0...b.count, using: &generator))
                case 2 where b.count > 1:
                    let index = Int.random(in: 0..<(b.count - 1), using: &generator)
                    b.swapAt(index, index + 1)
                default: if !b.isEmpty { b[Int.random(in: 0..<b.count, using: &generator)] = alphabet.randomElement(using: &generator)! }
                }
            }
            let full = Self.fullEditDistance(a, b)
            for limit in 1...3 {
                let bounded = NameSuggester.editDistance(a, b, atMost: limit)
                #expect(bounded == (full <= limit ? full : nil), "\(String(a)) → \(String(b)), limit \(limit)")
            }
        }
    }

    @Test("Suggestions pick the closest candidate, ties by name, and skip far ones")
    func suggestions() {
        #expect(NameSuggester.suggestion(for: "staus", among: ["summary", "status", "state"]) == "status")
        #expect(NameSuggester.suggestion(for: "stat", among: ["star", "stab"]) == "stab")
        #expect(NameSuggester.suggestion(for: "Titel", among: ["title", "tags"]) == "title")
        #expect(NameSuggester.suggestion(for: "beschreibung", among: ["begruendung", "massnahmen"]) == nil)
        let long = String(repeating: "abschnitt-", count: 2_000)
        #expect(NameSuggester.suggestion(for: long + "x", among: [long + "y", "inhalt"]) == long + "y")
    }

    @Test("Only the first broken links of a text get a typo hint")
    func hintsAreLimited() throws {
        let headings = (1...30).map { "## Abschnitt \($0)\n" }.joined()
        let links = (1...30).map { "[Link](#abschnitt-\($0)x)" }.joined(separator: "\n")
        let page = "---\ntitle: Viele Links\n---\n" + headings + "\n" + links + "\n"
        let files = Fixtures.minimalSite.with("pages/viele.md", page).contentFiles()
        let (_, diagnostics) = ContentLoader.load(files: files, assets: [], asOf: FuzzHarness.asOf)
        let broken = diagnostics.all.filter { $0.code == .brokenLink && $0.location.file == "content/pages/viele.md" }
        #expect(broken.count == 30)
        #expect(broken.filter { $0.message.contains("Did you mean") }.count == ProseChecker.maximumSuggestions)
        #expect(broken.first?.message.contains("Did you mean 'abschnitt-1'?") == true)
    }

    @Test("Each image is checked once")
    func imagesAreCheckedOnce() {
        let page = "---\ntitle: Bilder\n---\n![](../assets/fehlt.png)\n"
        let files = Fixtures.minimalSite.with("pages/bilder.md", page).contentFiles()
        let (_, diagnostics) = ContentLoader.load(files: files, assets: [], asOf: FuzzHarness.asOf)
        let codes = diagnostics.all.filter { $0.location.file == "content/pages/bilder.md" }.map(\.code)
        #expect(codes.sorted { $0.rawValue < $1.rawValue } == [.brokenLink, .imageWithoutAlt])
    }

    /// The textbook edit distance with swaps of neighbours, for comparison.
    static func fullEditDistance(_ a: [Character], _ b: [Character]) -> Int {
        if a.isEmpty { return b.count }
        if b.isEmpty { return a.count }
        var table = [[Int]](repeating: [Int](repeating: 0, count: b.count + 1), count: a.count + 1)
        for i in 0...a.count { table[i][0] = i }
        for j in 0...b.count { table[0][j] = j }
        for i in 1...a.count {
            for j in 1...b.count {
                let cost = a[i - 1] == b[j - 1] ? 0 : 1
                table[i][j] = min(table[i - 1][j] + 1, table[i][j - 1] + 1, table[i - 1][j - 1] + cost)
                if i > 1, j > 1, a[i - 1] == b[j - 2], a[i - 2] == b[j - 1] {
                    table[i][j] = min(table[i][j], table[i - 2][j - 2] + 1)
                }
            }
        }
        return table[a.count][b.count]
    }

    /// A small deterministic random number generator (SplitMix64) for reproducible test data.
    struct SeededRandom: RandomNumberGenerator {
        private var state: UInt64

        init(seed: UInt64) {
            state = seed
        }

        mutating func next() -> UInt64 {
            state &+= 0x9E37_79B9_7F4A_7C15
            var z = state
            z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE5_E9B9
            z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
            return z ^ (z >> 31)
        }
    }
}
