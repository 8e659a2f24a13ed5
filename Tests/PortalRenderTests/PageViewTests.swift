import PortalModel
import Testing
@testable import PortalRender

@Suite("Views of the pages: grouping, sorting, overdue items, upcoming dates")
struct PageViewTests {
    let site: Site
    let builder: PageBuilder

    init() throws {
        site = try TestSupport.site()
        builder = try TestSupport.builder(site)
    }

    @Test("An item whose due date passed and is not done is overdue; done items and future dates are not")
    func overdueItems() throws {
        let home = builder.homePage().view
        let commitments = home[object: "overdue"]?[list: "commitments"] ?? []
        #expect(commitments.map { $0["href"] } == ["/antraege/at-0047-2025/#punkt-1"])
        #expect(commitments.first?["text"] == "einen Chatbot für den Bürgerservice zu erproben.")
        let badges = commitments.first?[list: "badges"].compactMap { $0["text"] } ?? []
        #expect(badges == ["In Arbeit", "überfällig"])

        let motion = try #require(site.motions.firstIndex { $0.reference == "AT/0047/2025" })
        let items = builder.motionPage(site.motions[motion]).view[list: "items"]
        #expect(items.map { $0[flag: "isOverdue"] } == [true, false, false])
        #expect(items.map { $0["anchor"] } == ["punkt-1", "punkt-2", "punkt-3"])
    }

    @Test("Upcoming dates are the events after the build date, soonest first")
    func upcoming() {
        let upcoming = builder.timeline.upcoming
        #expect(upcoming.map(\.date.iso) == ["2025-12-04", "2026-02-28", "2026-03-31"])
        #expect(upcoming.map(\.kind) == [.consultation, .due, .milestone])
        #expect(builder.timeline.past.allSatisfy { !(TestSupport.asOf < $0.date) })
        let homeUpcoming = builder.homePage().view[object: "upcoming"]?[list: "events"] ?? []
        #expect(homeUpcoming.first?["href"] == "/antraege/at-0047-2025/#gremienweg")
    }

    @Test("The timeline groups past events by year and month, newest first")
    func timelineGrouping() {
        let view = builder.timelinePage(kind: nil).view
        let years = view[list: "years"]
        #expect(years.map { $0["heading"] } == ["2025"])
        let months = years.first?[list: "months"].compactMap { $0["heading"] } ?? []
        #expect(months == ["November 2025", "Oktober 2025", "September 2025", "Juni 2025", "Mai 2025", "April 2025"])
        let september = years.first?[list: "months"].first { $0["heading"] == "September 2025" }
        // Due date of item 1 (30 Sep), the update (1 Sep) and the milestone (September, no day) – newest first.
        #expect(september?[list: "events"].compactMap { $0["kind"] } == ["Frist", "Meldung", "Meilenstein"])
    }

    @Test("A filter page of the timeline shows only its kind and marks itself current")
    func timelineFilter() {
        let view = builder.timelinePage(kind: .milestone).view
        let events = view[list: "years"].flatMap { $0[list: "months"] }.flatMap { $0[list: "events"] }
        #expect(events.allSatisfy { $0["kindTone"] == "milestone" })
        #expect(view[list: "filters"].filter { $0["current"] == "page" }.map { $0["href"] } == ["/zeitleiste/meilensteine/"])
    }

    @Test("Register filters list every value with its count and mark the current one")
    func registerFilters() {
        let view = builder.measuresPage(filter: .status(.pilot)).view
        #expect(view[list: "measures"].compactMap { $0["title"] } == ["Chatbot für den Bürgerservice"])
        let groups = view[list: "filterGroups"]
        #expect(groups.count == 3)
        let statuses = groups[1][list: "options"]
        #expect(statuses.count == MeasureStatus.allCases.count)
        #expect(statuses.filter { $0["current"] == "page" }.compactMap { $0["href"] } == ["/massnahmen/status/pilot/"])
        let areas = groups[0][list: "options"].map { "\($0["label"] ?? "") \($0["count"] ?? "")" }
        #expect(areas == ["Bürgerservice 1", "Interne Abläufe 1", "Bauanträge 1"])
        #expect(view["resultCount"] == "1 Maßnahme")
    }

