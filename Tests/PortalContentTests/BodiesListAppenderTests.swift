import Foundation
@testable import PortalContent
import PortalDiagnostics
import Testing

/// `portal import oparl` adds bodies to bodies.yml in the form the file has, keeping what the author wrote.
@Suite struct BodiesListAppenderTests {
    /// Two new bodies, as the OParl import makes them.
    static let newBodies: [YAMLNode] = [
        entry(id: "ausschuss-neu", name: "Ausschuss \"Neu\": Digitales"),
        entry(id: "beirat-neu", name: "Beirat Neu"),
    ]

    static func entry(id: String, name: String) -> YAMLNode {
        func scalar(_ text: String, plain: Bool = true) -> YAMLNode { YAMLNode(kind: .scalar(text, isPlain: plain), line: 1, column: 1) }
        return YAMLNode(kind: .mapping([
            .init(key: "id", keyLine: 1, keyColumn: 1, value: scalar(id)),
            .init(key: "name", keyLine: 1, keyColumn: 1, value: scalar(name, plain: false)),
            .init(key: "organizationType", keyLine: 1, keyColumn: 1, value: scalar("Gremium")),
            .init(key: "classification", keyLine: 1, keyColumn: 1, value: scalar("committee")),
        ]), line: 1, column: 1)
    }

    /// A bodies.yml form the loader accepts, and the ids it holds.
    struct Form: CustomTestStringConvertible, Sendable {
        var name: String
        var text: String
        var ids: [String]
        var testDescription: String { name }
    }

    static let forms: [Form] = [
        Form(name: "bare list with comments", text: """
            # Gremien der Stadt
            - id: stadtrat
              name: Stadtrat
              organizationType: Gremium
              classification: council
            # Fraktionen
            - id: fraktion-a # die größte
              name: Fraktion A
              organizationType: Fraktion
              classification: faction
            # Ende der Liste

            """, ids: ["stadtrat", "fraktion-a"]),
        Form(name: "indented list under bodies: with a key after it", text: """
            # Gremien der Stadt
            bodies:
              # der Rat
              - id: stadtrat
                name: Stadtrat
                organizationType: Gremium
                classification: council

              - id: fraktion-a
                name: "Fraktion A"
                organizationType: Fraktion
                classification: faction
                # noch ohne Website

            # Notizen der Redaktion
            x-note: Liste gepflegt von der Pressestelle

            """, ids: ["stadtrat", "fraktion-a"]),
        Form(name: "flush list under bodies:", text: """
            bodies:
            - id: stadtrat
              name: Stadtrat
              organizationType: Gremium
              classification: council
            """, ids: ["stadtrat"]),
        Form(name: "list indented by four under bodies:", text: """
            x-stand: 2025
            bodies:
                -   id: stadtrat
                    name: Stadtrat
                    organizationType: Gremium
                    classification: council
            """, ids: ["stadtrat"]),
        Form(name: "empty bodies: before another key", text: """
            bodies: # noch leer
            x-note: bald mehr

            """, ids: []),
        Form(name: "comments only", text: """
            # Hier kommen die Gremien hin.

            """, ids: []),
        Form(name: "empty file", text: "", ids: []),
    ]

    static func file(_ text: String) -> ContentFile {
        ContentFile(relativePath: "bodies.yml", displayPath: "content/bodies.yml", bytes: Array(text.utf8))
    }

    /// The ids of bodies.yml as the loader reads it, and its diagnostics.
    static func load(_ text: String) -> (ids: [String], diagnostics: [Diagnostic]) {
        var diagnostics: [Diagnostic] = []
        let entries = ContentParser.parseDataFile(file(text), diagnostics: &diagnostics) { validator, node in
            validator.validateRootList(node, of: ContentSchemas.body, listKey: "bodies")
        } ?? []
        return (entries.compactMap { $0.text("id") }, diagnostics)
    }

    /// Whether every line of `original` appears in `result`, in the same order.
    static func keepsEveryLine(of original: String, in result: String) -> Bool {
        var remaining = result.split(separator: "\n", omittingEmptySubsequences: false)[...]
        for line in original.split(separator: "\n", omittingEmptySubsequences: true) {
            guard let found = remaining.firstIndex(of: line) else { return false }
            remaining = remaining[(found + 1)...]
        }
        return true
    }

    @Test(arguments: forms)
    func appendsToEveryFormAndKeepsWhatWasWritten(_ form: Form) throws {
        #expect(Self.load(form.text).ids == form.ids, "the form itself must load")
        let result = try BodiesListAppender.append(Self.newBodies, heading: "Übernommen aus OParl:", to: Self.file(form.text), listKey: "bodies").get()
        let loaded = Self.load(result)
        #expect(loaded.diagnostics.map(\.description) == [])
        #expect(loaded.ids == form.ids + ["ausschuss-neu", "beirat-neu"])
        #expect(Self.keepsEveryLine(of: form.text, in: result), "an original line was lost or moved:\n\(result)")
        #expect(result.contains("# Übernommen aus OParl:"))
        #expect(result.hasSuffix("\n"))
    }

