import PortalContent
import PortalDiagnostics
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
        #expect(motion.resolutionItems.first?.isOverdue(asOf: asOf) == true)
        #expect(motion.resolutionItems.first?.isOverdue(asOf: LocalDate(year: 2025, month: 12, day: 31)) == false)
        let measure = try #require(site.measure("chatbot"))
        #expect(measure.motions == [Measure.MotionLink(reference: "AT/0001/2025", item: 1)])
        let update = try #require(site.updates.first)
        #expect(update.related == [.motion("AT/0001/2025"), .measure("chatbot")])
        #expect(update.type == .decision)
    }
}
