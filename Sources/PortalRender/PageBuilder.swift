import Foundation
import PortalMarkdown
import PortalModel

/// Builds the view of every page from the precomputed site index: formatted, sorted, labelled, linked.
struct PageBuilder: Sendable {
    let site: Site
    let index: SiteIndex
    let labels: Labels
    let format: LocalFormat
    let timeline: Timeline
    /// Where the site is published, without a trailing slash.
    let baseURL: String
    let generatorVersion: String
    /// Whether the theme ships the search script (`static/js/search/ui.js`).
    let hasSearchScript: Bool
    /// What every page shares: labels, site data, footer.
    private let chrome: ViewData
    /// The main navigation: label and path.
    private let navigation: [(label: String, path: String)]
    /// Every measure's entry for lists and the register, by slug, built once (lists repeat them many times).
    private let measureSummaries: [String: ViewData]
    /// How many measures each filter of the register shows, by the filter's path, counted once: every page of the
    /// register and the home page show them (10,000 articles: with the filtered lists made of positions instead of copies of
    /// the measures, the render's processor time went from 7.6–8.0 to 7.3–7.5 s).
    let measureFilterCounts: [String: Int]

    /// The number of updates on one page of the updates list.
    static let updatesPerPage = 20
    /// The number of latest updates and upcoming dates on the home page.
    static let homeListLength = 5

    init(site: Site, index: SiteIndex, labels: Labels, timeline: Timeline, baseURL: String, generatorVersion: String, hasSearchScript: Bool) {
        self.site = site
        self.index = index
        self.labels = labels
        self.format = LocalFormat(labels: labels)
        self.timeline = timeline
        self.baseURL = baseURL
        self.generatorVersion = generatorVersion
        self.hasSearchScript = hasSearchScript
        let format = self.format
        var counts: [String: Int] = [:]
        // By position, so that each measure is read in place instead of copied.
        for position in index.measures.indices {
            counts[PageRequest.MeasureFilter.area(index.measures[position].area).path, default: 0] += 1
            counts[PageRequest.MeasureFilter.status(index.measures[position].status).path, default: 0] += 1
            counts[PageRequest.MeasureFilter.riskClass(index.measures[position].riskClass).path, default: 0] += 1
        }
        measureFilterCounts = counts
        measureSummaries = Dictionary(
            site.measures.map { ($0.slug, Self.makeMeasureSummary($0, index: index, labels: labels, format: format)) },
            uniquingKeysWith: { first, _ in first }
        )

        var navigation: [(label: String, path: String)] = [
            (labels["nav.measures"], Route.measures.path),
            (labels["nav.motions"], Route.motions.path),
            (labels["nav.timeline"], Route.timeline.path),
            (labels["nav.opportunities"], PageRequest.Topic.opportunities.path),
            (labels["nav.limits"], PageRequest.Topic.limits.path),
            (labels["nav.updates"], Route.updates.path),
        ]
        let reserved = Set(PageRequest.Topic.allCases.map(\.rawValue))
        let menuPages = site.pages.filter { $0.menu != nil && !reserved.contains($0.slug) }
            .sorted { ($0.menu ?? 0, $0.slug) < ($1.menu ?? 0, $1.slug) }
        navigation += menuPages.map { (Self.menuTitle(of: $0), Route.page($0.slug).path) }
        navigation.append((labels["nav.search"], Route.search.path))
        self.navigation = navigation

        var chrome = ViewData()
        chrome[object: "t"] = labels.tree
        chrome["lang"] = site.config.language
        chrome["siteTitle"] = site.config.title
        chrome["siteDescription"] = site.config.description
        chrome["generator"] = "portal \(generatorVersion)"
        chrome["asOfText"] = format.date(site.asOf)
        chrome["asOfISO"] = site.asOf.iso
        chrome["reportBarrierHref"] = "mailto:\(site.config.accessibility.contactEmail)?subject="
            + Self.percentEncoded(labels["footer.reportBarrierSubject"])
        chrome["organisationName"] = site.config.organisation.name
        chrome[list: "footerLinks"] = [
            (labels["footer.accessibility"], PageRequest.LegalPage.accessibility.path),
            (labels["footer.imprint"], PageRequest.LegalPage.imprint.path),
            (labels["footer.privacy"], PageRequest.LegalPage.privacy.path),
            (labels["footer.easyLanguage"], PageRequest.LegalPage.easyLanguage.path),
            (labels["footer.contact"], PageRequest.LegalPage.contact.path),
            (labels["footer.openData"], Route.openData.path),
            (labels["footer.feeds"], Route.updates.path + "#feeds"),
        ].map { Self.link($0.0, $0.1) }
        chrome[list: "moreLinks"] = [
            (labels["nav.savings"], Route.savings.path),
            (labels["nav.bodies"], Route.bodies.path),
            (labels["nav.partners"], Route.partners.path),
            (labels["nav.index"], Route.index.path),
        ].map { Self.link($0.0, $0.1) }
        self.chrome = chrome
    }

