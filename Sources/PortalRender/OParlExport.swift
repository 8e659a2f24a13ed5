import PortalMarkdown
import PortalModel

/// The council papers as OParl 1.1: the object list `daten/antraege.json` of Paper objects (with embedded
/// Consultation and File objects) and the objects the papers refer to, so that every reference leads to a
/// published object: the Body (the publishing organisation), its Organization list (the bodies of
/// `bodies.yml`) and its Person and Meeting lists (empty: the portal knows neither).
///
/// Ids are addresses under the site's base URL, made only from ids the authors chose (motion slugs, body
/// ids), so they stay the same from build to build. An object published as a file of its own has the file's
/// address as id (`daten/oparl/body.json`); an object inside a list has the list's address with `#` and a
/// local name (`daten/antraege.json#at-0047-2025`, `daten/oparl/organizations.json#stadtrat`). Fields OParl
/// does not define carry the prefix `portal:`. Nothing depends on the clock: OParl's `created` and `modified`
/// need a time of day the content does not know, so they are left out, as the specification asks for
/// unknown values.
struct OParlExport: Sendable {
    let index: SiteIndex
    let baseURL: String
    let labels: Labels

    /// Site paths of the files.
    static let papersPath = Route.openData.path + "antraege.json"
    static let bodyPath = Route.openData.path + "oparl/body.json"
    static let organizationsPath = Route.openData.path + "oparl/organizations.json"
    static let personsPath = Route.openData.path + "oparl/persons.json"
    static let meetingsPath = Route.openData.path + "oparl/meetings.json"

    /// The OParl type URL of an object type, such as `https://schema.oparl.org/1.1/Paper`.
    static func type(_ name: String) -> String {
        "https://schema.oparl.org/1.1/" + name
    }

    /// Every OParl file of the site.
    func files() -> [OutputFile] {
        [
            file(Self.papersPath, objectList(index.site.motions.map(paper), at: Self.papersPath)),
            file(Self.bodyPath, body()),
            file(Self.organizationsPath, objectList(index.site.bodies.map(organization), at: Self.organizationsPath)),
            file(Self.personsPath, objectList([], at: Self.personsPath)),
            file(Self.meetingsPath, objectList([], at: Self.meetingsPath)),
        ]
    }

    private func file(_ sitePath: String, _ value: JSONValue) -> OutputFile {
        OutputFile(path: String(sitePath.dropFirst()), text: value.serialized())
    }

    /// An OParl object list on one page: `data`, `pagination` and `links` with the list's own address.
    private func objectList(_ items: [JSONValue], at sitePath: String) -> JSONValue {
        var pagination = JSONObject()
        pagination["totalElements"] = .int(items.count)
        pagination["elementsPerPage"] = .int(items.count)
        pagination["currentPage"] = .int(1)
        pagination["totalPages"] = .int(1)
        var links = JSONObject()
        links[text: "self"] = baseURL + sitePath
        var root = JSONObject()
        root["data"] = .array(items)
        root["pagination"] = pagination.value
        root["links"] = links.value
        return root.value
    }

    // MARK: Ids

    /// The id of a paper.
    func paperID(_ motion: Motion) -> String {
        baseURL + Self.papersPath + "#" + motion.slug
    }

    /// The id of the Organization object of a body.
    func organizationID(_ body: String) -> String {
        baseURL + Self.organizationsPath + "#" + body
    }

    var bodyID: String { baseURL + Self.bodyPath }

    // MARK: Body and organizations

    /// The Body: the organisation that publishes the site, with the lists of its objects.
    private func body() -> JSONValue {
        let organisation = index.site.config.organisation
        var object = JSONObject()
        object[text: "id"] = bodyID
        object[text: "type"] = Self.type("Body")
        object[text: "name"] = organisation.name
        object[text: "contactEmail"] = organisation.email
        object[text: "organization"] = baseURL + Self.organizationsPath
        object[text: "person"] = baseURL + Self.personsPath
        object[text: "meeting"] = baseURL + Self.meetingsPath
        object[text: "paper"] = baseURL + Self.papersPath
        // Required, and may be empty: the portal knows no legislative terms.
        object["legislativeTerm"] = .array([])
        object[text: "web"] = baseURL + Route.home.path
        return object.value
    }

    /// An Organization object for a body of `bodies.yml`.
    private func organization(_ body: Body) -> JSONValue {
        var object = JSONObject()
        object[text: "id"] = organizationID(body.id)
        object[text: "type"] = Self.type("Organization")
        object[text: "body"] = bodyID
        object[text: "name"] = body.name
        object[text: "shortName"] = body.shortName
        object[text: "organizationType"] = body.organizationType.rawValue
        object[text: "classification"] = Self.oparlClassification(body.classification)
        setDate(body.startDate, "startDate", in: &object)
        setDate(body.endDate, "endDate", in: &object)
        object[text: "website"] = body.website.map(absolute)
        object[text: "web"] = baseURL + Route.body(body.id).path
        return object.value
    }

