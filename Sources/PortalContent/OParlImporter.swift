import Foundation
import PortalDiagnostics
import PortalMarkdown
import PortalModel

/// Turns OParl 1.1 objects (Paper, with Organization, Meeting, AgendaItem, Person and File objects from the same
/// folder, matched by `id`) into motion front matter and bodies, as YAML trees that carry the JSON positions.
/// The trees then go through the same schema checks as hand-written files. Pure: no file access.
struct OParlImporter {
    /// One parsed OParl JSON file.
    struct Source: Sendable {
        var file: ContentFile
        var root: JSONNode
    }

    /// A paper as motion front matter.
    struct ImportedPaper: Sendable {
        var file: ContentFile
        var reference: String
        var frontMatter: YAMLNode
    }

    /// An organization that became a body (it is in no `oparlId` of bodies.yml).
    struct ImportedBody: Sendable {
        var file: ContentFile
        var id: String
        var entry: YAMLNode
    }

    /// A hand-written body that names its OParl organization with `oparlId`.
    struct KnownBody: Sendable {
        var id: String
        var name: String
        var oparlID: String
    }

    private struct Located {
        var node: JSONNode
        var file: ContentFile
    }

    private let sources: [Source]
    private var objects: [String: Located] = [:]
    private var bodyIDsByOrganization: [String: String] = [:]
    private var bodyNamesByID: [String: String] = [:]
    private var takenBodyIDs: Set<String>
    private(set) var bodies: [ImportedBody] = []
    private(set) var diagnostics: [Diagnostic] = []

    init(sources: [Source], knownBodies: [KnownBody], bodyIDs: Set<String>) {
        self.sources = sources
        self.takenBodyIDs = bodyIDs
        for body in knownBodies {
            bodyIDsByOrganization[body.oparlID] = body.id
            bodyNamesByID[body.id] = body.name
        }
        for source in sources { index(source.root, file: source.file) }
    }

    /// The top-level objects of a file: one object, a list of objects, or an OParl list page (`data`).
    static func topLevelObjects(_ root: JSONNode) -> [JSONNode] {
        if let array = root.array { return array }
        if root["type"] == nil, let data = root["data"]?.array { return data }
        return [root]
    }

    /// The last segment of an OParl `type` URL, such as `Paper`.
    static func typeName(_ node: JSONNode) -> String? {
        guard let type = node["type"]?.string else { return nil }
        return type.split(separator: "/").last.map(String.init)
    }

    /// Whether a key is a vendor extension such as `sessionnet:votes`.
    static func isVendorKey(_ key: String) -> Bool {
        guard let colon = key.firstIndex(of: ":"), colon != key.startIndex else { return false }
        return key[..<colon].allSatisfy { $0.isLetter || $0.isNumber || $0 == "-" || $0 == "_" }
    }

    /// Registers every object with `id` and `type`, also embedded ones, by id; the first one wins.
    private mutating func index(_ node: JSONNode, file: ContentFile) {
        switch node.kind {
        case .object(let members):
            if let id = node["id"]?.string, node["type"]?.string != nil, objects[id] == nil {
                objects[id] = Located(node: node, file: file)
            }
            for member in members { index(member.value, file: file) }
        case .array(let values):
            for value in values { index(value, file: file) }
        default:
            break
        }
    }

    /// Imports every paper of every file, in file order.
    mutating func importPapers() -> [ImportedPaper] {
        var papers: [ImportedPaper] = []
        for source in sources {
            for object in Self.topLevelObjects(source.root) {
                guard object.members != nil else {
                    warning(.wrongType, "Expected OParl objects ({ \"type\": …, … }) but found \(Self.describe(object)); it is ignored.", at: object, in: source.file)
                    continue
                }
                guard let type = Self.typeName(object) else {
                    warning(.missingKey, "This object has no 'type' (such as \"https://schema.oparl.org/1.1/Paper\"); it is ignored.", at: object, in: source.file)
                    continue
                }
                if type == "Paper", let paper = importPaper(object, file: source.file) { papers.append(paper) }
            }
        }
        return papers
    }

