import PortalContent
import PortalDiagnostics
import PortalMarkdown
import PortalModel
import PortalTestSupport
import Testing

/// The minimal fixture site loads cleanly and every reference in it resolves.
@Suite struct MinimalSiteTests {
    let asOf = LocalDate(year: 2026, month: 1, day: 15)

    @Test func loadsWithoutDiagnostics() throws {
        let (site, diagnostics) = ContentLoader.load(files: Fixtures.minimalSite.contentFiles(), assets: [], asOf: asOf)
        #expect(diagnostics.sorted().map(\.description) == [])
        let loaded = try #require(site)
        #expect(loaded.measures.map(\.slug) == ["chatbot"])
        #expect(loaded.motions.map(\.slug) == ["at-0001-2025"])
        #expect(loaded.updates.map(\.slug) == ["2025-05-08-stadtrat"])
        #expect(loaded.pages.map(\.slug) == ["chancen"])
        #expect(loaded.config.baseURL == "https://ki.test.example")
    }

    @Test func resolvesReferences() throws {
        let site = try #require(ContentLoader.load(files: Fixtures.minimalSite.contentFiles(), assets: [], asOf: asOf).site)
        let motion = try #require(site.motion(reference: "AT/0001/2025"))
        #expect(motion.originator == .body("fraktion-a"))
        #expect(motion.consultations.first?.vote == .counts(yes: 30, no: 10, abstain: 2))
        #expect(motion.consultations.first?.authoritative == true)
        #expect(motion.resolutionItems.first?.evidence == [.measure("chatbot")])
        let item = try #require(motion.resolutionItems.first)
        #expect(motion.isAdopted)
        #expect(motion.isOverdue(item, asOf: asOf))
        #expect(!motion.isOverdue(item, asOf: LocalDate(year: 2025, month: 12, day: 31)))
        var pending = motion
        pending.consultations[0].result = .pending
        #expect(!pending.isOverdue(item, asOf: asOf), "a deadline in a motion not adopted binds no one")
        let measure = try #require(site.measure("chatbot"))
        #expect(measure.motions == [Measure.MotionLink(reference: "AT/0001/2025", item: 1)])
        let update = try #require(site.updates.first)
        #expect(update.related == [.motion("AT/0001/2025"), .measure("chatbot")])
        #expect(update.type == .decision)
    }
}

/// Prose: links to content files become page URLs, headings get anchors, item texts render inline.
@Suite struct ProseTests {
    @Test func rewritesLinksAndAssignsHeadingIDs() throws {
        let site = try #require(ContentLoader.load(files: Fixtures.minimalSite.contentFiles(), assets: [], asOf: LocalDate(year: 2026, month: 1, day: 1)).site)
        let motion = try #require(site.motions.first)
        #expect(motion.justification.html.contains(#"<h2 id="begruendung-im-detail">Begründung im Detail</h2>"#))
        #expect(motion.justification.html.contains(#"<a href="/massnahmen/chatbot/">Chatbot</a>"#))
        #expect(motion.resolutionItems[0].text.html == "Ein Konzept erarbeiten.")
        let measure = try #require(site.measures.first)
        #expect(measure.description.html.contains(#"href="/antraege/at-0001-2025/#punkt-1""#))
        let update = try #require(site.updates.first)
        #expect(update.body.html.contains(#"href="/antraege/at-0001-2025/#begruendung-im-detail""#))
        let page = try #require(site.pages.first)
        #expect(page.body.html.contains(##"<a href="#wo-ki-hilft">"##))
        #expect(page.body.plainText.contains("Wo KI hilft"))
    }

    @Test func topLevelHeadingsBecomeLevelTwo() throws {
        let archive = Fixtures.minimalSite.replacing("## Wo KI hilft", with: "# Wo KI hilft\n\n## Unterpunkt", in: "pages/chancen.md")
        let (site, diagnostics) = ContentLoader.load(files: archive.contentFiles(), assets: [], asOf: LocalDate(year: 2026, month: 1, day: 1))
        #expect(diagnostics.isEmpty)
        let html = try #require(site?.page("chancen")).body.html
        #expect(html.contains("<h2 id=\"wo-ki-hilft\">"))
        #expect(html.contains("<h3 id=\"unterpunkt\">"))
    }

    @Test func assetLinksAreChecked() throws {
        let archive = Fixtures.minimalSite.replacing("Text mit", with: "![Ein Bild](../assets/bild.png) Text mit", in: "pages/chancen.md")
        let withAsset = ContentLoader.load(files: archive.contentFiles(), assets: [Asset(path: "bild.png", size: 10)], asOf: LocalDate(year: 2026, month: 1, day: 1))
        #expect(withAsset.diagnostics.isEmpty)
        #expect(try #require(withAsset.site?.page("chancen")).body.html.contains(#"src="/assets/bild.png""#))
        let without = ContentLoader.load(files: archive.contentFiles(), assets: [], asOf: LocalDate(year: 2026, month: 1, day: 1))
        #expect(without.diagnostics.sorted().map(\.code) == [.brokenLink])
    }
}
