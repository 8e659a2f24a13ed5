import PortalModel

/// The measures register as JSON (`daten/massnahmen.json`); the council papers are in `OParlExport`.
struct OpenDataExport: Sendable {
    let index: SiteIndex
    let labels: Labels
    let baseURL: String

    // MARK: Measures

    /// `daten/massnahmen.json`: every measure with every register field; vocabulary values as id and label.
    func measuresJSON() -> [UInt8] {
        let site = index.site
        var root = JSONObject()
        root[text: "title"] = labels["data.measuresJSON.title"]
        root[text: "source"] = baseURL + Route.openData.path
        root[text: "asOf"] = site.asOf.iso
        root["count"] = .int(site.measures.count)
        let measures = index.measures
        return JSONValue.serializedObject(root.members, thenArray: "measures", count: measures.count) { measure(measures[$0]) }
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
}
