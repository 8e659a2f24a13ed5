import Foundation
import PortalModel
import Testing
@testable import PortalRender

@Suite("Large sites")
struct ScaleTests {
    /// A site with `count` measures and as many updates, built directly in memory.
    static func largeSite(count: Int) throws -> Site {
        var site = try TestSupport.site()
        let areas = site.config.areas.map(\.id)
        let template = try #require(site.measures.first { $0.slug == "chatbot" })
        site.measures = (0..<count).map { number in
            var measure = template
            measure.slug = "massnahme-\(number)"
            measure.title = "Maßnahme \(number)"
            measure.area = areas[number % areas.count]
            measure.status = MeasureStatus.allCases[number % MeasureStatus.allCases.count]
            measure.riskClass = [.limited, .minimal, .notAi][number % 3]
            measure.tags = ["Schlagwort \(number % 25)"]
            measure.partners = []
            measure.motions = number % 10 == 0 ? [Measure.MotionLink(reference: "AT/0047/2025", item: 2)] : []
            return measure
        }
        let updateTemplate = try #require(site.updates.first)
        site.updates = (0..<count).map { number in
            var update = updateTemplate
            update.slug = "2024-01-01-meldung-\(number)"
            update.title = "Meldung \(number)"
            update.date = LocalDate(year: 2020 + number % 5, month: 1 + number % 12, day: 1 + number % 28)
            update.related = [.measure("massnahme-\(number)")]
            return update
        }.sorted { ($0.date, $0.slug) > ($1.date, $1.slug) }
        // Evidence pointed at the fixture's measure and update, which the large site replaces.
        site.motions = site.motions.map { motion in
            var motion = motion
            motion.resolutionItems = motion.resolutionItems.map { item in
                var item = item
                item.evidence = []
                return item
            }
            return motion
        }
        return site
    }

    @Test("Thousands of measures and updates render completely, with working links and in order")
    func thousands() throws {
        let count = 2_000
        let site = try Self.largeSite(count: count)
        let start = ContinuousClock.now
        let rendered = try TestSupport.render(site)
        let elapsed = ContinuousClock.now - start
        #expect(rendered.diagnostics.isEmpty)
        let measurePages = rendered.files.keys.filter { $0.hasPrefix("massnahmen/massnahme-") }
        #expect(measurePages.count == count)
        let updatePages = rendered.files.keys.filter { $0.hasPrefix("aktuelles/2024-01-01-meldung-") }
        #expect(updatePages.count == count)
        // 20 updates per list page.
        #expect(rendered.files["aktuelles/seite/\(count / 20)/index.html"] != nil)
        #expect(rendered.files["aktuelles/seite/\(count / 20 + 1)/index.html"] == nil)
        let register = TestSupport.text(rendered.files, "massnahmen/index.html")
        #expect(HTMLOutline(register).count("<tr>") == count + 1)
        // German order: "Maßnahme 10" after "Maßnahme 1", and the fixture's "Ähnlichkeit…" measures are gone.
        let first = try #require(register.range(of: "Maßnahme 1<"))
        let tenth = try #require(register.range(of: "Maßnahme 10<"))
        #expect(first.lowerBound < tenth.lowerBound)
        var checker = LinkChecker(files: rendered.files, assets: FixtureContent.assetPaths.map { "assets/" + $0 })
        #expect(checker.brokenLinks().isEmpty)
        print("Rendered \(rendered.files.count) files for \(count) measures and \(count) updates in \(elapsed) (debug build).")
    }
}
