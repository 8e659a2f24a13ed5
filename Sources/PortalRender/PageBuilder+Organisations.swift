import PortalModel

extension PageBuilder {
    /// The council bodies, active ones first, dissolved ones marked.
    func bodiesPage() -> PageView {
        var view = frame(path: Route.bodies.path, title: labels["bodies.title"], description: labels["bodies.intro"])
        let sorted = site.bodies.sorted { lhs, rhs in
            let left = lhs.isDissolved(asOf: site.asOf), right = rhs.isDissolved(asOf: site.asOf)
            if left != right { return !left }
            return GermanCollation.precedes(lhs.name, rhs.name)
        }
        view[list: "bodies"] = sorted.map { body in
            var row = ViewData()
            row["name"] = body.name
            row["href"] = Route.body(body.id).path
            row["shortName"] = body.shortName
            row["classification"] = labels.label(body.classification)
            row[object: "dissolved"] = body.isDissolved(asOf: site.asOf) ? dissolvedBadge().view : nil
            let count = index.consultationsByBody[body.id]?.count ?? 0
            row["consultations"] = format.integer(count)
            return row
        }
        return PageView(path: Route.bodies.path, template: "layouts/bodies", view: view)
    }

    private func dissolvedBadge() -> Badge {
        Badge(prefix: nil, text: labels["body.dissolved"], tone: "dissolved")
    }

    /// A council body: its facts, its consultations and the papers it submitted.
    func bodyPage(_ body: Body) -> PageView {
        let path = Route.body(body.id).path
        var view = frame(path: path, title: body.name, description: body.description,
                         trail: [(labels["nav.bodies"], Route.bodies.path)])
        view["description"] = body.description
        view[object: "dissolved"] = body.isDissolved(asOf: site.asOf) ? dissolvedBadge().view : nil
        var facts: [ViewData] = []
        func fact(_ key: String, _ value: String?, href: String? = nil) {
            guard let value else { return }
            var item = ViewData()
            item["term"] = labels[key]
            item["value"] = value
            item["href"] = href
            facts.append(item)
        }
        fact("body.fact.shortName", body.shortName)
        fact("body.fact.classification", labels.label(body.classification))
        fact("body.fact.organizationType", labels.label(body.organizationType))
        fact("body.fact.startDate", body.startDate.map(format.date))
        fact("body.fact.endDate", body.endDate.map(format.date))
        fact("body.fact.website", body.website, href: body.website)
        view[list: "facts"] = facts
        view[list: "consultations"] = (index.consultationsByBody[body.id] ?? []).map { entry in
            var item = ViewData()
            item[object: "date"] = date(entry.consultation.date)
            item["dateMissing"] = entry.consultation.date == nil ? labels["consultation.noDate"] : nil
            item["reference"] = entry.motion.reference
            item["motionName"] = entry.motion.name
            item["href"] = Route.motion(entry.motion.slug).path + "#gremienweg"
            item["role"] = entry.isReferral
                ? labels.format("body.referredFrom", ["body": index.bodyName(entry.consultation.organization)])
                : labels.label(entry.consultation.role)
            item[object: "result"] = entry.isReferral ? nil : resultBadge(entry.consultation.result, text: entry.consultation.resultText).view
            item["vote"] = entry.isReferral ? nil : voteText(entry.consultation.vote)
            return item
        }
        view[list: "motions"] = (index.motionsByOriginator[body.id] ?? []).map(motionSummary)
        return PageView(path: path, template: "layouts/body", view: view)
    }

    /// The partner organisations.
    func partnersPage() -> PageView {
        var view = frame(path: Route.partners.path, title: labels["partners.title"], description: labels["partners.intro"])
        view[list: "partners"] = index.partners.map { partner in
            var row = ViewData()
            row["name"] = partner.name
            row["href"] = Route.partner(partner.id).path
            row["type"] = labels.label(partner.type)
            row["role"] = labels.label(partner.role)
            row["measures"] = format.integer(index.measuresByPartner[partner.id]?.count ?? 0)
            return row
        }
        return PageView(path: Route.partners.path, template: "layouts/partners", view: view)
    }

    /// A partner organisation and the measures it works on.
    func partnerPage(_ partner: Partner) -> PageView {
        let path = Route.partner(partner.id).path
        var view = frame(path: path, title: partner.name, description: partner.description,
                         trail: [(labels["nav.partners"], Route.partners.path)])
        view["description"] = partner.description
        var facts: [ViewData] = []
        func fact(_ key: String, _ value: String?, href: String? = nil) {
            guard let value else { return }
            var item = ViewData()
            item["term"] = labels[key]
            item["value"] = value
            item["href"] = href
            facts.append(item)
        }
        fact("partner.fact.type", labels.label(partner.type))
        fact("partner.fact.role", labels.label(partner.role))
        fact("partner.fact.since", partner.since.map(format.date))
        fact("partner.fact.website", partner.website, href: partner.website)
        view[list: "facts"] = facts
        view[list: "measures"] = (index.measuresByPartner[partner.id] ?? []).map(measureSummary)
        return PageView(path: path, template: "layouts/partner", view: view)
    }
}