    // MARK: Paper

    private mutating func importPaper(_ paper: JSONNode, file: ContentFile) -> ImportedPaper? {
        var pairs: [YAMLNode.Pair] = []
        let name = text(paper, "name", in: file)
        var reference = text(paper, "reference", in: file)
        if reference == nil, name == nil {
            error(.missingKey, "This Paper has neither 'reference' nor 'name', so it cannot become a page. Add at least one.", at: paper, in: file)
            return nil
        }
        // Without its id a paper would count as hand-written (which needs resolution items) and lose its consultations.
        if text(paper, "id", in: file) == nil {
            error(.missingKey, "This Paper has no 'id' (its OParl address, such as \"https://ris.example.org/oparl/paper/749\"), which every OParl object has. Export it again from the council information system, or add the id.", at: paper, in: file)
            return nil
        }
        if reference == nil {
            let fallback = paper["id"]?.string.flatMap { $0.split(separator: "/").last.map(String.init) } ?? Slug.make(from: name!)
            warning(.missingKey, "This Paper has no 'reference'; '\(fallback)' (from its id) is used instead.", at: paper, in: file)
            reference = fallback
        }
        pairs.append(pair("reference", scalar(reference!, at: paper["reference"] ?? paper), at: paper, key: "reference"))
        if name == nil { warning(.missingKey, "This Paper has no 'name'; its reference is shown instead.", at: paper, in: file) }
        pairs.append(pair("name", scalar(name ?? reference!, at: paper["name"] ?? paper), at: paper, key: "name"))

        if let date = text(paper, "date", in: file) ?? text(paper, "created", in: file) {
            if paper["date"] == nil { warning(.missingKey, "This Paper has no 'date'; the date it was created is used.", at: paper, in: file) }
            pairs.append(pair("date", scalar(String(date.prefix(10)), at: paper["date"] ?? paper["created"]!, plain: true), at: paper, key: "date"))
        } else {
            error(.missingKey, "This Paper has no 'date' (and no 'created'), so it cannot be placed in time. Add \"date\": \"YYYY-MM-DD\".", at: paper, in: file)
            return nil
        }

        if let type = text(paper, "paperType", in: file) {
            let mapping = OParlVocabulary.map(type, in: OParlVocabulary.paperTypes)
            pairs.append(pair("paperType", scalar(mapping.value.rawValue, at: paper["paperType"]!, plain: true), at: paper, key: "paperType"))
            if let unknown = mapping.unknownText {
                pairs.append(pair("paperTypeText", scalar(unknown, at: paper["paperType"]!), at: paper, key: "paperType"))
                warning(.invalidValue, "The paper type '\(unknown)' is not a known one; it is shown as written and counted as '\(mapping.value.rawValue)'. The nearest known type is '\(mapping.nearest ?? "")'.", at: paper["paperType"]!, in: file)
            }
        } else {
            warning(.missingKey, "This Paper has no 'paperType'; it is shown as a Beschlussvorlage (proposal).", at: paper, in: file)
            pairs.append(pair("paperType", scalar(PaperType.proposal.rawValue, at: paper, plain: true), at: paper, key: "paperType"))
        }

        pairs.append(pair("originator", originator(paper, file: file), at: paper, key: "originator"))

        let consultations = consultationNodes(of: paper, file: file).compactMap { consultation($0.node, file: $0.file) }
        if !consultations.isEmpty {
            pairs.append(pair("consultations", YAMLNode(kind: .sequence(consultations), line: line(paper["consultation"] ?? paper), column: column(paper["consultation"] ?? paper)), at: paper, key: "consultation"))
        }

        let related = (paper["relatedPaper"]?.strings ?? []).compactMap { id -> String? in
            guard let other = objects[id], Self.typeName(other.node) == "Paper" else { return nil }
            return other.node["reference"]?.string
        }
        if !related.isEmpty, let node = paper["relatedPaper"] {
            pairs.append(pair("related", YAMLNode(kind: .sequence(related.map { scalar($0, at: node) }), line: node.line, column: node.column), at: paper, key: "relatedPaper"))
        }

        var files: [YAMLNode] = []
        if let main = paper["mainFile"] { files += attachment(main, file: file).map { [$0] } ?? [] }
        for value in paper["auxiliaryFile"]?.array ?? [] { files += attachment(value, file: file).map { [$0] } ?? [] }
        if !files.isEmpty {
            let at = paper["mainFile"] ?? paper["auxiliaryFile"]!
            pairs.append(pair("files", YAMLNode(kind: .sequence(files), line: at.line, column: at.column), at: paper, key: "mainFile"))
        }
        if let id = paper["id"]?.string {
            pairs.append(pair("oparl", scalar(id, at: paper["id"]!), at: paper, key: "id"))
        }
        if let extensions = extensions(of: [paper]) {
            pairs.append(pair("extensions", extensions, at: paper, key: "id"))
        }
        return ImportedPaper(file: file, reference: reference!, frontMatter: YAMLNode(kind: .mapping(pairs), line: paper.line, column: paper.column))
    }

