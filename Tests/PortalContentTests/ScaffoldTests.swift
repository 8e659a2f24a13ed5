@testable import PortalContent
import PortalDiagnostics
import PortalModel
import PortalTestSupport
import Testing

/// `portal new`'s files: valid against the existing content, every field present and explained from the schema.
@Suite struct ScaffoldTests {
    let today = LocalDate(year: 2026, month: 1, day: 15)

    /// The defaults the command line reads from the minimal fixture site.
    var fixtureDefaults: Scaffold.Defaults {
        let ids = Scaffold.Defaults.ids(siteYAML: Fixtures.minimalSite["site.yml"], bodiesYAML: Fixtures.minimalSite["bodies.yml"])
        return Scaffold.Defaults(today: today, areaID: ids.areaID, bodyID: ids.bodyID)
    }

    static let names: [(Scaffold.Kind, String)] = [
        (.measure, "Bürger Chatbot"), (.motion, "AT/0050/2025"), (.update, "Stadtrat berät über KI"), (.page, "Häufige Fragen"),
    ]

    /// The schema each kind is checked against.
    static func schema(_ kind: Scaffold.Kind) -> ObjectSchema {
        switch kind {
        case .measure: ContentSchemas.measure
        case .motion: ContentSchemas.motion
        case .update: ContentSchemas.update
        case .page: ContentSchemas.page
        }
    }

    @Test func readsFirstAreaAndBodyFromTheFixture() {
        #expect(fixtureDefaults.areaID == "buergerservice")
        #expect(fixtureDefaults.bodyID == "stadtrat")
    }

    @Test(arguments: [
        (nil, nil, nil as String?, nil as String?),
        ("title: x\n", "not: a list\n", nil, nil),
        ("areas: [{label: X}, {id: zweiter}]\n", "- {name: Ohne}\n- {id: Ungültig Groß}\n- {id: rat}\n", "zweiter", "rat"),
        ("areas: [\n  broken", "- id: [", nil, nil),
    ] as [(String?, String?, String?, String?)])
    func readsIDsDefensively(site: String?, bodies: String?, area: String?, body: String?) {
        let ids = Scaffold.Defaults.ids(siteYAML: site, bodiesYAML: bodies)
        #expect(ids.areaID == area)
        #expect(ids.bodyID == body)
    }

    @Test(arguments: [
        (Scaffold.Kind.measure, "Bürger Chatbot", "measures/buerger-chatbot.md", "/massnahmen/buerger-chatbot/"),
        (.measure, "  KI-gestützte Übersetzung (Pilot)  ", "measures/ki-gestuetzte-uebersetzung-pilot.md", "/massnahmen/ki-gestuetzte-uebersetzung-pilot/"),
        (.motion, "AT/0050/2025", "motions/AT-0050-2025.md", "/antraege/at-0050-2025/"),
        (.motion, "BV 12/2026", "motions/BV-12-2026.md", "/antraege/bv-12-2026/"),
        (.update, "Stadtrat berät über KI", "updates/2026-01-15-stadtrat-beraet-ueber-ki.md", "/aktuelles/2026-01-15-stadtrat-beraet-ueber-ki/"),
        (.page, "Häufige Fragen", "pages/haeufige-fragen.md", "/haeufige-fragen/"),
    ])
    func pathsAndAddresses(kind: Scaffold.Kind, name: String, path: String, address: String) throws {
        let file = try Scaffold.file(kind, name: name, defaults: fixtureDefaults)
        #expect(file.relativePath == path)
        #expect(file.route.path == address)
    }

