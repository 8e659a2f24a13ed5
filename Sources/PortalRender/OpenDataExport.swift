import PortalModel

/// The open data files: the measures register as JSON, and the council papers as OParl 1.1 Paper objects.
struct OpenDataExport: Sendable {
    let index: SiteIndex
    let labels: Labels
    let baseURL: String

    // MARK: Measures

    /// `daten/massnahmen.json`: every measure with every register field; vocabulary values as id and label.
    func measuresJSON() -> String {
        let site = index.site
        var root = JSONObject()
        root[text: "title"] = labels["data.measuresJSON.title"]
        root[text: "source"] = baseURL + Route.openData.path
        root[text: "asOf"] = site.asOf.iso
        root["count"] = .int(site.measures.count)
        root["measures"] = .array(index.measures.map(measure))
        return root.value.serialized()
    }

    private func measure(_ measure: Measure) -> JSONValue {
        var object = JSONObject()
        object[text: "slug"] = measure.slug
        object[text: "url"] = baseURL + Route.measure(measure.slug).path
        object[text: "title"] = measure.title
        object[text: "summary"] = measure.summary
        var area = JSONObject()
        area[text: "id"] = measure.area
        area[text: "label"] = index.areaLabel(measure.area)
        object["area"] = area.value
        object["status"] = vocabulary(measure.status)
        object["riskClass"] = vocabulary(measure.riskClass)
        object["automation"] = vocabulary(measure.automation)
        object["personalData"] = vocabulary(measure.personalData)
        object[text: "humanOversight"] = measure.humanOversight
        object["legalBasis"] = texts(measure.legalBasis)
        object["impactAssessments"] = .array(measure.impactAssessments.map { assessment in
            var item = JSONObject()
            item["type"] = vocabulary(assessment.type)
            item[text: "date"] = assessment.date?.iso
            item[text: "url"] = assessment.url
            item[text: "summary"] = assessment.summary
            return item.value
        })
        object["opportunities"] = texts(measure.opportunities)
        object["limits"] = texts(measure.limits)
        object["risks"] = .array(measure.risks.map { risk in
            var item = JSONObject()
            item[text: "risk"] = risk.risk
            item[text: "mitigation"] = risk.mitigation
            return item.value
        })
        if let savings = measure.savings {
            var item = JSONObject()
            item["expected"] = savings.expected.map(figure)
            item["realised"] = savings.realised.map(figure)
            object["savings"] = item.value
        }
        object[text: "vendor"] = measure.vendor
        object["partners"] = .array(measure.partners.map { id in
            var item = JSONObject()
            item[text: "id"] = id
            item[text: "name"] = index.partnersByID[id]?.name ?? id
            item[text: "url"] = baseURL + Route.partner(id).path
            return item.value
        })
        object["hosting"] = measure.hosting.map(vocabulary)
        object["dataSources"] = .array(measure.dataSources.map { source in
            var item = JSONObject()
            item[text: "title"] = source.title
            item[text: "url"] = source.url
            return item.value
        })
        object["motions"] = .array(measure.motions.map { link in
            var item = JSONObject()
            item[text: "reference"] = link.reference
            item["item"] = link.item.map(JSONValue.int)
            if let slug = index.motionsByReference[link.reference]?.slug {
                item[text: "url"] = baseURL + Route.motion(slug).path + (link.item.map { "#" + PageAnchors.resolutionItem($0) } ?? "")
            }
            return item.value
        })
        object["milestones"] = .array(measure.milestones.map { milestone in
            var item = JSONObject()
            item[text: "date"] = milestone.date.iso
            item[text: "title"] = milestone.title
            item[text: "note"] = milestone.note
            return item.value
        })
        object[text: "contact"] = measure.contact
        object[text: "responsibleUnit"] = measure.responsibleUnit
        object[text: "euDatabaseURL"] = measure.euDatabaseURL
        object[text: "updated"] = measure.updated.iso
        object["tags"] = texts(measure.tags)
        return object.value
    }

    private func texts(_ list: [String]) -> JSONValue {
        .array(list.map(JSONValue.string))
    }

    private func vocabulary<V: Vocabulary>(_ value: V) -> JSONValue {
        var object = JSONObject()
        object[text: "id"] = value.rawValue
        object[text: "label"] = labels.label(value)
        return object.value
    }

    private func figure(_ figure: Measure.Savings.Figure) -> JSONValue {
        var object = JSONObject()
        object["hoursPerYear"] = figure.hoursPerYear.map(JSONValue.double)
        object["eurosPerYear"] = figure.eurosPerYear.map(JSONValue.double)
        object[text: "asOf"] = figure.asOf?.iso
        object[text: "note"] = figure.note
        return object.value
    }

    // MARK: OParl

    /// The German OParl label of a paper type.
    static func oparlPaperType(_ type: PaperType) -> String {
        switch type {
        case .motion: "Antrag"
        case .inquiry: "Anfrage"
        case .proposal: "Beschlussvorlage"
        case .information: "Informationsvorlage"
        case .notice: "Mitteilung"
        }
    }