    /// The originator: one organization as a body id, else the names of the people and organizations.
    private mutating func originator(_ paper: JSONNode, file: ContentFile) -> YAMLNode {
        let organizations = paper["originatorOrganization"]?.strings ?? []
        var names: [YAMLNode] = []
        if let people = paper["originatorPerson"] {
            for person in people.array ?? [people] {
                if let name = personName(person) {
                    names.append(scalar(name, at: person))
                } else if let id = person.string {
                    warning(.danglingReference, "The person '\(id)' is in no OParl file beside this one, so the name is not known; it is left out. Add the Person object (its file may hold a list of persons).", at: person, in: file)
                }
            }
        }
        let node = paper["originatorOrganization"] ?? paper
        if organizations.count == 1, names.isEmpty {
            return scalar(bodyID(forOrganization: organizations[0], at: node, file: file), at: node)
        }
        for organization in organizations {
            let id = bodyID(forOrganization: organization, at: node, file: file)
            names.append(scalar(bodyNamesByID[id] ?? id, at: node))
        }
        if names.isEmpty {
            warning(.missingKey, "No originator of this Paper is known (no originatorOrganization, and no originatorPerson with a Person object); the page shows none.", at: paper, in: file)
        }
        return YAMLNode(kind: .sequence(names), line: node.line, column: node.column)
    }

    private func personName(_ node: JSONNode) -> String? {
        let person = node.members != nil ? node : node.string.flatMap { objects[$0]?.node }
        guard let person else { return nil }
        if let name = person["name"]?.string, !name.isEmpty { return name }
        let parts = [person["givenName"]?.string, person["familyName"]?.string].compactMap { $0 }
        return parts.isEmpty ? nil : parts.joined(separator: " ")
    }

    // MARK: Consultation

    /// The paper's consultations: embedded, referenced by URL, or standalone objects naming the paper.
    private func consultationNodes(of paper: JSONNode, file: ContentFile) -> [Located] {
        var found: [Located] = []
        var seen: Set<String> = []
        for value in paper["consultation"]?.array ?? [] {
            if value.members != nil {
                found.append(Located(node: value, file: file))
                if let id = value["id"]?.string { seen.insert(id) }
            } else if let id = value.string, let object = objects[id] {
                found.append(object)
                seen.insert(id)
            }
        }
        if let paperID = paper["id"]?.string {
            for (id, object) in objects.sorted(by: { $0.key < $1.key })
            where !seen.contains(id) && Self.typeName(object.node) == "Consultation" && object.node["paper"]?.string == paperID {
                found.append(object)
            }
        }
        return found
    }

