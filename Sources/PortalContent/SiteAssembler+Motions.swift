import PortalMarkdown
import PortalDiagnostics
import PortalModel

extension SiteAssembler {
    /// Builds motions: unique references and slugs, resolution items and consultations.
    mutating func assembleMotions() -> [Motion] {
        var seenReferences: [String: SourceLocation] = [:]
        var seenSlugs: [String: SourceLocation] = [:]
        var motions: [Motion] = []
        for document in content.motions {
            let fields = document.fields
            guard let reference = fields.text("reference") else { continue }
            let slug = Slug.make(from: reference)
            guard claim(reference, in: &seenReferences, what: "The motion reference", at: fields.location(of: "reference")) else { continue }
            if slug.isEmpty {
                error(.invalidValue, "The reference '\(reference)' has no letters or digits to build an address from.", at: fields.location(of: "reference"))
                continue
            }
            guard claim(slug, in: &seenSlugs, what: "The address (from the reference)", at: fields.location(of: "reference")) else { continue }
            var items: [ResolutionItem] = []
            var seenItems: [String: SourceLocation] = [:]
            for item in fields.objects("resolutionItems") {
                guard let id = item.integer("id"), let text = item.text("text"),
                      let status = item.vocabulary("status", as: ItemStatus.self) else { continue }
                guard claim(String(id), in: &seenItems, what: "The resolution item id", at: item.location(of: "id")) else { continue }
                items.append(ResolutionItem(
                    id: id, text: RichText(markdown: text), status: status, due: item.date("due"),
                    responsible: item.text("responsible"),
                    evidence: item.texts("evidence").map(evidence(from:)),
                    note: item.text("note")))
            }
            // A paper taken over from OParl has no resolution items (OParl has no such field); any other needs one.
            if fields["oparl"] == nil, fields["resolutionItems"] != nil, items.isEmpty, fields.list("resolutionItems").isEmpty {
                error(.emptyValue, "'resolutionItems' needs at least one item with id, text and status.", at: fields.location(of: "resolutionItems"))
            }
            var consultations: [Consultation] = []
            for object in fields.objects("consultations") { if let c = consultation(from: object) { consultations.append(c) } }
            let originator: Motion.Originator
            if let id = fields["originator"]?.text {
                originator = .body(id)
            } else {
                originator = .people(fields.texts("originator"))
            }
            let anchors = Set(PageAnchors.motion + items.map { PageAnchors.resolutionItem($0.id) })
            documents.register(relativePath: document.relativePath, route: .motion(slug), anchors: anchors)
            guard let name = fields.text("name"), let date = fields.date("date"),
                  let paperType = fields.vocabulary("paperType", as: PaperType.self), fields["originator"] != nil
            else { continue }
            motionItems[reference] = Set(items.map(\.id))
            motions.append(Motion(
                reference: reference, slug: slug, name: name, date: date, paperType: paperType, originator: originator,
                resolutionItems: items.sorted { $0.id < $1.id }, resolutionPreamble: fields.text("resolutionPreamble"),
                consultations: consultations.sorted { ($0.date ?? LocalDate(year: 9999, month: 12)) < ($1.date ?? LocalDate(year: 9999, month: 12)) },
                financialImpact: fields.text("financialImpact"), climateImpact: fields.text("climateImpact"),
                related: fields.texts("related"),
                files: fields.objects("files").compactMap { file in
                    guard let title = file.text("title"), let url = file.text("url") else { return nil }
                    return Attachment(title: title, url: url, mediaType: file.text("mediaType"), size: file.integer("size"))
                },
                justification: RichText(markdown: document.body),
                sourcePath: document.relativePath, paperTypeText: fields.text("paperTypeText"), oparlID: fields.text("oparl"),
                extensions: extensions(fields)))
        }
        return motions
    }

    /// Classifies an evidence entry: a URL, a measure slug or an update's file name (optionally with folder and `.md`).
    func evidence(from text: String) -> ResolutionItem.Evidence {
        if text.contains(":") || text.hasPrefix("/") { return .url(text) }
        var name = text
        if name.hasSuffix(".md") { name.removeLast(3) }
        if name.hasPrefix("updates/") { return .update(Slug.make(from: String(name.dropFirst(8)))) }
        if name.hasPrefix("measures/") { return .measure(Slug.make(from: String(name.dropFirst(9)))) }
        let slug = Slug.make(from: name)
        if !measureSlugs.contains(slug), updateSlugs.contains(slug) { return .update(slug) }
        return .measure(slug)
    }

