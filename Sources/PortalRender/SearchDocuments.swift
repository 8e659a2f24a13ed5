import PortalMarkdown
import PortalModel
import PortalSearch

/// The pages the search index covers, as plain text: measures, motions, updates, free pages, bodies, partners.
enum SearchDocuments {
    /// One search document per page, in a stable order.
    static func make(index: SiteIndex, labels: Labels) -> [SearchDocument] {
        sources(index: index, labels: labels).map { $0.make() }
    }

    /// The counted words of every page's search document, for `SearchIndexBuilder.files(of:)`: documents are
    /// made in parallel batches while the words are counted, so the plain texts of all pages (rendered from their
    /// Markdown) are never held at once. With `reuse` (the previous build's corpus and the
    /// source paths of the texts changed since), only the documents showing a changed text are made and counted
    /// again, when the previous corpus has the same documents; else every document is.
    static func corpus(index: SiteIndex, labels: Labels, reuse: consuming (previous: SearchCorpus, changedTexts: Set<String>)? = nil) -> SearchCorpus {
        let sources = sources(index: index, labels: labels)
        let make: @Sendable ([Int]) -> [SearchDocument] = { positions in Parallel.map(positions) { sources[$0].make() } }
        let urls = sources.map(\.url)
        if let (previous, changedTexts) = consume reuse {
            let changed = sources.indices.filter { sources[$0].textSource.map(changedTexts.contains) ?? false }
            if let corpus = SearchIndexBuilder().recount(previous, urls: urls, changed: changed, make: make) {
                return corpus
            }
        }
        return SearchIndexBuilder().count(urls: urls, make: make)
    }

    /// A page's URL and how to make its search document.
    struct Source: Sendable {
        var url: String
        /// The source path of the document whose Markdown text the search document contains, if any.
        var textSource: String?
        var make: @Sendable () -> SearchDocument

        init(url: String, textSource: String? = nil, make: @escaping @Sendable () -> SearchDocument) {
            self.url = url
            self.textSource = textSource
            self.make = make
        }
    }

    /// One source per page, in a stable order. The plain texts are rendered when a document is made.
    static func sources(index: SiteIndex, labels: Labels) -> [Source] {
        let site = index.site
        var sources: [Source] = []
        for measure in index.measures {
            let url = Route.measure(measure.slug).path
            let area = index.areasByID[measure.area]?.label ?? ""
            sources.append(Source(url: url, textSource: measure.sourcePath) {
                let body = [
                    measure.description.plainText, measure.humanOversight, measure.opportunities.joined(separator: " "),
                    measure.limits.joined(separator: " "), measure.risks.map { "\($0.risk) \($0.mitigation ?? "")" }.joined(separator: " "),
                    measure.legalBasis.joined(separator: " "), measure.tags.joined(separator: " "), measure.vendor ?? "",
                    measure.responsibleUnit, area,
                ].filter { !$0.isEmpty }.joined(separator: "\n")
                return SearchDocument(
                    url: url, title: measure.title, summary: measure.summary, body: body,
                    kind: "measure", area: measure.area, status: measure.status.rawValue, date: measure.updated.iso)
            })
        }
        for motion in site.motions {
            let url = Route.motion(motion.slug).path
            let originator: String
            switch motion.originator {
            case .body(let id): originator = index.bodiesByID[id]?.name ?? id
            case .people(let names): originator = names.joined(separator: ", ")
            }
            let summary = "\(motion.reference) · \(labels.label(motion.paperType)) · \(originator)"
            sources.append(Source(url: url, textSource: motion.sourcePath) {
                let items = motion.resolutionItems.map(\.text.plainText).joined(separator: "\n")
                return SearchDocument(
                    url: url, title: "\(motion.reference): \(motion.name)", summary: summary,
                    body: [motion.resolutionPreamble ?? "", items, motion.justification.plainText].joined(separator: "\n"),
                    kind: "motion", status: motion.decision?.result.rawValue ?? ConsultationResult.pending.rawValue,
                    date: motion.date.iso)
            })
        }
        for update in site.updates {
            let url = Route.update(update.slug).path
            sources.append(Source(url: url, textSource: update.sourcePath) {
                SearchDocument(
                    url: url, title: update.title, summary: update.summary ?? "",
                    body: update.body.plainText + "\n" + update.tags.joined(separator: " "), kind: "update", date: update.date.iso)
            })
        }
        for page in site.pages {
            let url = Route.page(page.slug).path
            sources.append(Source(url: url, textSource: page.sourcePath) {
                SearchDocument(
                    url: url, title: page.title, summary: page.summary ?? "", body: page.body.plainText,
                    kind: "page", date: page.lastReviewed?.iso)
            })
        }
        for body in site.bodies {
            let document = SearchDocument(
                url: Route.body(body.id).path, title: body.name, summary: body.description ?? "",
                body: [body.shortName ?? "", labels.label(body.classification)].joined(separator: " "), kind: "body")
            sources.append(Source(url: document.url) { document })
        }
        for partner in index.partners {
            let document = SearchDocument(
                url: Route.partner(partner.id).path, title: partner.name, summary: partner.description ?? "",
                body: labels.label(partner.type), kind: "partner")
            sources.append(Source(url: document.url) { document })
        }
        return sources
    }
}
