import PortalModel
import PortalSearch

/// The pages the search index covers, as plain text: measures, motions, updates, free pages, bodies, partners.
enum SearchDocuments {
    /// One search document per page, in a stable order.
    static func make(index: SiteIndex, labels: Labels) -> [SearchDocument] {
        let site = index.site
        var documents: [SearchDocument] = []
        for measure in index.measures {
            let body = [
                measure.description.plainText, measure.humanOversight, measure.opportunities.joined(separator: " "),
                measure.limits.joined(separator: " "), measure.risks.map { "\($0.risk) \($0.mitigation ?? "")" }.joined(separator: " "),
                measure.legalBasis.joined(separator: " "), measure.tags.joined(separator: " "), measure.vendor ?? "",
                measure.responsibleUnit, index.areasByID[measure.area]?.label ?? "",
            ].filter { !$0.isEmpty }.joined(separator: "\n")
            documents.append(SearchDocument(
                url: Route.measure(measure.slug).path, title: measure.title, summary: measure.summary, body: body,
                kind: "measure", area: measure.area, status: measure.status.rawValue, date: measure.updated.iso))
        }
        for motion in site.motions {
            let items = motion.resolutionItems.map(\.text.plainText).joined(separator: "\n")
            let originator: String
            switch motion.originator {
            case .body(let id): originator = index.bodiesByID[id]?.name ?? id
            case .people(let names): originator = names.joined(separator: ", ")
            }
            documents.append(SearchDocument(
                url: Route.motion(motion.slug).path, title: "\(motion.reference): \(motion.name)",
                summary: "\(motion.reference) · \(labels.label(motion.paperType)) · \(originator)",
                body: [motion.resolutionPreamble ?? "", items, motion.justification.plainText].joined(separator: "\n"),
                kind: "motion", status: motion.decision?.result.rawValue ?? ConsultationResult.pending.rawValue,
                date: motion.date.iso))
        }
        for update in site.updates {
            documents.append(SearchDocument(
                url: Route.update(update.slug).path, title: update.title, summary: update.summary ?? "",
                body: update.body.plainText + "\n" + update.tags.joined(separator: " "), kind: "update", date: update.date.iso))
        }
        for page in site.pages {
            documents.append(SearchDocument(
                url: Route.page(page.slug).path, title: page.title, summary: page.summary ?? "", body: page.body.plainText,
                kind: "page", date: page.lastReviewed?.iso))
        }
        for body in site.bodies {
            documents.append(SearchDocument(
                url: Route.body(body.id).path, title: body.name, summary: body.description ?? "",
                body: [body.shortName ?? "", labels.label(body.classification)].joined(separator: " "), kind: "body"))
        }
        for partner in index.partners {
            documents.append(SearchDocument(
                url: Route.partner(partner.id).path, title: partner.name, summary: partner.description ?? "",
                body: labels.label(partner.type), kind: "partner"))
        }
        return documents
    }
}
