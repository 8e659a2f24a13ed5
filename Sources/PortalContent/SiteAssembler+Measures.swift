import PortalMarkdown
import Foundation
import PortalDiagnostics
import PortalModel

extension SiteAssembler {
    /// Builds measures: slugs from file names, the EU database rule for high-risk systems.
    mutating func assembleMeasures() -> [Measure] {
        var seen: [String: SourceLocation] = [:]
        var measures: [Measure] = []
        for document in content.measures {
            let fields = document.fields
            let slug = Slug.make(from: document.stem)
            let fileLocation = SourceLocation(file: document.displayPath)
            if slug.isEmpty {
                error(.invalidFileName, "The file name has no letters or digits to build an address from. Rename it, e.g. measures/chatbot-buergerservice.md.", at: fileLocation)
                continue
            }
            guard claim(slug, in: &seen, what: "The measure address (from the file name)", at: fileLocation) else { continue }
            measureSlugs.insert(slug)
            documents.register(relativePath: document.relativePath, route: .measure(slug), anchors: Set(PageAnchors.measure))
            let riskClass = fields.vocabulary("riskClass", as: RiskClass.self)
            if riskClass == .high, fields["euDatabaseURL"] == nil {
                error(.missingEUDatabaseURL, "A measure with riskClass: high must name its entry in the EU database for high-risk AI systems: add euDatabaseURL: https://….", at: fields.location(of: "riskClass"))
            }
            if riskClass == .prohibited, let status = fields.vocabulary("status", as: MeasureStatus.self), status != .retired, status != .idea {
                warning(.invalidValue, "A measure in riskClass 'prohibited' (Art. 5 AI Act) must not be in use; set status to retired or explain in the text.", at: fields.location(of: "status"))
            }
            guard let title = fields.text("title"), let summary = fields.text("summary"), let area = fields.text("area"),
                  let status = fields.vocabulary("status", as: MeasureStatus.self), let riskClass,
                  let automation = fields.vocabulary("automation", as: Automation.self),
                  let humanOversight = fields.text("humanOversight"),
                  let personalData = fields.vocabulary("personalData", as: PersonalData.self),
                  let contact = fields.text("contact"), let responsibleUnit = fields.text("responsibleUnit"),
                  let updated = fields.date("updated")
            else { continue }
            let savings = fields.object("savings").map { object in
                Measure.Savings(expected: object.object("expected").map(Self.figure), realised: object.object("realised").map(Self.figure))
            }
            measures.append(Measure(
                slug: slug, title: title, summary: summary, area: area, status: status, riskClass: riskClass,
                automation: automation, humanOversight: humanOversight, personalData: personalData,
                legalBasis: fields.texts("legalBasis"),
                impactAssessments: fields.objects("impactAssessments").compactMap { object in
                    object.vocabulary("type", as: ImpactAssessmentType.self).map {
                        Measure.ImpactAssessment(type: $0, date: object.date("date"), url: object.text("url"), summary: object.text("summary"))
                    }
                },
                opportunities: fields.texts("opportunities"), limits: fields.texts("limits"),
                risks: fields.objects("risks").compactMap { object in
                    object.text("risk").map { Measure.Risk(risk: $0, mitigation: object.text("mitigation")) }
                },
                savings: savings, vendor: fields.text("vendor"), partners: fields.texts("partners"),
                hosting: fields.vocabulary("hosting", as: Hosting.self),
                dataSources: fields.objects("dataSources").compactMap { object in
                    object.text("title").map { Measure.Link(title: $0, url: object.text("url")) }
                },
                motions: fields.texts("motions").map(Self.motionLink(from:)),
                milestones: fields.objects("milestones").compactMap { object in
                    guard let date = object.date("date"), let title = object.text("title") else { return nil }
                    return Measure.Milestone(date: date, title: title, note: object.text("note"))
                }.sorted { $0.date < $1.date },
                contact: contact, responsibleUnit: responsibleUnit, euDatabaseURL: fields.text("euDatabaseURL"),
                updated: updated, tags: fields.texts("tags"),
                description: RichText(markdown: document.body),
                sourcePath: document.relativePath))
        }
        return measures
    }

