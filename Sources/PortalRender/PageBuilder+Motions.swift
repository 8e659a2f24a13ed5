import PortalModel

extension PageBuilder {
    /// The list of council papers, newest first.
    func motionsPage() -> PageView {
        var view = frame(path: Route.motions.path, title: labels["motions.title"], description: labels["motions.intro"])
        view["resultCount"] = labels.count("motions.count", site.motions.count, formatted: format.integer(site.motions.count))
        view[list: "motions"] = site.motions.map(motionSummary)
        return PageView(path: Route.motions.path, template: "layouts/motions", view: view)
    }

    /// One council paper laid out like the paper itself: head, draft resolution with tracked items,
    /// justification, consultation path, impacts, implementing measures, files and updates.
    func motionPage(_ motion: Motion) -> PageView {
        let path = Route.motion(motion.slug).path
        var view = frame(path: path, title: motion.name, description: motion.justification.isEmpty ? nil : motion.justification.leadText,
                         trail: [(labels["nav.motions"], Route.motions.path)])
        view["reference"] = motion.reference
        view["paperType"] = motion.paperTypeText ?? labels.label(motion.paperType)
        view[object: "date"] = date(motion.date)
        switch motion.originator {
        case .body(let id):
            view["originator"] = index.bodyName(id)
            view["originatorHref"] = Route.body(id).path
        case .people(let names):
            view["originator"] = names.joined(separator: ", ")
        }
        view["name"] = motion.name
        if let latest = motion.consultations.last {
            view[object: "result"] = resultBadge(latest.result, text: latest.resultText).view
        }
        view["preamble"] = motion.resolutionPreamble
        view[list: "items"] = motion.resolutionItems.map { resolutionItem($0, of: motion) }
        view["justificationHTML"] = Self.html(motion.justification)
        view[list: "consultations"] = motion.consultations.map(consultationStep)
        view["financialImpact"] = motion.financialImpact
        view["climateImpact"] = motion.climateImpact
        view[list: "measures"] = (index.measuresByMotion[motion.reference] ?? []).map(measureSummary)
        view[list: "files"] = motion.files.map { file in
            var item = ViewData()
            item["title"] = file.title
            item["href"] = file.url
            item["details"] = [file.mediaType.map(Self.fileTypeName), file.size.map(format.bytes)].compactMap { $0 }.joined(separator: ", ")
            return item
        }
        view[object: "related"] = Self.group("motions", (index.relatedMotions[motion.reference] ?? []).map(motionSummary))
        view[list: "updates"] = (index.updatesByMotion[motion.reference] ?? []).map(updateSummary)
        return PageView(path: path, template: "layouts/motion", view: view)
    }

    /// A resolution item with its tracking: status, due date, responsible unit, evidence, overdue badge.
    private func resolutionItem(_ item: ResolutionItem, of motion: Motion) -> ViewData {
        var view = ViewData()
        view["anchor"] = PageAnchors.resolutionItem(item.id)
        view["number"] = String(item.id)
        view["itemLabel"] = labels.format("motion.itemNumber", ["item": String(item.id)])
        view["textHTML"] = Self.html(item.text)
        var badges = [itemStatusBadge(item.status)]
        let overdue = motion.isOverdue(item, asOf: site.asOf)
        if overdue { badges.append(overdueBadge()) }
        view[list: "badges"] = badges.map(\.view)
        view[flag: "isOverdue"] = overdue
        view[object: "due"] = date(item.due)
        view["responsible"] = item.responsible
        view["note"] = item.note
        view[list: "evidence"] = item.evidence.map { evidence in
            switch evidence {
            case .measure(let slug):
                return Self.link(index.measuresBySlug[slug]?.title ?? slug, Route.measure(slug).path)
            case .update(let slug):
                return Self.link(index.updatesBySlug[slug]?.title ?? slug, Route.update(slug).path)
            case .url(let url):
                return Self.link(url, url)
            }
        }
        let implementing = index.measuresByItem[SiteIndex.ItemKey(reference: motion.reference, item: item.id)] ?? []
        view[list: "measures"] = implementing.map { Self.link($0.title, Route.measure($0.slug).path) }
        return view
    }

    /// One step of the consultation path: body, role, date, result, vote.
    private func consultationStep(_ consultation: Consultation) -> ViewData {
        var view = ViewData()
        view[object: "date"] = date(consultation.date)
        view["dateMissing"] = consultation.date == nil ? labels["consultation.noDate"] : nil
        view["body"] = index.bodyName(consultation.organization)
        view["bodyHref"] = Route.body(consultation.organization).path
        view["role"] = consultation.roleText ?? labels.label(consultation.role)
        view["authoritative"] = consultation.authoritative ? labels["consultation.authoritative"] : nil
        view["agendaItem"] = consultation.agendaItem
        view["publicity"] = consultation.isPublic ? labels["consultation.public"] : labels["consultation.nonPublic"]
        view[object: "result"] = resultBadge(consultation.result, text: consultation.resultText).view
        view["vote"] = voteText(consultation.vote)
        if let referredTo = consultation.referredTo {
            view[object: "referredTo"] = Self.link(index.bodyName(referredTo), Route.body(referredTo).path)
        }
        view["resolutionHTML"] = Self.html(consultation.resolutionText)
        view[flag: "isUpcoming"] = consultation.date.map { site.asOf < $0 } ?? false
        return view
    }

    /// A vote in words: "einstimmig" or "32 Ja, 14 Nein, 4 Enthaltungen".
    func voteText(_ vote: Vote?) -> String? {
        switch vote {
        case nil: nil
        case .unanimous: labels["consultation.unanimous"]
        case .counts(let yes, let no, let abstain):
            labels.format("consultation.votes", ["yes": format.integer(yes), "no": format.integer(no), "abstain": format.integer(abstain)])
        }
    }

    /// A readable name for common file types, such as "PDF".
    static func fileTypeName(_ mediaType: String) -> String {
        switch mediaType.lowercased() {
        case "application/pdf": "PDF"
        case "text/html": "HTML"
        case "text/plain": "Text"
        case "text/csv": "CSV"
        case "application/json": "JSON"
        case "application/vnd.openxmlformats-officedocument.wordprocessingml.document": "Word"
        case "application/vnd.oasis.opendocument.text": "ODT"
        case "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet": "Excel"
        default: mediaType
        }
    }
}