    @Test func entriesLineUpWithTheExistingDashes() throws {
        let indented = try #require(Self.forms.first { $0.name.hasPrefix("indented") })
        let result = try BodiesListAppender.append(Self.newBodies, heading: "Übernommen aus OParl:", to: Self.file(indented.text), listKey: "bodies").get()
        #expect(result.contains("\n  # Übernommen aus OParl:\n  - id: ausschuss-neu\n    name: \"Ausschuss \\\"Neu\\\": Digitales\"\n"))
        // The new entries come right after the list, before the comment and key that follow it.
        let added = try #require(result.range(of: "  - id: beirat-neu"))
        let note = try #require(result.range(of: "# Notizen der Redaktion"))
        #expect(added.lowerBound < note.lowerBound)
        #expect(result.hasSuffix("x-note: Liste gepflegt von der Pressestelle\n"))
    }

    @Test func noFileBecomesABareList() throws {
        let result = try BodiesListAppender.append(Self.newBodies, heading: "Übernommen aus OParl:", to: nil, listKey: "bodies").get()
        #expect(result.hasPrefix("# Übernommen aus OParl:\n- id: ausschuss-neu\n"))
        #expect(Self.load(result).ids == ["ausschuss-neu", "beirat-neu"])
    }

    @Test func keepsLineEndingsAndByteOrderMark() throws {
        let text = Self.forms[1].text.replacing("\n", with: "\r\n")
        let bytes = [0xEF, 0xBB, 0xBF] + Array(text.utf8)
        let source = ContentFile(relativePath: "bodies.yml", displayPath: "content/bodies.yml", bytes: bytes)
        let result = try BodiesListAppender.append(Self.newBodies, heading: "Übernommen aus OParl:", to: source, listKey: "bodies").get()
        #expect(result.hasPrefix("\u{FEFF}# Gremien der Stadt\r\n"))
        #expect(!result.replacing("\r\n", with: "").contains("\n"), "every line ends in CRLF")
        #expect(Self.load(result).ids == ["stadtrat", "fraktion-a", "ausschuss-neu", "beirat-neu"])
    }

    /// Files the entries cannot be added to safely: a diagnostic at the place, and no text.
    @Test(arguments: [
        ("bodies: [{id: stadtrat, name: Stadtrat, organizationType: Gremium, classification: council}]\n", DiagnosticCode.wrongType, 1, 9),
        ("[{id: stadtrat, name: Stadtrat, organizationType: Gremium, classification: council}]\n", .wrongType, 1, 1),
        ("bodies: Stadtrat\n", .wrongType, 1, 9),
        ("gremien:\n  - id: stadtrat\n", .missingKey, 1, 1),
        ("Stadtrat\n", .wrongType, 1, 1),
        ("bodies:\n  - id: stadtrat\n   name: [\n", .yamlSyntax, 0, 0),
    ])
    func refusesWhatItCannotExtend(_ text: String, _ code: DiagnosticCode, _ line: Int, _ column: Int) {
        switch BodiesListAppender.append(Self.newBodies, heading: "Übernommen aus OParl:", to: Self.file(text), listKey: "bodies") {
        case .success(let result):
            Issue.record("appended to a file it should refuse:\n\(result)")
        case .failure(let diagnostic):
            #expect(diagnostic.code == code)
            #expect(diagnostic.location.file == "content/bodies.yml")
            if line > 0 { #expect(diagnostic.location.line == line) }
            if column > 0 { #expect(diagnostic.location.column == column) }
            #expect(diagnostic.message.contains("import") || code == .yamlSyntax)
        }
    }

    /// The whole import: OParl organizations end up in an indented bodies.yml that loads with them.
    @Test func importAddsOrganizationsToAnIndentedBodiesFile() throws {
        let indented = try #require(Self.forms.first { $0.name.hasPrefix("indented") })
        let files = try ["Paper-01.json", "Organization-01.json", "Meeting-01.json", "Person-01.json"].map { name in
            ContentFile(relativePath: name, displayPath: "export/" + name, bytes: Array(try OParlImportTests.example(name).utf8))
        }
        let result = OParlMarkdownExport.convert(files: files, bodies: Self.file(indented.text))
        #expect(!result.hasErrors)
        #expect(result.bodyCount > 0)
        let text = try result.bodiesFile(updating: Self.file(indented.text)).get()
        let loaded = Self.load(text)
        #expect(loaded.diagnostics.map(\.description) == [])
        #expect(loaded.ids.count == 2 + result.bodyCount)
        #expect(Array(loaded.ids.prefix(2)) == ["stadtrat", "fraktion-a"])
        #expect(Self.keepsEveryLine(of: indented.text, in: text))
    }
}