    @Test(arguments: Scaffold.Kind.allCases)
    func refusesNamesWithoutLettersOrDigits(kind: Scaffold.Kind) {
        #expect(throws: Scaffold.Failure.nameWithoutLettersOrDigits("–!?")) {
            try Scaffold.file(kind, name: "–!?", defaults: fixtureDefaults)
        }
    }

    /// The acceptance test: each new file added to the minimal fixture site loads without any diagnostic.
    @Test(arguments: names)
    func scaffoldedFileLoadsCleanlyIntoTheFixtureSite(kind: Scaffold.Kind, name: String) throws {
        let file = try Scaffold.file(kind, name: name, defaults: fixtureDefaults)
        #expect(Fixtures.minimalSite[file.relativePath] == nil)
        let site = Fixtures.minimalSite.with(file.relativePath, file.text)
        let (loaded, diagnostics) = ContentLoader.load(files: site.contentFiles(), assets: [], asOf: today)
        #expect(diagnostics.sorted().map(\.description) == [])
        let model = try #require(loaded)
        switch kind {
        case .measure:
            let measure = try #require(model.measure("buerger-chatbot"))
            #expect(measure.title == "Bürger Chatbot")
            #expect(measure.area == "buergerservice")
            #expect(measure.status == .idea)
            #expect(measure.riskClass == .unassessed)
            #expect(measure.updated == today)
        case .motion:
            let motion = try #require(model.motion(reference: "AT/0050/2025"))
            #expect(motion.originator == .body("stadtrat"))
            #expect(motion.date == today)
            #expect(motion.resolutionItems.map(\.id) == [1])
        case .update:
            let update = try #require(model.updates.first { $0.title == name })
            #expect(update.date == today)
        case .page:
            #expect(model.pages.contains { $0.slug == "haeufige-fragen" && $0.title == name })
        }
    }

    /// Without site.yml areas or bodies the files still parse and name only what is missing.
    @Test func withoutAreasAndBodiesOnlyTheReferencesAreMissing() throws {
        let defaults = Scaffold.Defaults(today: today)
        let measure = try Scaffold.file(.measure, name: "Chatbot Zwei", defaults: defaults)
        let motion = try Scaffold.file(.motion, name: "AT/0051/2025", defaults: defaults)
        let site = Fixtures.minimalSite.with(measure.relativePath, measure.text).with(motion.relativePath, motion.text)
        let diagnostics = ContentLoader.load(files: site.contentFiles(), assets: [], asOf: today).diagnostics
        #expect(diagnostics.sorted().map(\.code) == [.danglingReference])
        #expect(diagnostics.sorted().first?.location.file == "content/measures/chatbot-zwei.md")
        #expect(motion.text.contains("originator:\n  - Bitte ausfüllen"))
    }

    /// Every key of the schema is in the file: required keys active, optional keys commented out, each explained
    /// by its schema summary (so the comments follow the schema).
    @Test(arguments: names)
    func everyFieldIsPresentAndExplained(kind: Scaffold.Kind, name: String) throws {
        let text = try Scaffold.file(kind, name: name, defaults: fixtureDefaults).text
        let frontMatter = try #require(text.split(separator: "---\n", omittingEmptySubsequences: true).first)
        let lines = frontMatter.split(separator: "\n").map(String.init)
        let activeKeys = Set(lines.compactMap { line -> String? in
            guard let colon = line.firstIndex(of: ":"), !line.hasPrefix(" "), !line.hasPrefix("#") else { return nil }
            return String(line[..<colon])
        })
        let commentedKeys = Set(lines.compactMap { line -> String? in
            guard line.hasPrefix("# "), let colon = line.firstIndex(of: ":") else { return nil }
            let key = line.dropFirst(2)[..<colon]
            return key.allSatisfy { $0.isLetter } ? String(key) : nil
        })
        // Comment text with the line wrapping undone.
        let comments = lines.map { $0.drop(while: { $0 == " " }) }.filter { $0.hasPrefix("#") }
            .map { $0.dropFirst().drop(while: { $0 == " " }) }
            .joined(separator: " ")
        let schema = Self.schema(kind)
        for field in schema.fields {
            if field.required {
                #expect(activeKeys.contains(field.key), "required key \(field.key) is missing")
            } else {
                #expect(commentedKeys.contains(field.key), "optional key \(field.key) is not offered")
                #expect(!activeKeys.contains(field.key), "optional key \(field.key) is active")
            }
            #expect(comments.contains(field.summary), "the summary of \(field.key) is not in the comments")
            if !field.example.isEmpty {
                #expect(comments.contains(field.example), "the example of \(field.key) is not in the comments")
            }
        }
        #expect(activeKeys.subtracting(schema.fields.map(\.key)).isEmpty)
        #expect(text.hasPrefix("---\n"))
        #expect(text.contains("portal serve") && text.contains("portal check"))
    }

    /// The commented-out examples are valid keys with values of the right type once an author removes the `#`.
    @Test(arguments: names)
    func optionalExamplesAreValidWhenEnabled(kind: Scaffold.Kind, name: String) throws {
        let file = try Scaffold.file(kind, name: name, defaults: fixtureDefaults, optionalKeys: .active)
        let site = Fixtures.minimalSite.with(file.relativePath, file.text)
        let diagnostics = ContentLoader.load(files: site.contentFiles(), assets: [], asOf: today).diagnostics
        // Examples may name things this site does not have (partners, motions …); their shape must be right.
        let shapeProblems: Set<DiagnosticCode> = [.yamlSyntax, .duplicateKey, .unknownKey, .missingKey, .wrongType, .invalidValue, .invalidDate, .tooLong, .emptyValue]
        let problems = diagnostics.sorted().filter { shapeProblems.contains($0.code) }
        #expect(problems.map(\.description) == [])
    }

    /// A required list of objects is written as one entry whose first key follows the dash, explained like the others.
    @Test func motionHasOneExplainedResolutionItem() throws {
        let text = try Scaffold.file(.motion, name: "AT/0050/2025", defaults: fixtureDefaults).text
        let item = try #require(text.range(of: "resolutionItems:\n").map { text[$0.upperBound...] })
        let lines = item.split(separator: "\n").prefix { $0.hasPrefix("  ") }.map(String.init)
        #expect(lines.first == "  # Nummer des Punktes (1, 2, 3 …). Pflichtfeld; ganze Zahl.")
        #expect(lines.contains("  - id: 1"))
        #expect(lines.contains("    status: open"))
        #expect(lines.contains("    # due: 2025-12-31"))
        #expect(lines.filter { $0.hasPrefix("  - ") }.count == 1)
    }

    @Test(arguments: [
        ("Bürger Chatbot", "Bürger Chatbot"),
        ("Chatbot: Fragen", "\"Chatbot: Fragen\""),
        ("# Hash", "\"# Hash\""),
        ("2025", "\"2025\""),
        ("yes", "\"yes\""),
        ("Zitat \"so\" – ok", "Zitat \"so\" – ok"),
        ("\"Zitat\"", "\"\\\"Zitat\\\"\""),
        ("a\\b: c", "\"a\\\\b: c\""),
        ("- Liste", "\"- Liste\""),
    ])
    func quotesTextOnlyWhereYAMLNeedsIt(text: String, expected: String) {
        #expect(Scaffold.yamlScalar(text) == expected)
    }

    /// Titles that need quoting still load as the exact text.
    @Test(arguments: ["Chatbot: Fragen & Antworten", "2026", "Null", "\"Zitiert\"", "Preis 100 % günstiger #1"])
    func titlesRoundTrip(title: String) throws {
        let file = try Scaffold.file(.page, name: title, defaults: fixtureDefaults)
        let site = Fixtures.minimalSite.with(file.relativePath, file.text)
        let (loaded, diagnostics) = ContentLoader.load(files: site.contentFiles(), assets: [], asOf: today)
        #expect(!diagnostics.hasErrors, "\(diagnostics.sorted().map(\.description))")
        #expect(loaded?.pages.contains { $0.title == title } == true)
    }

    @Test func isDeterministic() throws {
        for (kind, name) in Self.names {
            #expect(try Scaffold.file(kind, name: name, defaults: fixtureDefaults) == Scaffold.file(kind, name: name, defaults: fixtureDefaults))
        }
    }
}
