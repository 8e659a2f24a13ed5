import PortalContent
import PortalDiagnostics
import PortalModel
import PortalTestSupport
import Testing

/// One mistake at a time in an otherwise valid site: each is reported once, at its file, line and column, with
/// its stable code — and nothing else is reported.
@Suite struct SingleMistakeTests {
    /// A broken site and the one diagnostic it must produce. `marker` is the text the diagnostic points at.
    struct Case: CustomTestStringConvertible, Sendable {
        var name: String
        var site: Txtar
        var file: String
        var marker: String?
        var code: DiagnosticCode
        var severity: Severity = .error
        /// The message must contain this (what the author should do).
        var advice: String
        /// Expected line when there is no marker text to find (nil = whole file).
        var line: Int? = nil
        var column: Int? = nil

        var testDescription: String { name }
    }

    static let base = Fixtures.minimalSite

    static let cases: [Case] = [
        Case(name: "broken YAML", site: base.replacing("summary: Ein Chatbot beantwortet häufige Fragen.", with: "summary: Ein Chatbot: beantwortet Fragen.", in: "measures/chatbot.md"),
             file: "measures/chatbot.md", marker: ": beantwortet", code: .yamlSyntax, advice: "double quotes"),
        Case(name: "unknown vocabulary value", site: base.replacing("status: pilot", with: "status: piloot", in: "measures/chatbot.md"),
             file: "measures/chatbot.md", marker: "piloot", code: .invalidValue, advice: "Did you mean 'pilot'?"),
        Case(name: "missing required key", site: base.replacing("humanOversight: Das Team prüft Antworten wöchentlich.\n", with: "", in: "measures/chatbot.md"),
             file: "measures/chatbot.md", marker: nil, code: .missingKey, advice: "humanOversight", line: 2, column: 1),
        Case(name: "dangling body reference", site: base.replacing("originator: fraktion-a", with: "originator: fraktion-b", in: "motions/AT-0001-2025.md"),
             file: "motions/AT-0001-2025.md", marker: "fraktion-b", code: .danglingReference, advice: "Did you mean 'fraktion-a'?"),
        Case(name: "dangling resolution item", site: base.replacing("AT/0001/2025#1", with: "AT/0001/2025#4", in: "measures/chatbot.md"),
             file: "measures/chatbot.md", marker: "\"AT/0001/2025#4\"", code: .danglingReference, advice: "Its item is 1."),
        Case(name: "duplicate motion reference",
             site: base.with("motions/zweiter.md", "---\nreference: AT/0001/2025\nname: Doppelt\ndate: 2025-04-26\npaperType: motion\noriginator: fraktion-a\nresolutionItems:\n  - id: 1\n    text: x\n    status: open\n---\n"),
             file: "motions/zweiter.md", marker: nil, code: .duplicateID, advice: "used twice", line: 2, column: 12),
        Case(name: "impossible date", site: base.replacing("updated: 2025-11-01", with: "updated: 2025-02-30", in: "measures/chatbot.md"),
             file: "measures/chatbot.md", marker: "2025-02-30", code: .invalidDate, advice: "does not exist"),
        Case(name: "German date format", site: base.replacing("date: 2025-05-08\ntype", with: "date: 08.05.2025\ntype", in: "updates/2025-05-08-stadtrat.md"),
             file: "updates/2025-05-08-stadtrat.md", marker: "08.05.2025", code: .invalidDate, advice: "2025-05-08"),
        Case(name: "unterminated front matter", site: base.with("pages/offen.md", "---\ntitle: Offen\n\nText ohne Ende"),
             file: "pages/offen.md", marker: nil, code: .unterminatedFrontMatter, advice: "'---'", line: 1, column: 1),
        Case(name: "over-long title", site: base.replacing("title: Chatbot im Bürgerservice", with: "title: " + String(repeating: "Langer Titel ", count: 9), in: "measures/chatbot.md"),
             file: "measures/chatbot.md", marker: "Langer", code: .tooLong, advice: "at most 100"),
        Case(name: "high risk without EU database entry", site: base.replacing("riskClass: limited", with: "riskClass: high", in: "measures/chatbot.md"),
             file: "measures/chatbot.md", marker: "high", code: .missingEUDatabaseURL, advice: "euDatabaseURL"),
        Case(name: "site.yml without baseURL", site: base.replacing("baseURL: https://ki.test.example\n", with: "", in: "site.yml"),
             file: "site.yml", marker: nil, code: .missingKey, advice: "baseURL", line: 1, column: 1),
        Case(name: "unknown area", site: base.replacing("area: buergerservice", with: "area: buergerservis", in: "measures/chatbot.md"),
             file: "measures/chatbot.md", marker: "buergerservis", code: .danglingReference, advice: "Did you mean 'buergerservice'?"),
        Case(name: "unknown key is a warning", site: base.replacing("menu: 1", with: "menue: 1", in: "pages/chancen.md"),
             file: "pages/chancen.md", marker: "menue", code: .unknownKey, severity: .warning, advice: "Did you mean 'menu'?"),
        Case(name: "tab indentation", site: base.replacing("  - id: bauantraege", with: "\t- id: bauantraege", in: "site.yml"),
             file: "site.yml", marker: "\t", code: .yamlSyntax, advice: "spaces"),
        Case(name: "duplicate key", site: base.replacing("status: pilot", with: "status: pilot\nstatus: in-use", in: "measures/chatbot.md"),
             file: "measures/chatbot.md", marker: "status: in-use", code: .duplicateKey, advice: "appears more than once"),
        Case(name: "list where text is expected", site: base.replacing("title: Chancen", with: "title: [Chancen]", in: "pages/chancen.md"),
             file: "pages/chancen.md", marker: "[Chancen]", code: .wrongType, advice: "should be text"),
        Case(name: "duplicate page slug", site: base.with("pages/chancen-2.md", "---\ntitle: Noch einmal\nslug: chancen\n---\n"),
             file: "pages/chancen-2.md", marker: "chancen\n", code: .duplicateID, advice: "used twice"),
        Case(name: "page slug of a generated section", site: base.with("pages/massnahmen.md", "---\ntitle: Maßnahmen\n---\n"),
             file: "pages/massnahmen.md", marker: nil, code: .duplicateID, advice: "generated section"),
        Case(name: "unknown partner", site: base.replacing("partners: [hochschule]", with: "partners: [hochschul]", in: "measures/chatbot.md"),
             file: "measures/chatbot.md", marker: "hochschul]", code: .danglingReference, advice: "Did you mean 'hochschule'?"),
        Case(name: "unknown related motion in update", site: base.replacing("related: [AT/0001/2025, chatbot]", with: "related: [AT/0002/2025, chatbot]", in: "updates/2025-05-08-stadtrat.md"),
             file: "updates/2025-05-08-stadtrat.md", marker: "AT/0002/2025", code: .danglingReference, advice: "neither a motion"),
        Case(name: "evidence that does not exist", site: base.replacing("evidence: [chatbot]", with: "evidence: [chatbott]", in: "motions/AT-0001-2025.md"),
             file: "motions/AT-0001-2025.md", marker: "chatbott", code: .danglingReference, advice: "Did you mean 'chatbot'?"),
        Case(name: "vote without counts", site: base.replacing("vote: {yes: 30, no: 10, abstain: 2}", with: "vote: {}", in: "motions/AT-0001-2025.md"),
             file: "motions/AT-0001-2025.md", marker: "{}", code: .missingKey, advice: "unanimous"),
        Case(name: "empty file", site: base.with("measures/leer.md", ""),
             file: "measures/leer.md", marker: nil, code: .emptyFile, advice: "front matter"),
        Case(name: "malformed URL", site: base.replacing("url: https://durchsetzung.test.example", with: "url: htps//durchsetzung", in: "site.yml"),
             file: "site.yml", marker: "htps//durchsetzung", code: .invalidURL, advice: "https://"),
        Case(name: "link to a missing file", site: base.replacing("../measures/chatbot.md)", with: "../measures/chatbott.md)", in: "motions/AT-0001-2025.md"),
             file: "motions/AT-0001-2025.md", marker: "[Chatbot]", code: .brokenLink, advice: "Did you mean 'measures/chatbot.md'?"),
        Case(name: "link to a missing anchor", site: base.replacing("#begruendung-im-detail", with: "#begruendung-kurz", in: "updates/2025-05-08-stadtrat.md"),
             file: "updates/2025-05-08-stadtrat.md", marker: "[Begründung]", code: .brokenLink, advice: "'#begruendung-kurz' does not exist"),
        Case(name: "link to a missing resolution item", site: base.replacing("#punkt-1", with: "#punkt-2", in: "measures/chatbot.md"),
             file: "measures/chatbot.md", marker: "[Punkt 1]", code: .brokenLink, advice: "'#punkt-2' does not exist"),
        Case(name: "link out of the content folder", site: base.replacing("(#wo-ki-hilft)", with: "(../../etc/passwd)", in: "pages/chancen.md"),
             file: "pages/chancen.md", marker: "[Abschnitt]", code: .brokenLink, advice: "outside the content folder"),
        Case(name: "image without alt text", site: base.replacing("Text mit", with: "![](/assets/bild.png) Text mit", in: "pages/chancen.md").with("assets/bild.png", "PNG"),
             file: "pages/chancen.md", marker: "![]", code: .imageWithoutAlt, advice: "alternative text"),
        Case(name: "image from another host", site: base.replacing("Text mit", with: "![Logo](https://cdn.example.org/logo.png) Text mit", in: "pages/chancen.md"),
             file: "pages/chancen.md", marker: "![Logo]", code: .brokenLink, advice: "content/assets/"),
        Case(name: "raw HTML", site: base.replacing("Text mit", with: "Text <b>mit</b>", in: "pages/chancen.md"),
             file: "pages/chancen.md", marker: "<b>", code: .rawHTML, severity: .warning, advice: "Markdown"),
        Case(name: "skipped heading level", site: base.replacing("Text mit", with: "#### Tief\n\nText mit", in: "pages/chancen.md"),
             file: "pages/chancen.md", marker: "#### Tief", code: .headingLevelSkipped, severity: .warning, advice: "Use ###"),
        Case(name: "malformed web address", site: base.replacing("Text mit", with: "[Amt](https://) Text mit", in: "pages/chancen.md"),
             file: "pages/chancen.md", marker: "[Amt]", code: .invalidURL, severity: .warning, advice: "malformed"),
        Case(name: "web address without scheme", site: base.replacing("Text mit", with: "[Amt](www.stadt.example) Text mit", in: "pages/chancen.md"),
             file: "pages/chancen.md", marker: "[Amt]", code: .invalidURL, severity: .warning, advice: "https://www.stadt.example"),
        Case(name: "malformed e-mail link", site: base.replacing("Text mit", with: "[Mail](mailto:amt-at-stadt) Text mit", in: "pages/chancen.md"),
             file: "pages/chancen.md", marker: "[Mail]", code: .invalidURL, severity: .warning, advice: "mailto:name@example.de"),
        Case(name: "file outside the content model", site: base.with("notes.txt", "hello"),
             file: "notes.txt", marker: nil, code: .unknownFile, severity: .warning, advice: "ignored"),
    ]