    /// The German OParl label of a consultation role.
    static func oparlRole(_ role: ConsultationRole) -> String {
        switch role {
        case .preliminary: "Vorberatung"
        case .decision: "Entscheidung"
        case .information: "Kenntnisnahme"
        case .hearing: "Anhörung"
        }
    }

    /// The id of a paper in the OParl export.
    func paperID(_ motion: Motion) -> String {
        baseURL + Route.openData.path + "antraege.json#" + motion.slug
    }

    /// `daten/antraege.json`: an OParl object list of Paper objects with embedded Consultation and File objects.
    /// Fields OParl does not define carry the prefix `portal:`.
    func motionsOParl() -> String {
        let papers = index.site.motions.map(paper)
        var pagination = JSONObject()
        pagination["totalElements"] = .int(papers.count)
        pagination["elementsPerPage"] = .int(papers.count)
        pagination["currentPage"] = .int(1)
        pagination["totalPages"] = .int(1)
        var root = JSONObject()
        root["data"] = .array(papers)
        root["pagination"] = pagination.value
        root["links"] = JSONObject().value
        return root.value.serialized()
    }

    private func paper(_ motion: Motion) -> JSONValue {
        let id = paperID(motion)
        let web = baseURL + Route.motion(motion.slug).path
        var object = JSONObject()
        object[text: "id"] = id
        object[text: "type"] = "https://schema.oparl.org/1.1/Paper"
        object[text: "name"] = motion.name
        object[text: "reference"] = motion.reference
        object[text: "date"] = motion.date.iso
        object[text: "paperType"] = motion.paperTypeText ?? Self.oparlPaperType(motion.paperType)
        if case .body(let body) = motion.originator {
            object["originatorOrganization"] = .array([.string(baseURL + Route.body(body).path)])
        }
        let related = motion.related.compactMap { index.motionsByReference[$0] }.map { JSONValue.string(paperID($0)) }
        if !related.isEmpty { object["relatedPaper"] = .array(related) }
        let files = motion.files.enumerated().map { position, file in oparlFile(file, id: id + "-datei-\(position + 1)") }
        object["mainFile"] = files.first
        if files.count > 1 { object["auxiliaryFile"] = .array(Array(files.dropFirst())) }
        object["consultation"] = .array(motion.consultations.enumerated().map { position, consultation in
            var item = JSONObject()
            item[text: "id"] = id + "-beratung-\(position + 1)"
            item[text: "type"] = "https://schema.oparl.org/1.1/Consultation"
            item[text: "paper"] = id
            item["organization"] = .array([.string(baseURL + Route.body(consultation.organization).path)])
            item[text: "role"] = consultation.roleText ?? Self.oparlRole(consultation.role)
            item["authoritative"] = .bool(consultation.authoritative)
            item[text: "web"] = web + "#gremienweg"
            item[text: "portal:date"] = consultation.date?.iso
            item[text: "portal:agendaItem"] = consultation.agendaItem
            item["portal:public"] = .bool(consultation.isPublic)
            item["portal:result"] = vocabulary(consultation.result)
            item[text: "portal:resultText"] = consultation.resultText
            if case .counts(let yes, let no, let abstain)? = consultation.vote {
                var counts = JSONObject()
                counts["yes"] = .int(yes)
                counts["no"] = .int(no)
                counts["abstain"] = .int(abstain)
                item["portal:vote"] = counts.value
            } else if consultation.vote == .unanimous {
                var unanimous = JSONObject()
                unanimous["unanimous"] = .bool(true)
                item["portal:vote"] = unanimous.value
            }
            for key in consultation.extensions.keys.sorted() { item[key] = .raw(consultation.extensions[key]!) }
            return item.value
        })
        object[text: "web"] = web
        object[text: "portal:oparlSource"] = motion.oparlID
        for key in motion.extensions.keys.sorted() { object[key] = .raw(motion.extensions[key]!) }
        if case .people(let names) = motion.originator { object["portal:originatorNames"] = texts(names) }
        object["portal:resolutionItems"] = .array(motion.resolutionItems.map { resolutionItem in
            var item = JSONObject()
            item["id"] = .int(resolutionItem.id)
            item[text: "text"] = resolutionItem.text.plainText
            item["status"] = vocabulary(resolutionItem.status)
            item[text: "due"] = resolutionItem.due?.iso
            item[text: "responsible"] = resolutionItem.responsible
            item["overdue"] = .bool(motion.isOverdue(resolutionItem, asOf: index.site.asOf))
            item[text: "web"] = web + "#" + PageAnchors.resolutionItem(resolutionItem.id)
            return item.value
        })
        return object.value
    }

    private func oparlFile(_ file: Attachment, id: String) -> JSONValue {
        let url = TextTools.isExternal(file.url) ? file.url : baseURL + PageBuilder.sitePath(file.url)
        var object = JSONObject()
        object[text: "id"] = id
        object[text: "type"] = "https://schema.oparl.org/1.1/File"
        object[text: "name"] = file.title
        object[text: "fileName"] = url.split(separator: "/").last.map(String.init)
        object[text: "mimeType"] = file.mediaType
        object["size"] = file.size.map(JSONValue.int)
        object[text: "accessUrl"] = url
        return object.value
    }
}