    private mutating func consultation(_ consultation: JSONNode, file: ContentFile) -> YAMLNode? {
        var pairs: [YAMLNode.Pair] = []
        let meeting = resolve(consultation["meeting"])
        if let url = consultation["meeting"]?.string, meeting == nil {
            warning(.danglingReference, "The meeting '\(url)' is in no OParl file beside this one, so its date is not known. Add the Meeting object.", at: consultation["meeting"]!, in: file)
        }
        let agendaItem = resolve(consultation["agendaItem"]) ?? agendaItem(naming: consultation["id"]?.string)
        if let url = consultation["agendaItem"]?.string, agendaItem == nil, meeting != nil {
            warning(.danglingReference, "The agenda item '\(url)' is neither in its Meeting nor in a file beside this one; its result is not known.", at: consultation["agendaItem"]!, in: file)
        }
        let organizationURL = consultation["organization"]?.strings.first ?? meeting?["organization"]?.strings.first
        guard let organizationURL else {
            warning(.missingKey, "This Consultation names no organization (nor does its meeting); it is left out of the Gremienweg.", at: consultation, in: file)
            return nil
        }
        let organizationNode = consultation["organization"] ?? consultation
        pairs.append(pair("organization", scalar(bodyID(forOrganization: organizationURL, at: organizationNode, file: file), at: organizationNode), at: consultation, key: "organization"))

        let authoritative = consultation["authoritative"]?.boolean
        if let role = consultation["role"]?.string {
            let mapping = OParlVocabulary.map(role, in: OParlVocabulary.roles, fallback: authoritative == true ? .decision : .preliminary)
            pairs.append(pair("role", scalar(mapping.value.rawValue, at: consultation["role"]!, plain: true), at: consultation, key: "role"))
            if let unknown = mapping.unknownText {
                pairs.append(pair("roleText", scalar(unknown, at: consultation["role"]!), at: consultation, key: "role"))
                warning(.invalidValue, "The role '\(unknown)' is not a known one; it is shown as written. The nearest known role is '\(mapping.nearest ?? "")'.", at: consultation["role"]!, in: file)
            }
        } else {
            let role: ConsultationRole = authoritative == true ? .decision : .preliminary
            pairs.append(pair("role", scalar(role.rawValue, at: consultation, plain: true), at: consultation, key: "role"))
        }
        if let authoritative {
            pairs.append(pair("authoritative", scalar(authoritative ? "true" : "false", at: consultation["authoritative"]!, plain: true), at: consultation, key: "authoritative"))
        }
        if let meeting, let start = meeting["start"]?.string ?? meeting["end"]?.string, start.count >= 10 {
            pairs.append(pair("date", scalar(String(start.prefix(10)), at: meeting["start"] ?? meeting, plain: true), at: consultation, key: "meeting"))
        }
        if let agendaItem {
            if let number = agendaItem["number"]?.string, !number.isEmpty {
                pairs.append(pair("agendaItem", scalar("TOP " + number, at: agendaItem["number"]!), at: consultation, key: "agendaItem"))
            }
            if let isPublic = agendaItem["public"]?.boolean {
                pairs.append(pair("public", scalar(isPublic ? "true" : "false", at: agendaItem["public"]!, plain: true), at: consultation, key: "agendaItem"))
            }
            if let result = agendaItem["result"]?.string, !result.isEmpty {
                let mapping = OParlVocabulary.map(result, in: OParlVocabulary.results, fallback: .pending)
                pairs.append(pair("result", scalar(mapping.value.rawValue, at: agendaItem["result"]!, plain: true), at: consultation, key: "agendaItem"))
                if let unknown = mapping.unknownText {
                    pairs.append(pair("resultText", scalar(unknown, at: agendaItem["result"]!), at: consultation, key: "agendaItem"))
                    warning(.invalidValue, "The result '\(unknown)' is not a known one; it is shown as written. The nearest known result is '\(mapping.nearest ?? "")'.", at: agendaItem["result"]!, in: file)
                }
            }
            if let text = agendaItem["resolutionText"]?.string, !text.isEmpty {
                pairs.append(pair("resolutionText", scalar(text, at: agendaItem["resolutionText"]!), at: consultation, key: "agendaItem"))
            }
        }
        let carriers = [consultation] + (agendaItem.map { [$0] } ?? [])
        if let vote = vote(in: carriers) {
            pairs.append(pair("vote", vote, at: consultation, key: "id"))
        }
        if let extensions = extensions(of: carriers) {
            pairs.append(pair("extensions", extensions, at: consultation, key: "id"))
        }
        return YAMLNode(kind: .mapping(pairs), line: consultation.line, column: consultation.column)
    }