    @Test(arguments: cases)
    func reportsExactlyOneDiagnostic(_ testCase: Case) throws {
        let (_, diagnostics) = ContentLoader.load(files: testCase.site.contentFiles(), assets: testCase.site.assets(), asOf: LocalDate(year: 2026, month: 1, day: 1))
        let all = diagnostics.sorted()
        try #require(all.count == 1, "expected one diagnostic, got: \(all.map(\.description))")
        let diagnostic = all[0]
        var line = testCase.line, column = testCase.column
        if let marker = testCase.marker {
            let position = try #require(Fixtures.position(of: marker, in: testCase.file, of: testCase.site))
            (line, column) = (position.line, position.column)
        }
        #expect(diagnostic.location == SourceLocation(file: "content/" + testCase.file, line: line, column: column))
        #expect(diagnostic.code == testCase.code)
        #expect(diagnostic.severity == testCase.severity)
        #expect(diagnostic.message.contains(testCase.advice), "message: \(diagnostic.message)")
    }

    @Test func collectsAllMistakesTogether() {
        let site = Self.base
            .replacing("status: pilot", with: "status: piloot", in: "measures/chatbot.md")
            .replacing("originator: fraktion-a", with: "originator: fraktion-b", in: "motions/AT-0001-2025.md")
            .with("pages/offen.md", "---\ntitle: Offen\n")
        let (_, diagnostics) = ContentLoader.load(files: site.contentFiles(), assets: [], asOf: LocalDate(year: 2026, month: 1, day: 1))
        #expect(diagnostics.sorted().map(\.code) == [.invalidValue, .danglingReference, .unterminatedFrontMatter])
    }
}