    @Test("The register lists measures by title with status and risk badges")
    func register() {
        let view = builder.measuresPage(filter: nil).view
        #expect(view[list: "measures"].compactMap { $0["title"] } == [
            "Ähnlichkeitssuche in der Aktenablage", "Chatbot für den Bürgerservice", "Vollständigkeitsprüfung von Bauanträgen",
        ])
        #expect(view[list: "measures"].compactMap { $0[object: "riskClass"]?["text"] } == ["Minimales Risiko", "Begrenztes Risiko", "Hohes Risiko"])
        #expect(view["resultCount"] == "3 Maßnahmen")
    }

    @Test("A motion lists the measures that implement it, and each item the measures that fulfil it")
    func implementingMeasures() throws {
        let motion = try #require(site.motions.first { $0.reference == "AT/0047/2025" })
        let view = builder.motionPage(motion).view
        #expect(view[list: "measures"].compactMap { $0["href"] } == ["/massnahmen/aktenablage/", "/massnahmen/chatbot/"])
        #expect(view[list: "items"].first?[list: "measures"].compactMap { $0["href"] } == ["/massnahmen/chatbot/"])
        #expect(view[list: "items"].first?[list: "evidence"].compactMap { $0["href"] } == ["/massnahmen/chatbot/", "/aktuelles/2025-09-01-chatbot-startet/"])
        let steps = view[list: "consultations"]
        #expect(steps.compactMap { $0["vote"] } == ["9 Ja, 2 Nein, 1 Enthaltungen", "einstimmig"])
        #expect(steps.compactMap { $0[object: "result"]?["text"] } == ["Mit Änderungen beschlossen", "Beschlossen", "Noch nicht beraten"])
        #expect(view[object: "related"]?[list: "motions"].compactMap { $0["reference"] } == ["AF/0012/2025"])
    }

    @Test("A measure page links the items it fulfils to their place on the motion page")
    func measureMotionLinks() throws {
        let measure = try #require(site.measures.first { $0.slug == "chatbot" })
        let view = builder.measurePage(measure).view
        #expect(view[list: "motions"].compactMap { $0["href"] } == ["/antraege/at-0047-2025/#punkt-1"])
        #expect(view[list: "updates"].compactMap { $0["title"] } == ["Chatbot startet"])
        #expect(view[list: "savings"].compactMap { $0["euros"] } == ["54.000\u{00A0}€", "13.973\u{00A0}€"])
        #expect(view[list: "savings"].compactMap { $0["hours"] } == ["1.200", "310,5"])
        #expect(view[list: "milestones"].map { $0[flag: "isUpcoming"] } == [false, true])
    }

    @Test("Savings add up across measures")
    func savingsTotals() {
        let view = builder.savingsPage().view
        #expect(view["totalExpectedEuros"] == "72.000\u{00A0}€")
        #expect(view["totalRealisedEuros"] == "13.973\u{00A0}€")
        #expect(view["totalExpectedHours"] == "1.600")
        let chart = view[object: "chart"]
        #expect(chart?[list: "groups"].count == 2)
        // The largest amount gets the full bar width.
        let widest = chart?[list: "groups"].first?[object: "expected"]?["width"]
        #expect(widest == String(SavingsChart.width - SavingsChart.valueRoom))
    }

    @Test("The A–Z index sorts German words and groups them by letter")
    func alphabeticalIndex() {
        let view = builder.indexPage().view
        let groups = view[list: "groups"]
        let letters = groups.compactMap { $0["letter"] }
        #expect(letters == letters.sorted())
        let groupA = groups.first { $0["letter"] == "A" }?[list: "entries"].compactMap { $0["term"] } ?? []
        // "Ähnlichkeitssuche …" sorts with A, before "Anfrage …" and "Ausschuss …".
        #expect(groupA.first == "Ähnlichkeitssuche in der Aktenablage")
        #expect(groupA.contains("Anfrage zu Übersetzungsprogrammen"))
        // Tags that differ only in case are one term, listing every page that uses them.
        let schriftgut = groups.flatMap { $0[list: "entries"] }.filter { $0["term"]?.lowercased() == "schriftgut" }
        #expect(schriftgut.count == 1)
        #expect(schriftgut.first?[list: "links"].count == 2)
        // Letters without entries are shown but not linked.
        let letterLinks = view[list: "letters"]
        #expect(letterLinks.first { $0["letter"] == "Q" }?["href"] == nil)
        #expect(letterLinks.first { $0["letter"] == "A" }?["href"] == "#buchstabe-a")
    }

    @Test("Bodies: dissolved ones are marked and listed after active ones; referrals count for the body")
    func bodies() throws {
        let view = builder.bodiesPage().view
        let names = view[list: "bodies"].compactMap { $0["name"] }
        #expect(names.last == "Digitalbeirat")
        #expect(view[list: "bodies"].last?[object: "dissolved"]?["text"] == "aufgelöst")
        let stadtrat = try #require(site.bodies.first { $0.id == "stadtrat" })
        #expect(builder.bodyPage(stadtrat).view[list: "consultations"].compactMap { $0["reference"] } == ["AT/0047/2025"])
    }

    @Test("The easy-language page and its standard page link each other")
    func easyLanguageLinks() throws {
        let standard = try #require(site.pages.first { $0.slug == "ueber-uns" })
        let easy = try #require(site.pages.first { $0.slug == "ueber-uns-leicht" })
        #expect(builder.freePage(standard).view[object: "easyLanguageLink"]?["href"] == "/ueber-uns-leicht/")
        #expect(builder.freePage(easy).view[object: "standardLanguageLink"]?["href"] == "/ueber-uns/")
        let leichteSprache = builder.legalPage(.easyLanguage).view
        #expect(leichteSprache[list: "easyPages"].compactMap { $0["href"] } == ["/ueber-uns-leicht/"])
        #expect(leichteSprache[object: "video"]?["duration"] == "Dauer 3:05 Minuten")
        #expect(leichteSprache[object: "video"]?["size"] == "24,5 MB")
    }

    @Test("Free pages with a menu position join the main navigation before Suche")
    func navigation() {
        let nav = builder.frame(path: "/ueber-uns/", title: "Über das Portal")[list: "nav"]
        #expect(nav.compactMap { $0["text"] } == ["Maßnahmen", "Anträge", "Zeitleiste", "Chancen", "Grenzen", "Aktuelles", "Über das Portal", "Suche"])
        #expect(nav.compactMap { $0["current"] } == ["page"])
        let section = builder.frame(path: "/massnahmen/chatbot/", title: "Chatbot")[list: "nav"]
        #expect(section.first?["current"] == "true")
    }
}