    private func resolve(_ node: JSONNode?) -> JSONNode? {
        guard let node else { return nil }
        if node.members != nil { return node }
        return node.string.flatMap { objects[$0]?.node }
    }

    /// An agenda item that names the consultation (`AgendaItem.consultation`).
    private func agendaItem(naming consultationID: String?) -> JSONNode? {
        guard let consultationID else { return nil }
        return objects.sorted { $0.key < $1.key }.first {
            Self.typeName($0.value.node) == "AgendaItem" && $0.value.node["consultation"]?.string == consultationID
        }?.value.node
    }

    /// Vote counts from a vendor extension whose object has yes/no/abstain (or ja/nein/enthaltung) integers.
    private func vote(in carriers: [JSONNode]) -> YAMLNode? {
        for carrier in carriers {
            for member in carrier.members ?? [] where Self.isVendorKey(member.key) {
                let value = member.value
                guard value.members != nil else { continue }
                func count(_ keys: [String]) -> JSONNode? {
                    keys.lazy.compactMap { key in value.members?.first { $0.key.lowercased() == key }?.value }.first { $0.integer != nil }
                }
                let yes = count(["yes", "ja"]), no = count(["no", "nein"]), abstain = count(["abstain", "abstention", "enthaltung", "enthaltungen"])
                guard yes != nil || no != nil else { continue }
                let pairs = [("yes", yes), ("no", no), ("abstain", abstain)].map { key, node in
                    YAMLNode.Pair(key: key, keyLine: (node ?? value).line, keyColumn: (node ?? value).column,
                                  value: scalar(String(node?.integer ?? 0), at: node ?? value, plain: true))
                }
                return YAMLNode(kind: .mapping(pairs), line: value.line, column: value.column)
            }
        }
        return nil
    }

    /// The vendor fields of the objects as `extensions: [{key, value}]`, sorted by key.
    private func extensions(of carriers: [JSONNode]) -> YAMLNode? {
        var entries: [(String, JSONNode.Member)] = []
        for carrier in carriers {
            for member in carrier.members ?? [] where Self.isVendorKey(member.key) && !entries.contains(where: { $0.0 == member.key }) {
                entries.append((member.key, member))
            }
        }
        guard let first = entries.first?.1 else { return nil }
        let items = entries.sorted { $0.0 < $1.0 }.map { key, member in
            YAMLNode(kind: .mapping([
                YAMLNode.Pair(key: "key", keyLine: member.keyLine, keyColumn: member.keyColumn, value: scalar(key, at: member.value)),
                YAMLNode.Pair(key: "value", keyLine: member.value.line, keyColumn: member.value.column, value: scalar(member.value.canonicalText, at: member.value)),
            ]), line: member.keyLine, column: member.keyColumn)
        }
        return YAMLNode(kind: .sequence(items), line: first.keyLine, column: first.keyColumn)
    }

    // MARK: File

