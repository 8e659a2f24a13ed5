import Foundation
import PortalContent
import PortalDiagnostics
import Testing

/// The generated documentation and schemas in the repository match the schemas the loader validates with.
@Suite struct DocumentationTests {
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    /// Compares `text` with the committed file; `PORTAL_UPDATE_GOLDEN=1` rewrites it instead.
    func compareGolden(_ text: String, _ relativePath: String) throws {
        let url = Self.root.appendingPathComponent(relativePath)
        if ProcessInfo.processInfo.environment["PORTAL_UPDATE_GOLDEN"] == "1" {
            try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
            try Data(text.utf8).write(to: url)
        }
        let committed = try String(contentsOf: url, encoding: .utf8)
        #expect(committed == text, "\(relativePath) is out of date: run PORTAL_UPDATE_GOLDEN=1 swift test --filter DocumentationTests")
    }

    @Test func fieldReferenceIsCurrent() throws {
        try compareGolden(SchemaExport.fieldReference(), "docs/referenz/felder.md")
    }

    @Test func jsonSchemasAreValidJSONWithEveryFileType() throws {
        let schemas = SchemaExport.jsonSchemas(baseURL: "https://ki.example")
        #expect(schemas.map(\.name) == ["site.schema.json", "bodies.schema.json", "partners.schema.json", "motion.schema.json", "measure.schema.json", "update.schema.json", "page.schema.json"])
        for schema in schemas {
            let object = try #require(try JSONSerialization.jsonObject(with: Data(schema.text.utf8)) as? [String: Any])
            #expect(object["$schema"] as? String == "http://json-schema.org/draft-07/schema#")
            let definitions = try #require(object["definitions"] as? [String: Any])
            #expect(!definitions.isEmpty)
        }
        let measure = try #require(schemas.first { $0.name == "measure.schema.json" }?.text)
        #expect(measure.contains(#""enum" : ["#) || measure.contains(#""enum": ["#))
        #expect(SchemaExport.jsonSchemas(baseURL: "https://ki.example").map(\.text) == schemas.map(\.text))
    }
}

/// Every diagnostic code is explained for authors in docs/fehler.md.
@Suite struct ErrorDocumentationTests {
    @Test func everyCodeIsExplained() throws {
        let text = try String(contentsOf: DocumentationTests.root.appendingPathComponent("docs/fehler.md"), encoding: .utf8)
        for code in DiagnosticCode.allCases {
            #expect(text.contains("| `\(code.rawValue)` |"), "docs/fehler.md does not explain \(code.rawValue)")
        }
    }
}