    static func figure(_ object: ObjectValue) -> Measure.Savings.Figure {
        Measure.Savings.Figure(
            hoursPerYear: object.number("hoursPerYear"), eurosPerYear: object.number("eurosPerYear"),
            asOf: object.date("asOf"), note: object.text("note"))
    }

    /// Splits `AT/0047/2025#3` into the motion reference and the item number.
    static func motionLink(from text: String) -> Measure.MotionLink {
        guard let hash = text.lastIndex(of: "#") else { return Measure.MotionLink(reference: text, item: nil) }
        let reference = String(text[..<hash]).trimmingHorizontalWhitespace()
        let item = Int(text[text.index(after: hash)...].trimmingHorizontalWhitespace())
        return Measure.MotionLink(reference: reference, item: item ?? -1)
    }

    /// Checks areas, partners and motion links of every measure.
    mutating func checkMeasureReferences(_ measures: [Measure]) {
        // Each motion's items described once, however many links miss them.
        var itemDescriptions: [String: String] = [:]
        for document in content.measures {
            let fields = document.fields
            if let area = fields.text("area"), !areaIDs.contains(area) {
                dangling("The area", area, known: areaIDs, definedIn: "site.y", at: fields.location(of: "area"), fix: "Use an id from 'areas' in site.yml, or add the area there.")
            }
            for value in fields.list("partners") {
                guard let id = value.text, !partnerIDs.contains(id) else { continue }
                dangling("The partner", id, known: partnerIDs, definedIn: "partners.y", at: value.location, fix: "Use an id from partners.yml.")
            }
            for value in fields.list("motions") {
                guard let text = value.text else { continue }
                let link = Self.motionLink(from: text)
                guard let items = motionItems[link.reference] else {
                    if content.hasBrokenFile(in: "motions/") { continue }
                    dangling("The motion", link.reference, known: motionItems.keys, definedIn: "motions/", at: value.location, fix: "Use the reference of a file in motions/, such as AT/0047/2025 or AT/0047/2025#2.")
                    continue
                }
                if let item = link.item, !items.contains(item) {
                    let known = itemDescriptions[link.reference] ?? Self.describeItems(items)
                    itemDescriptions[link.reference] = known
                    error(.danglingReference, "The motion \(link.reference) has no resolution item '\(text.split(separator: "#").last ?? "")'. \(known)", at: value.location)
                }
            }
        }
    }

    /// How many ranges of items ``describeItems(_:)`` names before it only counts the rest.
    static let describedItemRanges = 10

    /// A sentence naming a motion's resolution items for a message, of bounded length however many there are:
    /// runs of three or more as ranges (`1 to 40`), and after ``describedItemRanges`` parts only a count.
    static func describeItems(_ items: Set<Int>) -> String {
        let sorted = items.sorted()
        guard !sorted.isEmpty else { return "It has no resolution items." }
        var parts: [String] = []
        var shown = 0
        var start = 0
        while start < sorted.count, parts.count < describedItemRanges {
            var end = start
            while end + 1 < sorted.count, sorted[end + 1] == sorted[end] + 1 { end += 1 }
            if end - start >= 2 {
                parts.append("\(sorted[start]) to \(sorted[end])")
            } else {
                // One or two items: name them, the second one later if the parts are used up.
                end = start
                parts.append(String(sorted[start]))
            }
            shown += end - start + 1
            start = end + 1
        }
        if sorted.count == 1 { return "Its item is \(sorted[0])." }
        let rest = sorted.count - shown
        let list = parts.joined(separator: ", ")
        return rest == 0 ? "Its items are \(list)." : "Its items are \(list) and \(rest) more (\(sorted.count) in all)."
    }
}
