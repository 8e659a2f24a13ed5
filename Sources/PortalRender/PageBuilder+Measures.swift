import PortalModel

extension PageBuilder {
    /// The register of all measures, or one filter of it (by area, status or risk class).
    func measuresPage(filter: PageRequest.MeasureFilter?) -> PageView {
        let path = filter?.path ?? Route.measures.path
        let title: String
        // Positions in the register, so that the measures are read in place instead of copied.
        let all = index.measures
        let measures: [Int]
        switch filter {
        case nil:
            title = labels["measures.title"]
            measures = Array(all.indices)
        case .area(let id):
            title = labels.format("measures.filteredByArea", ["value": index.areaLabel(id)])
            measures = all.indices.filter { all[$0].area == id }
        case .status(let status):
            title = labels.format("measures.filteredByStatus", ["value": labels.label(status)])
            measures = all.indices.filter { all[$0].status == status }
        case .riskClass(let riskClass):
            title = labels.format("measures.filteredByRisk", ["value": labels.label(riskClass)])
            measures = all.indices.filter { all[$0].riskClass == riskClass }
        }
        var view = frame(path: path, title: title, description: labels["measures.intro"],
                         trail: filter == nil ? [] : [(labels["nav.measures"], Route.measures.path)])
        if case .area(let id) = filter { view["filterDescription"] = index.areasByID[id]?.description }
        view[flag: "isFiltered"] = filter != nil
        view["allHref"] = Route.measures.path
        view[list: "filterGroups"] = filterGroups(current: path)
        view["resultCount"] = labels.count("measures.count", measures.count, formatted: format.integer(measures.count))
        view.setItems("measures", count: measures.count) { [self] in measureSummary(all[measures[$0]]) }
        view[flag: "hasMeasures"] = !measures.isEmpty
        return PageView(path: path, template: "layouts/measures", view: view)
    }

    /// How many measures the register shows with `filter`.
    func measureCount(_ filter: PageRequest.MeasureFilter) -> Int {
        measureFilterCounts[filter.path] ?? 0
    }

    /// The filter navigation: areas, statuses, risk classes, each with its count; the current one marked.
    private func filterGroups(current: String) -> [ViewData] {
        func option(_ label: String, _ path: String, _ count: Int) -> ViewData {
            var view = countRow(label, count, path)
            view["current"] = path == current ? "page" : nil
            return view
        }
        let groups: [(String, [(String, String)])] = [
            (labels["measures.filter.area"], site.config.areas.map { ($0.label, PageRequest.MeasureFilter.area($0.id).path) }),
            (labels["measures.filter.status"], MeasureStatus.allCases.map { (labels.label($0), PageRequest.MeasureFilter.status($0).path) }),
            (labels["measures.filter.riskClass"], RiskClass.allCases.map { (labels.label($0), PageRequest.MeasureFilter.riskClass($0).path) }),
        ]
        return groups.enumerated().map { position, group in
            var view = ViewData()
            view["heading"] = group.0
            view["id"] = "filter-\(position + 1)"
            view[list: "options"] = group.1.map { option($0.0, $0.1, measureFilterCounts[$0.1] ?? 0) }
            return view
        }
    }

    /// The page of one measure: the register entry in plain language, with every relation linked.
    func measurePage(_ measure: Measure) -> PageView {
        let path = Route.measure(measure.slug).path
        var view = frame(path: path, title: measure.title, description: measure.summary,
                         trail: [(labels["nav.measures"], Route.measures.path)])
        view["summary"] = measure.summary
        view[list: "badges"] = [statusBadge(measure.status).view, riskBadge(measure.riskClass).view]
        view[object: "updated"] = date(measure.updated)
        view[list: "facts"] = measureFacts(measure)
        view[list: "dataSources"] = measure.dataSources.map { source in
            var link = ViewData()
            link["text"] = source.title
            link["href"] = source.url
            return link
        }
        view["descriptionHTML"] = Self.html(measure.description)
        view[texts: "opportunities"] = measure.opportunities
        view[texts: "limits"] = measure.limits
        view[list: "risks"] = measure.risks.map { risk in
            var item = ViewData()
            item["risk"] = risk.risk
            item["mitigation"] = risk.mitigation
            return item
        }
        view["humanOversight"] = measure.humanOversight
        view["automation"] = labels.label(measure.automation)
        view["automationExplanation"] = labels["automationExplanation.\(measure.automation.rawValue)"]
        view[texts: "legalBasis"] = measure.legalBasis
        view[list: "impactAssessments"] = measure.impactAssessments.map { assessment in
            var item = ViewData()
            item["type"] = labels.label(assessment.type)
            item[object: "date"] = date(assessment.date)
            item["summary"] = assessment.summary
            item["href"] = assessment.url
            return item
        }
        view[list: "savings"] = savingsRows(measure.savings)
        view[list: "milestones"] = measure.milestones.sorted { $0.date < $1.date }.map { milestone in
            var item = ViewData()
            item[object: "date"] = date(milestone.date)
            item["title"] = milestone.title
            item["note"] = milestone.note
            item[flag: "isUpcoming"] = site.asOf < milestone.date
            return item
        }
        view[list: "motions"] = measureMotionLinks(measure)
        view["vendor"] = measure.vendor
        view["hosting"] = measure.hosting.map { labels.label($0) }
        view[list: "partners"] = measure.partners.map { id in
            var item = ViewData()
            item["text"] = index.partnersByID[id]?.name ?? id
            item["href"] = Route.partner(id).path
            item["role"] = index.partnersByID[id].map { labels.label($0.role) }
            return item
        }
        view[list: "updates"] = (index.updatesByMeasure[measure.slug] ?? []).map(updateSummary)
        view["euDatabaseURL"] = measure.euDatabaseURL
        view["responsibleUnit"] = measure.responsibleUnit
        view["contact"] = measure.contact
        view["contactHref"] = measure.contact.contains("@") && !measure.contact.contains(" ") ? "mailto:" + measure.contact : nil
        return PageView(path: path, template: "layouts/measure", view: view)
    }