    /// The menu title of a free page: its title.
    private static func menuTitle(of page: Page) -> String {
        page.title
    }

    // MARK: Frame

    /// A page's view with everything the base layout needs: title, canonical URL, navigation, breadcrumbs.
    ///
    /// `trail` lists the ancestors as (label, path), home excluded; the page itself ends the breadcrumbs.
    func frame(path: String, title: String, description: String? = nil, trail: [(String, String)] = []) -> ViewData {
        var view = chrome
        // Copied once, with room for the page's own values, instead of copied and then grown.
        view.reserveCapacity(64)
        view["path"] = path
        view["pageTitle"] = title
        view["documentTitle"] = path == "/" ? site.config.title : "\(title) – \(site.config.title)"
        view["metaDescription"] = TextTools.excerpt(description ?? site.config.description, limit: 300)
        view["canonicalURL"] = absoluteURL(path)
        view["feedAtomURL"] = Route.updates.path + "atom.xml"
        view["feedJSONURL"] = Route.updates.path + "feed.json"
        view[list: "nav"] = navigation.map { item in
            var link = Self.link(item.label, item.path)
            link["current"] = item.path == path ? "page" : path.hasPrefix(item.path) ? "true" : nil
            return link
        }
        if path != "/" {
            var crumbs = [Self.link(labels["nav.home"], Route.home.path)] + trail.map { Self.link($0.0, $0.1) }
            var current = Self.link(title, "")
            current[flag: "isCurrent"] = true
            crumbs.append(current)
            view[object: "trail"] = ViewData(["items": .list(crumbs)])
        } else {
            view[object: "trail"] = nil
        }
        return view
    }

    /// The absolute URL of a site path.
    func absoluteURL(_ path: String) -> String {
        baseURL + path
    }

    // MARK: Shared pieces

    /// A link for templates: `{text, href}`; links to their own page (empty href) get no `href`.
    static func link(_ text: String, _ href: String) -> ViewData {
        var view = ViewData()
        view["text"] = text
        view["href"] = href
        view[flag: "isCurrent"] = false
        return view
    }

    /// A list wrapped in an object under `key`, or nil when the list is empty, for `{{#group}}…{{/group}}`
    /// sections whose partials read the list by its usual name.
    static func group(_ key: String, _ list: [ViewData]) -> ViewData? {
        list.isEmpty ? nil : ViewData([key: .list(list)])
    }

    /// A date for templates: `{iso, text}`, rendered as `<time datetime="{{iso}}">{{text}}</time>`.
    func date(_ date: LocalDate?) -> ViewData? {
        guard let date else { return nil }
        var view = ViewData()
        view["iso"] = date.iso
        view["text"] = format.date(date)
        return view
    }

    /// A measure as a row of the register and as an entry in lists.
    func measureSummary(_ measure: Measure) -> ViewData {
        measureSummaries[measure.slug] ?? Self.makeMeasureSummary(measure, index: index, labels: labels, format: format)
    }

    private static func makeMeasureSummary(_ measure: Measure, index: SiteIndex, labels: Labels, format: LocalFormat) -> ViewData {
        var view = ViewData()
        view["title"] = measure.title
        view["href"] = Route.measure(measure.slug).path
        view["summary"] = measure.summary
        view["area"] = index.areaLabel(measure.area)
        view["areaHref"] = PageRequest.MeasureFilter.area(measure.area).path
        view["automation"] = labels.label(measure.automation)
        view[object: "status"] = statusBadge(measure.status, labels: labels).view
        view[object: "riskClass"] = riskBadge(measure.riskClass, labels: labels).view
        var updated = ViewData()
        updated["iso"] = measure.updated.iso
        updated["text"] = format.date(measure.updated)
        view[object: "updated"] = updated
        return view
    }

    func statusBadge(_ status: MeasureStatus) -> Badge {
        Self.statusBadge(status, labels: labels)
    }

    func riskBadge(_ riskClass: RiskClass) -> Badge {
        Self.riskBadge(riskClass, labels: labels)
    }