    private mutating func attachment(_ node: JSONNode, file: ContentFile) -> YAMLNode? {
        guard let object = resolve(node) else {
            if let url = node.string {
                warning(.danglingReference, "The file '\(url)' is in no OParl file beside this one; it is left out. Embed the File object or add it beside.", at: node, in: file)
            }
            return nil
        }
        guard let url = object["accessUrl"]?.string ?? object["downloadUrl"]?.string else {
            warning(.missingKey, "This File has no 'accessUrl' or 'downloadUrl'; it is left out.", at: object, in: file)
            return nil
        }
        var pairs: [YAMLNode.Pair] = []
        let title = object["name"]?.string ?? object["fileName"]?.string ?? url.split(separator: "/").last.map(String.init) ?? url
        pairs.append(pair("title", scalar(title, at: object["name"] ?? object), at: object, key: "name"))
        pairs.append(pair("url", scalar(url, at: object["accessUrl"] ?? object["downloadUrl"]!), at: object, key: "accessUrl"))
        if let mimeType = object["mimeType"]?.string {
            pairs.append(pair("mediaType", scalar(mimeType, at: object["mimeType"]!), at: object, key: "mimeType"))
        }
        if let size = object["size"]?.integer {
            pairs.append(pair("size", scalar(String(size), at: object["size"]!, plain: true), at: object, key: "size"))
        }
        return YAMLNode(kind: .mapping(pairs), line: object.line, column: object.column)
    }

    // MARK: Organization

    /// The body id for an organization URL: a hand-written body with that `oparlId`, else a body made from the
    /// Organization object, else (with a warning) a body named after the URL.
    private mutating func bodyID(forOrganization url: String, at node: JSONNode, file: ContentFile) -> String {
        if let id = bodyIDsByOrganization[url] { return id }
        let organization = objects[url]
        let name: String
        let base: String
        if let organization, Self.typeName(organization.node) == "Organization" {
            name = organization.node["name"]?.string ?? organization.node["shortName"]?.string ?? url
            base = Slug.make(from: organization.node["shortName"]?.string ?? name)
        } else {
            warning(.danglingReference, "The organization '\(url)' is in no OParl file beside this one and no body in bodies.yml has it as 'oparlId'; a body named after the address is made. Add the Organization object, or 'oparlId: \(url)' to the body in bodies.yml.", at: node, in: file)
            name = url
            let slug = Slug.make(from: url.split(separator: "/").suffix(2).joined(separator: "-"))
            base = slug.isEmpty ? "" : "oparl-" + slug
        }
        let stem = base.isEmpty ? "oparl-gremium" : base
        var id = stem
        var counter = 2
        while takenBodyIDs.contains(id) {
            id = "\(stem)-\(counter)"
            counter += 1
        }
        takenBodyIDs.insert(id)
        bodyIDsByOrganization[url] = id
        bodyNamesByID[id] = name
        bodies.append(body(id: id, name: name, url: url, organization: organization, fallback: (node, file)))
        return id
    }

    private func body(id: String, name: String, url: String, organization: Located?, fallback: (JSONNode, ContentFile)) -> ImportedBody {
        let node = organization?.node ?? fallback.0
        let file = organization?.file ?? fallback.1
        var pairs = [
            pair("id", scalar(id, at: node), at: node, key: "id"),
            pair("name", scalar(name, at: node["name"] ?? node), at: node, key: "name"),
        ]
        if let shortName = node["shortName"]?.string, shortName.count <= 40, organization != nil {
            pairs.append(pair("shortName", scalar(shortName, at: node["shortName"]!), at: node, key: "shortName"))
        }
        let oparlType = organization.flatMap { $0.node["organizationType"]?.string } ?? ""
        let type = OrganizationType.allCases.first { OParlVocabulary.normalized($0.rawValue) == OParlVocabulary.normalized(oparlType) } ?? .sonstiges
        pairs.append(pair("organizationType", scalar(type.rawValue, at: node["organizationType"] ?? node, plain: true), at: node, key: "organizationType"))
        let classification = Self.classification(organization.flatMap { $0.node["classification"]?.string }, type: type)
        pairs.append(pair("classification", scalar(classification.rawValue, at: node["classification"] ?? node, plain: true), at: node, key: "classification"))
        if let organization {
            for (key, target) in [("startDate", "startDate"), ("endDate", "endDate")] {
                if let date = organization.node[key]?.string, date.count >= 10 {
                    pairs.append(pair(target, scalar(String(date.prefix(10)), at: organization.node[key]!, plain: true), at: node, key: key))
                }
            }
            if let website = organization.node["website"]?.string {
                pairs.append(pair("website", scalar(website, at: organization.node["website"]!), at: node, key: "website"))
            }
        }
        pairs.append(pair("oparlId", scalar(url, at: node["id"] ?? node), at: node, key: "id"))
        return ImportedBody(file: file, id: id, entry: YAMLNode(kind: .mapping(pairs), line: node.line, column: node.column))
    }

