import Foundation
import PortalTestSupport
import Testing

/// `portal import oparl` on a content folder whose bodies.yml is written as an indented `bodies:` list.
@Suite struct ImportCommandTests {
    static let examples = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        .appendingPathComponent("../Fixtures/oparl").standardized.path

    /// The minimal site's bodies as an indented `bodies:` list with comments and a key after it.
    static let indentedBodies = """
        # Gremien der Teststadt
        bodies:
          # der Rat
          - id: stadtrat
            name: Stadtrat
            organizationType: Gremium
            classification: council
          - id: fraktion-a
            name: Fraktion A
            organizationType: Fraktion
            classification: faction

        # gepflegt von der Pressestelle
        x-stand: 2026-01

        """

    /// A content folder with the minimal site, the given bodies.yml, and an export folder with the OParl examples.
    func prepare(bodies: String) throws -> TemporaryDirectory {
        let directory = try TemporaryDirectory()
        try directory.write(Fixtures.minimalSite.with("bodies.yml", bodies), into: "content")
        try FileManager.default.createDirectory(atPath: directory.path + "/export", withIntermediateDirectories: true)
        for name in ["Paper-01.json", "Organization-01.json", "Meeting-01.json", "Person-01.json"] {
            try FileManager.default.copyItem(atPath: Self.examples + "/" + name, toPath: directory.path + "/export/" + name)
        }
        return directory
    }

    @Test func importKeepsAnIndentedBodiesListValid() throws {
        let directory = try prepare(bodies: Self.indentedBodies)
        defer { directory.remove() }
        let imported = try CommandLineTests().run(["import", "oparl", "export", "--content", "content"], in: directory.path)
        #expect(imported.status == 0, "\(imported.stderr)")
        #expect(imported.stdout.contains("portal: wrote content/motions/1234-2014.md"))
        let bodies = try String(contentsOfFile: directory.path + "/content/bodies.yml", encoding: .utf8)
        #expect(bodies.hasPrefix(Self.indentedBodies.components(separatedBy: "\n# gepflegt")[0]), "the existing list is unchanged")
        #expect(bodies.contains("\n  # Übernommen aus OParl:\n  - id: "), "new entries line up with the existing ones")
        #expect(bodies.hasSuffix("# gepflegt von der Pressestelle\nx-stand: 2026-01\n"), "the key after the list stays after it")
        let check = try CommandLineTests().run(["check", "--content", "content", "--as-of", "2026-01-15"], in: directory.path)
        #expect(check.status == 0, "\(check.stderr)")
        #expect(!check.stderr.contains("error"))
    }

    @Test func bracketListIsRefusedAndNothingIsWritten() throws {
        let bracketed = "bodies: [{id: stadtrat, name: Stadtrat, organizationType: Gremium, classification: council}, {id: fraktion-a, name: Fraktion A, organizationType: Fraktion, classification: faction}]\n"
        let directory = try prepare(bodies: bracketed)
        defer { directory.remove() }
        let imported = try CommandLineTests().run(["import", "oparl", "export", "--content", "content"], in: directory.path)
        #expect(imported.status == 1)
        #expect(imported.stderr.contains("content/bodies.yml:1:9: error: The list is written in brackets"))
        #expect(imported.stderr.contains("nothing was written"))
        #expect(try String(contentsOfFile: directory.path + "/content/bodies.yml", encoding: .utf8) == bracketed)
        #expect(!FileManager.default.fileExists(atPath: directory.path + "/content/motions/1234-2014.md"))
    }
}
