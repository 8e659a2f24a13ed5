import Foundation
@testable import PortalContent
import PortalDiagnostics
import PortalMarkdown
import PortalModel
import PortalTestSupport
import Testing

/// OParl 1.1 papers in `motions/*.json` become motions like hand-written ones.
@Suite struct OParlImportTests {
    let asOf = LocalDate(year: 2026, month: 1, day: 15)

    static func example(_ name: String) throws -> String {
        let url = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("../Fixtures/oparl/\(name)")
        return try String(contentsOf: url, encoding: .utf8)
    }

    /// The minimal site plus the given files below `motions/`.
    func load(_ files: [(String, String)], bodies: String? = nil) -> (Site?, [Diagnostic]) {
        var archive = Fixtures.minimalSite
        for (name, text) in files { archive = archive.with("motions/\(name)", text) }
        if let bodies { archive = archive.with("bodies.yml", archive["bodies.yml"]! + "\n" + bodies) }
        let (site, diagnostics) = ContentLoader.load(files: archive.contentFiles(), assets: [], asOf: asOf)
        return (site, diagnostics.sorted())
    }

    /// A paper consistent with the example Organization, Meeting (and its agenda item) and Person.
    static let consistentPaper = #"""
    [{
      "id": "https://oparl.example.org/paper/750",
      "type": "https://schema.oparl.org/1.1/Paper",
      "name": "Satzungsänderung für Ausschreibungen",
      "reference": "1300/2013",
      "date": "2012-12-10",
      "paperType": " beschlussvorlage ",
      "originatorPerson": ["https://oparl.example.org/person/29"],
      "sessionnet:status": {"erledigt": true},
      "consultation": [{
        "id": "https://oparl.example.org/consultation/1034",
        "type": "https://schema.oparl.org/1.1/Consultation",
        "meeting": "https://oparl.example.org/meeting/281",
        "organization": ["https://oparl.example.org/organization/34"],
        "authoritative": true,
        "role": "Beschlussfassung",
        "sessionnet:votes": {"ja": 9, "nein": 2, "enthaltung": 1}
      }]
    }]
    """#

    @Test func examplePaperLoadsWithWarningsForWhatIsMissing() throws {
        let names = ["Paper-01.json", "Organization-01.json", "Meeting-01.json", "Person-01.json", "Body-01.json", "File-01.json", "Location-01.json", "System-01.json"]
        let (site, diagnostics) = load(try names.map { ($0, try Self.example($0)) })
        #expect(diagnostics.filter { $0.severity == .error }.map(\.description) == [])
        let motion = try #require(site?.motion(reference: "1234/2014"))
        #expect(motion.name == "Antwort auf Anfrage 1200/2014")
        #expect(motion.date == LocalDate(year: 2014, month: 4, day: 4))
        #expect(motion.paperTypeText == "Beantwortung einer Anfrage")
        #expect(motion.paperType == .inquiry)
        #expect(motion.oparlID == "https://oparl.example.org/paper/749")
        #expect(motion.resolutionItems.isEmpty)
        #expect(motion.files.map(\.url) == ["https://oparl.example.org/files/57737.pdf", "https://oparl.example.org/files/57739.pdf"])
        #expect(motion.files.first?.size == 82930 && motion.files.first?.mediaType == "application/pdf")
        let consultation = try #require(motion.consultations.first)
        #expect(consultation.role == .decision && !consultation.authoritative)
        // The example names people, organizations and a meeting that are in none of the example files.
        let paperWarnings = diagnostics.filter { $0.location.file.hasSuffix("Paper-01.json") }
        #expect(paperWarnings.allSatisfy { $0.severity == .warning })
        let messages = paperWarnings.map(\.message).joined(separator: "\n")
        #expect(messages.contains("'Beantwortung einer Anfrage'") && messages.contains("nearest known type is 'Anfrage'"))
        #expect(messages.contains("person/2000") && messages.contains("organization/96") && messages.contains("meeting/243"))
        let typeWarning = try #require(paperWarnings.first { $0.message.contains("paper type") })
        #expect(typeWarning.location.line == 8 && typeWarning.location.column == 18)
        #expect(!diagnostics.contains { $0.location.file.hasSuffix("Meeting-01.json") }, "the agenda item without 'order' loads")
    }

    @Test func consistentPaperUsesMeetingAgendaItemOrganizationAndPerson() throws {
        let (site, diagnostics) = load([
            ("papers.json", Self.consistentPaper), ("Organization-01.json", try Self.example("Organization-01.json")),
            ("Meeting-01.json", try Self.example("Meeting-01.json")), ("Person-01.json", try Self.example("Person-01.json")),
        ])
        #expect(diagnostics.map(\.description) == [])
        let loaded = try #require(site)
        let motion = try #require(loaded.motion(reference: "1300/2013"))
        #expect(motion.paperType == .proposal && motion.paperTypeText == nil)
        #expect(motion.originator == .people(["Prof. Dr. Max Mustermann"]))
        #expect(motion.extensions == ["sessionnet:status": #"{"erledigt":true}"#])
        let consultation = try #require(motion.consultations.first)
        #expect(consultation.organization == "finanzausschuss")
        #expect(consultation.date == LocalDate(year: 2013, month: 1, day: 4))
        #expect(consultation.agendaItem == "TOP 10.1")
        #expect(consultation.result == .adoptedAmended && consultation.resultText == nil)
        #expect(consultation.resolutionText?.plainText.hasPrefix("Der Beschluss weicht wie folgt vom Antrag ab") == true)
        #expect(consultation.vote == .counts(yes: 9, no: 2, abstain: 1))
        #expect(consultation.extensions == ["sessionnet:votes": #"{"enthaltung":1,"ja":9,"nein":2}"#])
        #expect(motion.isAdopted)
        let body = try #require(loaded.bodies.first { $0.id == "finanzausschuss" })
        #expect(body.name == "Ausschuss für Haushalt und Finanzen" && body.classification == .committee && body.organizationType == .gremium)
    }

    @Test func organizationMapsToHandWrittenBodyThroughOParlID() throws {
        let (site, diagnostics) = load(
            [("papers.json", Self.consistentPaper), ("Meeting-01.json", try Self.example("Meeting-01.json")), ("Person-01.json", try Self.example("Person-01.json"))],
            bodies: "- id: finanzen\n  name: Finanzausschuss\n  organizationType: Gremium\n  classification: committee\n  oparlId: https://oparl.example.org/organization/34\n")
        #expect(diagnostics.map(\.description) == [])
        let motion = try #require(site?.motion(reference: "1300/2013"))
        #expect(motion.consultations.map(\.organization) == ["finanzen"])
        #expect(site?.bodies.contains { $0.id == "finanzausschuss" } == false)
    }

    @Test(arguments: [
        ("Mit Maßgaben beschlossen", "result", "Beschlossen"),
        ("Vorberatung und Empfehlung", "role", "Vorberatung"),
    ])
    func unknownFreeTextIsShownAsWrittenWithWarning(_ text: String, _ field: String, _ nearest: String) throws {
        var paper = Self.consistentPaper
        if field == "result" {
            var meeting = try Self.example("Meeting-01.json")
            meeting = meeting.replacingOccurrences(of: "\"Geändert beschlossen\"", with: "\"\(text)\"")
            paper = paper.replacingOccurrences(of: "\"role\": \"Beschlussfassung\"", with: "\"role\": \"Beschlussfassung\"")
            let (site, diagnostics) = load([("papers.json", paper), ("Meeting-01.json", meeting), ("Organization-01.json", try Self.example("Organization-01.json")), ("Person-01.json", try Self.example("Person-01.json"))])
            let consultation = try #require(site?.motion(reference: "1300/2013")?.consultations.first)
            #expect(consultation.resultText == text && consultation.result == .pending)
            #expect(diagnostics.map(\.message).contains { $0.contains("'\(text)'") && $0.contains("nearest known result is '\(nearest)'") })
            #expect(diagnostics.allSatisfy { $0.severity == .warning })
        } else {
            paper = paper.replacingOccurrences(of: "\"role\": \"Beschlussfassung\"", with: "\"role\": \"\(text)\"")
            let (site, diagnostics) = load([("papers.json", paper), ("Meeting-01.json", try Self.example("Meeting-01.json")), ("Organization-01.json", try Self.example("Organization-01.json")), ("Person-01.json", try Self.example("Person-01.json"))])
            let consultation = try #require(site?.motion(reference: "1300/2013")?.consultations.first)
            #expect(consultation.roleText == text && consultation.role == .decision, "authoritative, so counted as a decision")
            #expect(diagnostics.map(\.message).contains { $0.contains("'\(text)'") && $0.contains("nearest known role is '\(nearest)'") })
        }
    }

    @Test func paperWithoutReferenceAndNameIsAnError() throws {
        let (_, diagnostics) = load([("bad.json", #"{"type": "https://schema.oparl.org/1.1/Paper", "date": "2020-01-01"}"#)])
        let error = try #require(diagnostics.first { $0.severity == .error })
        #expect(error.code == .missingKey && error.location.file.hasSuffix("motions/bad.json") && error.location.line == 1 && error.location.column == 1)
    }

    @Test func paperWithoutReferenceUsesItsIDWithWarning() throws {
        let (site, diagnostics) = load([("p.json", #"{"id": "https://x.example/paper/77", "type": "https://schema.oparl.org/1.1/Paper", "name": "Ohne Aktenzeichen", "date": "2020-01-01", "paperType": "Antrag", "originatorOrganization": ["https://x.example/org/1"]}"#)])
        #expect(site?.motion(reference: "77")?.paperType == .motion)
        #expect(diagnostics.allSatisfy { $0.severity == .warning })
        #expect(diagnostics.contains { $0.message.contains("no 'reference'") })
        #expect(diagnostics.contains { $0.message.contains("https://x.example/org/1") })
    }

    @Test func malformedJSONIsAnErrorWithPosition() throws {
        let (site, diagnostics) = load([("broken.json", "{\n  \"type\": \"https://schema.oparl.org/1.1/Paper\"\n  \"name\": \"x\"\n}")])
        #expect(site != nil)
        let error = try #require(diagnostics.first { $0.severity == .error })
        #expect(error.code == .jsonSyntax)
        #expect(error.location.file == "content/motions/broken.json" && error.location.line == 3 && error.location.column == 3)
    }

    @Test func handWrittenMotionStillNeedsResolutionItems() throws {
        var archive = Fixtures.minimalSite
        let motion = try #require(archive["motions/AT-0001-2025.md"])
        let start = try #require(motion.range(of: "resolutionItems:"))
        let end = try #require(motion.range(of: "consultations:"))
        archive = archive.with("motions/AT-0001-2025.md", motion.replacingCharacters(in: start.lowerBound..<end.lowerBound, with: ""))
        let diagnostics = ContentLoader.load(files: archive.contentFiles(), assets: [], asOf: asOf).diagnostics
        #expect(diagnostics.contains { $0.code == .missingKey && $0.message.contains("resolutionItems") })
    }

    /// import → Markdown → load gives the same motion and bodies as loading the JSON.
    @Test func importedMarkdownLoadsAsTheSameMotion() throws {
        let json: [(String, String)] = [
            ("papers.json", Self.consistentPaper), ("Organization-01.json", try Self.example("Organization-01.json")),
            ("Meeting-01.json", try Self.example("Meeting-01.json")), ("Person-01.json", try Self.example("Person-01.json")),
            ("Paper-01.json", try Self.example("Paper-01.json")),
        ]
        let (fromJSON, _) = load(json)
        let files = json.map { ContentFile(relativePath: "motions/" + $0.0, displayPath: "export/" + $0.0, bytes: Array($0.1.utf8)) }
        let bodies = Fixtures.minimalSite["bodies.yml"]!
        let result = OParlMarkdownExport.convert(files: files, bodies: ContentFile(relativePath: "bodies.yml", displayPath: "content/bodies.yml", bytes: Array(bodies.utf8)))
        #expect(!result.hasErrors)
        #expect(result.motions.map(\.relativePath) == ["motions/1234-2014.md", "motions/1300-2013.md"])
        let bodiesFile = ContentFile(relativePath: "bodies.yml", displayPath: "content/bodies.yml", bytes: Array(bodies.utf8))
        var archive = Fixtures.minimalSite.with("bodies.yml", try result.bodiesFile(updating: bodiesFile).get())
        for motion in result.motions { archive = archive.with(motion.relativePath, motion.text) }
        let (fromMarkdown, diagnostics) = ContentLoader.load(files: archive.contentFiles(), assets: [], asOf: asOf)
        #expect(diagnostics.filter { $0.severity == .error }.map(\.description) == [])
        for reference in ["1300/2013", "1234/2014"] {
            var expected = try #require(fromJSON?.motion(reference: reference))
            var actual = try #require(fromMarkdown?.motion(reference: reference))
            expected.sourcePath = ""
            actual.sourcePath = ""
            #expect(actual == expected)
        }
        #expect(fromMarkdown?.bodies == fromJSON?.bodies)
    }

    /// The source file's name goes into a YAML comment of the written file: a line break in it stays in the comment.
    @Test(arguments: ["a\nreference: \"X\"", "a\rb", "a\u{2028}b", "a\u{85}b"])
    func fileNameWithLineBreakStaysInTheComment(name: String) throws {
        let paper = try Self.example("Paper-01.json")
        let file = ContentFile(relativePath: "motions/paper.json", displayPath: "export/" + name + ".json", bytes: Array(paper.utf8))
        let result = OParlMarkdownExport.convert(files: [file], bodies: nil)
        let motion = try #require(result.motions.first)
        let lines = motion.text.split(separator: "\n", omittingEmptySubsequences: false)
        #expect(lines[1].hasPrefix("# Übernommen aus OParl (export/a?"))
        #expect(!lines.contains { $0.hasPrefix("reference: \"X\"") })
        #expect(!motion.text.unicodeScalars.contains { $0 == "\r" || $0 == "\u{2028}" || $0 == "\u{85}" })
    }
}