    /// OParl's German classification of a body; "Parlament" for the council, as the specification recommends.
    static func oparlClassification(_ classification: BodyClassification) -> String {
        switch classification {
        case .council: "Parlament"
        case .committee: "Ausschuss"
        case .advisoryBoard: "Beirat"
        case .districtCouncil: "Ortsbeirat"
        case .faction: "Fraktion"
        case .administration: "Verwaltungsgremium"
        case .other: "Sonstiges Gremium"
        }
    }

    /// A day-precise date as the OParl `key`; a month-only date as `portal:<key>`, since OParl dates are days.
    private func setDate(_ date: LocalDate?, _ key: String, in object: inout JSONObject) {
        guard let date else { return }
        object[text: date.isMonthOnly ? "portal:" + key : key] = date.iso
    }

    /// An absolute URL: external URLs as they are, site paths and asset names under the base URL.
    private func absolute(_ url: String) -> String {
        TextTools.isExternal(url) ? url : baseURL + PageBuilder.sitePath(url)
    }

    // MARK: Papers

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

    private func paper(_ motion: Motion) -> JSONValue {
        let id = paperID(motion)
        let web = baseURL + Route.motion(motion.slug).path
        var object = JSONObject()
        object[text: "id"] = id
        object[text: "type"] = Self.type("Paper")
        object[text: "body"] = bodyID
        object[text: "name"] = motion.name
        object[text: "reference"] = motion.reference
        setDate(motion.date, "date", in: &object)
        object[text: "paperType"] = motion.paperTypeText ?? Self.oparlPaperType(motion.paperType)
        if case .body(let body) = motion.originator {
            object["originatorOrganization"] = .array([.string(organizationID(body))])
        }
        let related = motion.related.compactMap { index.motionsByReference[$0] }.map { JSONValue.string(paperID($0)) }
        if !related.isEmpty { object["relatedPaper"] = .array(related) }
        let files = motion.files.enumerated().map { position, file in self.file(file, id: id + "-datei-\(position + 1)") }
        object["mainFile"] = files.first
        if files.count > 1 { object["auxiliaryFile"] = .array(Array(files.dropFirst())) }
        if !motion.consultations.isEmpty {
            object["consultation"] = .array(motion.consultations.enumerated().map { position, consultation in
                self.consultation(consultation, id: id + "-beratung-\(position + 1)", paper: id, web: web)
            })
        }
        object[text: "web"] = web
        object[text: "portal:oparlSource"] = motion.oparlID
        for key in motion.extensions.keys.sorted() { object[key] = .raw(motion.extensions[key]!) }
        if case .people(let names) = motion.originator { object["portal:originatorNames"] = .array(names.map(JSONValue.string)) }
        if !motion.resolutionItems.isEmpty {
            object["portal:resolutionItems"] = .array(motion.resolutionItems.map { item in resolutionItem(item, of: motion, web: web) })
        }
        return object.value
    }

    private func consultation(_ consultation: Consultation, id: String, paper: String, web: String) -> JSONValue {
        var item = JSONObject()
        item[text: "id"] = id
        item[text: "type"] = Self.type("Consultation")
        item[text: "paper"] = paper
        item["organization"] = .array([.string(organizationID(consultation.organization))])
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
        item[text: "portal:referredTo"] = consultation.referredTo.map(organizationID)
        for key in consultation.extensions.keys.sorted() { item[key] = .raw(consultation.extensions[key]!) }
        return item.value
    }

    private func resolutionItem(_ resolutionItem: ResolutionItem, of motion: Motion, web: String) -> JSONValue {
        var item = JSONObject()
        item["id"] = .int(resolutionItem.id)
        item[text: "text"] = resolutionItem.text.plainText
        item["status"] = vocabulary(resolutionItem.status)
        item[text: "due"] = resolutionItem.due?.iso
        item[text: "responsible"] = resolutionItem.responsible
        item["overdue"] = .bool(motion.isOverdue(resolutionItem, asOf: index.site.asOf))
        item[text: "web"] = web + "#" + PageAnchors.resolutionItem(resolutionItem.id)
        return item.value
    }

    private func file(_ file: Attachment, id: String) -> JSONValue {
        let url = absolute(file.url)
        var object = JSONObject()
        object[text: "id"] = id
        object[text: "type"] = Self.type("File")
        object[text: "name"] = file.title
        object[text: "fileName"] = url.split(separator: "/").last.map(String.init)
        object[text: "mimeType"] = file.mediaType
        object["size"] = file.size.map(JSONValue.int)
        object[text: "accessUrl"] = url
        return object.value
    }

    private func vocabulary<V: Vocabulary>(_ value: V) -> JSONValue {
        var object = JSONObject()
        object[text: "id"] = value.rawValue
        object[text: "label"] = labels.label(value)
        return object.value
    }
}
