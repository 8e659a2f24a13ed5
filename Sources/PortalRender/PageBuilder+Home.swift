import PortalModel

extension PageBuilder {
    /// The home page: purpose, key figures, status overview, latest updates, upcoming dates, overdue commitments.
    func homePage() -> PageView {
        var view = frame(path: Route.home.path, title: site.config.title)
        let measures = index.measures
        let allItems = site.motions.flatMap { motion in motion.resolutionItems.map { (motion, $0) } }
        let openItems = allItems.filter { $0.1.status != .done && $0.1.status != .dropped }
        let overdue = allItems.filter { $0.0.isOverdue($0.1, asOf: site.asOf) }

        view[list: "figures"] = [
            figure(measures.count, "home.figure.measures", Route.measures.path),
            figure(measureCount(.status(.inUse)), "home.figure.inUse", PageRequest.MeasureFilter.status(.inUse).path),
            figure(site.motions.count, "home.figure.motions", Route.motions.path),
            figure(openItems.count, "home.figure.openItems", Route.motions.path),
            figure(overdue.count, "home.figure.overdue", "#ueberfaellig"),
        ]
        view[list: "byStatus"] = MeasureStatus.allCases.map { status in
            countRow(labels.label(status), measureCount(.status(status)), PageRequest.MeasureFilter.status(status).path)
        }
        view[list: "byArea"] = site.config.areas.map { area in
            countRow(area.label, measureCount(.area(area.id)), PageRequest.MeasureFilter.area(area.id).path)
        }
        view[list: "byRisk"] = RiskClass.allCases.map { riskClass in
            countRow(labels.label(riskClass), measureCount(.riskClass(riskClass)), PageRequest.MeasureFilter.riskClass(riskClass).path)
        }
        view["measureTotal"] = format.integer(measures.count)
        view[object: "latest"] = Self.group("updates", site.updates.prefix(Self.homeListLength).map(updateSummary))
        view[object: "upcoming"] = Self.group("events", timeline.upcoming.prefix(Self.homeListLength).map(event))
        view[object: "overdue"] = Self.group("commitments", overdue.map { motion, item in commitment(motion, item) })
        return PageView(path: Route.home.path, template: "layouts/home", view: view)
    }

    /// A key figure: a number, what it counts, and where to see them.
    private func figure(_ count: Int, _ key: String, _ href: String) -> ViewData {
        var view = ViewData()
        view["value"] = format.integer(count)
        view["label"] = labels[key]
        view["href"] = href
        return view
    }

    /// A row of a counting table: label, count, link.
    func countRow(_ label: String, _ count: Int, _ href: String) -> ViewData {
        var view = ViewData()
        view["label"] = label
        view["count"] = format.integer(count)
        view["href"] = href
        view[flag: "isEmpty"] = count == 0
        return view
    }

    /// A resolution item in lists of commitments: motion, number, text, due date, status, overdue badge.
    func commitment(_ motion: Motion, _ item: ResolutionItem) -> ViewData {
        var view = ViewData()
        view["reference"] = motion.reference
        view["motionName"] = motion.name
        view["href"] = Route.motion(motion.slug).path + "#" + PageAnchors.resolutionItem(item.id)
        view["itemLabel"] = labels.format("motion.itemNumber", ["item": String(item.id)])
        view["text"] = TextTools.excerpt(item.text.leadText, limit: 200)
        view[object: "due"] = date(item.due)
        view["responsible"] = item.responsible
        var badges = [itemStatusBadge(item.status)]
        if motion.isOverdue(item, asOf: site.asOf) { badges.append(overdueBadge()) }
        view[list: "badges"] = badges.map(\.view)
        return view
    }
}