    private mutating func consultation(from object: ObjectValue) -> Consultation? {
        guard let organization = object.text("organization"),
              let role = object.vocabulary("role", as: ConsultationRole.self) else { return nil }
        var vote: Vote?
        if let voteObject = object.object("vote") {
            if voteObject.boolean("unanimous") == true {
                vote = .unanimous
                if voteObject["yes"] != nil || voteObject["no"] != nil {
                    warning(.inconsistentDates, "A unanimous vote needs no counts; the counts are ignored.", at: voteObject.location)
                }
            } else if voteObject["yes"] != nil || voteObject["no"] != nil || voteObject["abstain"] != nil {
                vote = .counts(yes: voteObject.integer("yes") ?? 0, no: voteObject.integer("no") ?? 0, abstain: voteObject.integer("abstain") ?? 0)
            } else {
                error(.missingKey, "A vote needs 'unanimous: true' or the counts 'yes', 'no' and 'abstain'.", at: voteObject.location)
            }
        }
        let result = object.vocabulary("result", as: ConsultationResult.self) ?? .pending
        if result == .referred, object["referredTo"] == nil {
            warning(.missingKey, "The result is 'referred': add 'referredTo' with the id of the body it went to.", at: object.location(of: "result"))
        }
        return Consultation(
            date: object.date("date"), organization: organization, role: role,
            authoritative: object.boolean("authoritative") ?? (role == .decision), agendaItem: object.text("agendaItem"),
            isPublic: object.boolean("public") ?? true, result: result, vote: vote, referredTo: object.text("referredTo"),
            resolutionText: object.text("resolutionText").map { RichText(markdown: $0) },
            roleText: object.text("roleText"), resultText: object.text("resultText"), extensions: extensions(object))
    }

    /// The OParl vendor fields of a motion or consultation (`extensions: [{key, value}]`), by key, each value
    /// checked to be JSON and kept in its compact form (the open data embeds it as it is).
    private mutating func extensions(_ object: ObjectValue) -> [String: String] {
        var result: [String: String] = [:]
        for entry in object.objects("extensions") {
            guard let key = entry.text("key"), let value = entry.text("value") else { continue }
            guard OParlImporter.isVendorKey(key) else {
                error(.invalidValue, "The extension key '\(key)' needs a vendor prefix such as 'sessionnet:'.", at: entry.location(of: "key"))
                continue
            }
            switch JSONReader.parse(value) {
            case .success(let node): result[key] = node.canonicalText
            case .failure(let problem):
                error(.jsonSyntax, "The extension value is not JSON: \(problem.message) (column \(problem.column) of the value)", at: entry.location(of: "value"))
            }
        }
        return result
    }

    /// Checks the bodies and related motions a motion names.
    mutating func checkMotionReferences(_ motions: [Motion]) {
        let references = Set(motions.map(\.reference))
        for document in content.motions {
            let fields = document.fields
            if let id = fields["originator"]?.text, !bodyIDs.contains(id) {
                dangling("The originator body", id, known: bodyIDs, definedIn: "bodies.y", at: fields.location(of: "originator"),
                         fix: "Add it to bodies.yml, or write the originators as a list of names.")
            }
            let consultationValues = fields.objects("consultations")
            for value in consultationValues {
                if let id = value.text("organization"), !bodyIDs.contains(id) {
                    dangling("The body", id, known: bodyIDs, definedIn: "bodies.y", at: value.location(of: "organization"), fix: "Use an id from bodies.yml.")
                }
                if let id = value.text("referredTo"), !bodyIDs.contains(id) {
                    dangling("The body", id, known: bodyIDs, definedIn: "bodies.y", at: value.location(of: "referredTo"), fix: "Use an id from bodies.yml.")
                }
            }
            for value in fields.list("related") {
                guard let reference = value.text else { continue }
                if !references.contains(reference) {
                    dangling("The motion", reference, known: references, definedIn: "motions/", at: value.location, fix: "Use the reference of a file in motions/.")
                }
            }
        }
    }

    /// Checks that every resolution item's evidence names an existing measure or update.
    mutating func checkEvidence(_ motions: [Motion]) {
        for document in content.motions {
            for item in document.fields.objects("resolutionItems") {
                for value in item.list("evidence") {
                    guard let text = value.text else { continue }
                    switch evidence(from: text) {
                    case .measure(let slug):
                        if !measureSlugs.contains(slug), !content.hasBrokenFile(in: "measures/") {
                            let hint = takesHint(in: value.location.file) ? NameSuggester.hint(for: slug, among: Array(measureSlugs) + Array(updateSlugs)) : ""
                            error(.danglingReference, "The evidence '\(text)' is neither a measure (file name in measures/) nor an update (updates/<file name>) nor a URL.\(hint)", at: value.location)
                        }
                    case .update(let slug):
                        if !updateSlugs.contains(slug) {
                            dangling("The update", slug, known: updateSlugs, definedIn: "updates/", at: value.location, fix: "Use the file name of an update without .md.")
                        }
                    case .url:
                        if !URLCheck.isValid(text) {
                            error(.invalidURL, "The evidence '\(text)' is not a valid URL.", at: value.location)
                        }
                    }
                }
            }
        }
    }
}