    /// The body classification for OParl's free-text `classification`, else from the organization type.
    static func classification(_ text: String?, type: OrganizationType) -> BodyClassification {
        let key = OParlVocabulary.normalized(text ?? "")
        let table: [(String, BodyClassification)] = [
            ("ausschuss", .committee), ("fachausschuss", .committee), ("unterausschuss", .committee),
            ("rat", .council), ("stadtrat", .council), ("gemeinderat", .council), ("kreistag", .council),
            ("hauptorgan", .council), ("stadtverordnetenversammlung", .council), ("beirat", .advisoryBoard),
            ("bezirksvertretung", .districtCouncil), ("ortsbeirat", .districtCouncil), ("bezirksbeirat", .districtCouncil),
            ("ortschaftsrat", .districtCouncil), ("fraktion", .faction), ("verwaltung", .administration),
            ("dezernat", .administration), ("amt", .administration),
        ]
        if let hit = table.first(where: { $0.0 == key }) { return hit.1 }
        switch type {
        case .fraktion: return .faction
        case .verwaltungsbereich: return .administration
        default: return .other
        }
    }

    // MARK: Helpers

    /// A text field; a value of another type is reported and treated as missing.
    private mutating func text(_ object: JSONNode, _ key: String, in file: ContentFile) -> String? {
        guard let value = object[key] else { return nil }
        if case .null = value.kind { return nil }
        guard let text = value.string else {
            warning(.wrongType, "'\(key)' should be text in double quotes but is \(Self.describe(value)); it is ignored.", at: value, in: file)
            return nil
        }
        let trimmed = text.trimmingWhitespaceAndNewlines()
        return trimmed.isEmpty ? nil : trimmed
    }

    /// A text as a YAML scalar. A leading U+FEFF (a byte order mark) is dropped, as the YAML reader drops it
    /// from every value (Yams decodes through Foundation), so a paper loads the same after `portal import oparl`.
    private func scalar(_ text: String, at node: JSONNode, plain: Bool = false) -> YAMLNode {
        let value = text.unicodeScalars.first == "\u{FEFF}" ? String(text.unicodeScalars.dropFirst()) : text
        return YAMLNode(kind: .scalar(value, isPlain: plain), line: node.line, column: node.column)
    }

    private func pair(_ key: String, _ value: YAMLNode, at object: JSONNode, key jsonKey: String) -> YAMLNode.Pair {
        let member = object.members?.first { $0.key == jsonKey }
        return YAMLNode.Pair(key: key, keyLine: member?.keyLine ?? value.line, keyColumn: member?.keyColumn ?? value.column, value: value)
    }

    private func line(_ node: JSONNode) -> Int { node.line }
    private func column(_ node: JSONNode) -> Int { node.column }

    static func describe(_ node: JSONNode) -> String {
        switch node.kind {
        case .null: "null"
        case .boolean: "true or false"
        case .number: "a number"
        case .string: "text"
        case .array: "a list"
        case .object: "an object"
        }
    }

    private mutating func warning(_ code: DiagnosticCode, _ message: String, at node: JSONNode, in file: ContentFile) {
        diagnostics.append(.warning(code, message, at: file.location(line: node.line, column: node.column)))
    }

    private mutating func error(_ code: DiagnosticCode, _ message: String, at node: JSONNode, in file: ContentFile) {
        diagnostics.append(.error(code, message, at: file.location(line: node.line, column: node.column)))
    }
}
