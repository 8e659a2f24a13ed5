@testable import PortalContent
import PortalDiagnostics
import PortalModel
import PortalTestSupport
import Testing

/// Checks that stay linear in the size of the content: many dangling references against many known ids, many
/// links to missing resolution items of a motion with many items (both were quadratic, see Fuzz/README.md), and
/// long unknown OParl words. The tests count the work in what is reported where they can, else bound the time.
@Suite("Scaling of content checks") struct ScalingTests {
    /// The minimal site with `count` more motions, `AT/1000/2025`, `AT/1001/2025` and so on.
    static func siteWithMotions(_ count: Int) -> Txtar {
        let motion = Fixtures.minimalSite["motions/AT-0001-2025.md"]!
        var site = Fixtures.minimalSite
        for number in 1000..<(1000 + count) {
            site = site.with("motions/AT-\(number)-2025.md", motion.replacingOccurrences(of: "AT/0001/2025", with: "AT/\(number)/2025"))
        }
        return site
    }

    /// Where the dangling references go: a measure's `motions`, or an update's `related`.
    struct Referrer: Sendable, CustomTestStringConvertible {
        var path: String
        /// The file's text around a YAML flow list of references.
        var text: @Sendable (String) -> String
        var testDescription: String { path }
    }

    static let referrers = [
        Referrer(path: "measures/viele.md") { list in
            Fixtures.minimalSite["measures/chatbot.md"]!.replacingOccurrences(of: #"motions: ["AT/0001/2025#1"]"#, with: "motions: \(list)")
        },
        Referrer(path: "updates/2025-06-01-viele.md") { list in
            "---\ntitle: Viele Bezüge\ndate: 2025-06-01\ntype: decision\nrelated: \(list)\n---\nText.\n"
        },
    ]

    @Test("Only the first dangling references of a file get a typo hint", arguments: referrers)
    func typoHintsAreLimitedPerFile(_ referrer: Referrer) {
        let known = 300, dangling = 300
        // Each one is a typo (2024 for 2025) of a known reference, so each would get a hint.
        let list = "[" + (1000..<(1000 + dangling)).map { "\"AT/\($0)/2024\"" }.joined(separator: ", ") + "]"
        let site = Self.siteWithMotions(known).with(referrer.path, referrer.text(list))
        let (_, diagnostics) = ContentLoader.load(files: site.contentFiles(), assets: [], asOf: FuzzHarness.asOf)
        let reported = diagnostics.all.filter { $0.code == .danglingReference && $0.location.file == "content/" + referrer.path }
        #expect(reported.count == dangling)
        let hinted = reported.filter { $0.message.contains("Did you mean") }
        #expect(hinted.count == SiteAssembler.maximumSuggestionsPerFile)
        #expect(hinted.first?.message.contains("Did you mean 'AT/1000/2025'?") == true)
    }

    @Test("A link to a missing resolution item names the motion's items in a message of bounded length")
    func missingItemMessagesAreBounded() throws {
        let items = 3_000, links = 1_000
        let itemList = (1...items).map { "  - id: \($0)\n    text: Punkt \($0).\n    status: open\n" }.joined()
        var site = Fixtures.minimalSite
        let motion = site["motions/AT-0001-2025.md"]!
        let start = try #require(motion.range(of: "resolutionItems:\n")).upperBound
        let end = try #require(motion.range(of: "consultations:")).lowerBound
        site = site.with("motions/AT-0001-2025.md", motion.replacingCharacters(in: start..<end, with: itemList))
        let list = "[" + (1...links).map { "\"AT/0001/2025#\(items + $0)\"" }.joined(separator: ", ") + "]"
        site = site.replacing(#"motions: ["AT/0001/2025#1"]"#, with: "motions: \(list)", in: "measures/chatbot.md")
        let (_, diagnostics) = ContentLoader.load(files: site.contentFiles(), assets: [], asOf: FuzzHarness.asOf)
        let reported = diagnostics.all.filter { $0.code == .danglingReference && $0.location.file == "content/measures/chatbot.md" }
        #expect(reported.count == links)
        #expect(reported.allSatisfy { $0.message.count < 200 }, "\(reported.first?.message.count ?? 0) characters")
        #expect(reported.first?.message == "The motion AT/0001/2025 has no resolution item '3001'. Its items are 1 to 3000.")
    }

    @Test("Resolution items are listed as ranges, and only the first ones", arguments: [
        ([1], "Its item is 1."),
        ([1, 2, 3, 5, 7, 8], "Its items are 1 to 3, 5, 7, 8."),
        ([-2, -1, 0, 4], "Its items are -2 to 0, 4."),
        (Array(stride(from: 1, through: 40, by: 2)), "Its items are 1, 3, 5, 7, 9, 11, 13, 15, 17, 19 and 10 more (20 in all)."),
        ([], "It has no resolution items."),
    ])
    func itemDescription(_ items: [Int], _ expected: String) {
        #expect(SiteAssembler.describeItems(Set(items)) == expected)
    }

    @Test("A link to an item of an imported paper, which has none, says so")
    func linkToItemOfImportedPaper() {
        let paper = #"{"id": "https://x.example/paper/1", "type": "https://schema.oparl.org/1.1/Paper", "reference": "R/1", "name": "Vorlage", "date": "2020-01-01", "originatorOrganization": ["https://x.example/org/1"]}"#
        let site = Fixtures.minimalSite.with("motions/r.json", paper)
            .replacing(#"motions: ["AT/0001/2025#1"]"#, with: #"motions: ["R/1#1"]"#, in: "measures/chatbot.md")
        let (_, diagnostics) = ContentLoader.load(files: site.contentFiles(), assets: [], asOf: FuzzHarness.asOf)
        let messages = diagnostics.all.filter { $0.location.file == "content/measures/chatbot.md" }.map(\.message)
        #expect(messages == ["The motion R/1 has no resolution item '1'. It has no resolution items."])
    }

    @Test("An unknown OParl word of a megabyte is mapped in linear time", .timeLimit(.minutes(1)))
    func longUnknownOParlWord() {
        // Compared in full, each known word cost a megabyte times its length, twice per comparison: minutes.
        let text = String(repeating: "Vorberatung und Empfehlung ", count: 40_000)
        let start = ContinuousClock.now
        let mapping = OParlVocabulary.map(text, in: OParlVocabulary.roles, fallback: .preliminary)
        #expect(ContinuousClock.now - start < .seconds(5))
        #expect(mapping.unknownText == text && mapping.nearest == "Vorberatung" && mapping.value == .preliminary)
        let short = OParlVocabulary.map("Vorberatung und Empfehlung", in: OParlVocabulary.roles)
        #expect(short.nearest == "Vorberatung" && short.value == .preliminary)
    }
}