    private static func statusBadge(_ status: MeasureStatus, labels: Labels) -> Badge {
        Badge(prefix: labels["badge.status"], text: labels.label(status), tone: "status-\(status.rawValue)")
    }

    private static func riskBadge(_ riskClass: RiskClass, labels: Labels) -> Badge {
        Badge(prefix: labels["badge.riskClass"], text: labels.label(riskClass), tone: "risk-\(riskClass.rawValue)")
    }

    func itemStatusBadge(_ status: ItemStatus) -> Badge {
        Badge(prefix: labels["badge.itemStatus"], text: labels.label(status), tone: "item-\(status.rawValue)")
    }

    func overdueBadge() -> Badge {
        Badge(prefix: nil, text: labels["badge.overdue"], tone: "overdue")
    }

    /// The result badge; `text` (an OParl result as written, see `Consultation.resultText`) replaces the label.
    func resultBadge(_ result: ConsultationResult, text: String? = nil) -> Badge {
        Badge(prefix: labels["badge.result"], text: text ?? labels.label(result), tone: "result-\(result.rawValue)")
    }

    /// An update in lists: title, link, date, type, summary.
    func updateSummary(_ update: Update) -> ViewData {
        var view = ViewData()
        view["title"] = update.title
        view["href"] = Route.update(update.slug).path
        view[object: "date"] = date(update.date)
        view["summary"] = update.summary ?? TextTools.excerpt(update.body.leadText, limit: 240)
        view[object: "type"] = Badge(prefix: labels["badge.updateType"], text: labels.label(update.type), tone: "update-\(update.type.rawValue)").view
        return view
    }

    /// A motion in lists: reference, subject, date, type, originator, latest result.
    func motionSummary(_ motion: Motion) -> ViewData {
        var view = ViewData()
        view["reference"] = motion.reference
        view["name"] = motion.name
        view["href"] = Route.motion(motion.slug).path
        view[object: "date"] = date(motion.date)
        view["paperType"] = motion.paperTypeText ?? labels.label(motion.paperType)
        view["originator"] = originatorText(motion.originator)
        if let latest = motion.consultations.last {
            view[object: "result"] = resultBadge(latest.result, text: latest.resultText).view
        }
        let items = motion.resolutionItems
        let done = items.filter { $0.status == .done }.count
        view["progress"] = labels.format("motions.progress", ["done": format.integer(done), "total": format.integer(items.count)])
        let overdue = items.filter { motion.isOverdue($0, asOf: site.asOf) }.count
        view["overdueCount"] = overdue > 0 ? labels.count("motions.overdueCount", overdue, formatted: format.integer(overdue)) : nil
        return view
    }

    /// Who submitted a paper, as text.
    func originatorText(_ originator: Motion.Originator) -> String {
        switch originator {
        case .body(let id): index.bodyName(id)
        case .people(let names): names.joined(separator: ", ")
        }
    }

    /// A timeline event for templates.
    func event(_ event: TimelineEvent) -> ViewData {
        var view = ViewData()
        view[object: "date"] = date(event.date)
        view["kind"] = labels[event.kind.singularKey]
        view["kindTone"] = event.kind.rawValue
        view["title"] = event.title
        view["context"] = event.context
        view["href"] = event.href
        view["note"] = event.note
        view[list: "badges"] = event.badges.map(\.view)
        return view
    }

    /// The HTML of rendered prose; prose whose HTML is missing shows as escaped paragraphs of its plain text.
    /// Nil when there is no text at all.
    static func html(_ text: RichText?) -> String? {
        guard let text, !text.isEmpty else { return nil }
        let html = text.html
        if !html.allSatisfy(\.isWhitespace) { return html }
        let paragraphs = text.plainText.split(separator: "\n\n").map { $0.trimmingWhitespaceAndNewlines() }
        return paragraphs.filter { !$0.isEmpty }.map { "<p>" + TextTools.escapeXML($0) + "</p>" }.joined(separator: "\n")
    }

    /// Percent-encodes text for a `mailto:` query value.
    static func percentEncoded(_ text: String) -> String {
        var result = ""
        for byte in text.utf8 {
            let character = Character(UnicodeScalar(byte))
            if byte < 0x80, character.isLetter || character.isNumber || "-._~".contains(character) {
                result.append(character)
            } else {
                let hex = String(byte, radix: 16, uppercase: true)
                result += "%" + (hex.count == 1 ? "0" + hex : hex)
            }
        }
        return result
    }
}