    /// The Steckbrief: every register field as term and description.
    private func measureFacts(_ measure: Measure) -> [ViewData] {
        func fact(_ key: String, _ value: String?, href: String? = nil, note: String? = nil) -> ViewData? {
            guard let value, !value.isEmpty else { return nil }
            var view = ViewData()
            view["term"] = labels[key]
            view["value"] = value
            view["href"] = href
            view["note"] = note
            return view
        }
        let euDatabase: String = if measure.euDatabaseURL != nil {
            labels["measure.euDatabaseEntry"]
        } else if measure.riskClass == .high {
            labels["measure.euDatabaseMissing"]
        } else {
            labels["measure.euDatabaseNotRequired"]
        }
        return [
            fact("measure.fact.area", index.areaLabel(measure.area), href: PageRequest.MeasureFilter.area(measure.area).path),
            fact("measure.fact.status", labels.label(measure.status), href: PageRequest.MeasureFilter.status(measure.status).path),
            fact("measure.fact.riskClass", labels.label(measure.riskClass), href: PageRequest.MeasureFilter.riskClass(measure.riskClass).path,
                 note: labels["riskClassExplanation.\(measure.riskClass.rawValue)"]),
            fact("measure.fact.automation", labels.label(measure.automation)),
            fact("measure.fact.personalData", labels.label(measure.personalData)),
            fact("measure.fact.hosting", measure.hosting.map { labels.label($0) }),
            fact("measure.fact.vendor", measure.vendor),
            fact("measure.fact.responsibleUnit", measure.responsibleUnit),
            fact("measure.fact.contact", measure.contact,
                 href: measure.contact.contains("@") && !measure.contact.contains(" ") ? "mailto:" + measure.contact : nil),
            fact("measure.fact.euDatabase", euDatabase, href: measure.euDatabaseURL),
            fact("measure.fact.tags", measure.tags.isEmpty ? nil : measure.tags.joined(separator: ", ")),
            fact("measure.fact.updated", format.date(measure.updated)),
        ].compactMap { $0 }
    }

    /// The savings table: one row for expected and one for realised savings.
    private func savingsRows(_ savings: Measure.Savings?) -> [ViewData] {
        guard let savings else { return [] }
        let figures: [(String, Measure.Savings.Figure?)] = [
            (labels["savings.expected"], savings.expected), (labels["savings.realised"], savings.realised),
        ]
        return figures.compactMap { label, figure in
            guard let figure else { return nil }
            var row = ViewData()
            row["label"] = label
            row["hours"] = figure.hoursPerYear.map { format.number($0) } ?? labels["common.notStated"]
            row["euros"] = figure.eurosPerYear.map { format.euros($0) } ?? labels["common.notStated"]
            row["asOf"] = figure.asOf.map { format.date($0) } ?? labels["common.notStated"]
            row["note"] = figure.note
            return row
        }
    }

    /// The resolution items (or whole motions) a measure fulfils, linked to their place on the motion page.
    private func measureMotionLinks(_ measure: Measure) -> [ViewData] {
        measure.motions.map { link in
            var view = ViewData()
            let motion = index.motionsByReference[link.reference]
            let motionPath = motion.map { Route.motion($0.slug).path } ?? Route.motions.path
            view["reference"] = link.reference
            view["motionName"] = motion?.name
            if let item = link.item {
                view["href"] = motionPath + "#" + PageAnchors.resolutionItem(item)
                view["itemLabel"] = labels.format("motion.itemNumber", ["item": String(item)])
                if let resolutionItem = motion?.resolutionItems.first(where: { $0.id == item }) {
                    view["text"] = TextTools.excerpt(resolutionItem.text.leadText, limit: 200)
                    var badges = [itemStatusBadge(resolutionItem.status)]
                    if motion?.isOverdue(resolutionItem, asOf: site.asOf) == true { badges.append(overdueBadge()) }
                    view[list: "badges"] = badges.map(\.view)
                }
            } else {
                view["href"] = motionPath
            }
            return view
        }
    }
}
