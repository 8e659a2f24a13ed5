import PortalDiagnostics
import PortalMarkdown
import PortalModel

extension SiteAssembler {
    /// Renders every Markdown text: headings become anchors, links to content files become page URLs, and broken
    /// links, raw HTML and images without alt text are reported at their position in the file.
    ///
    /// Two passes: all documents are parsed first, so a link may point at a heading of any other document.
    mutating func renderProse(motions: inout [Motion], measures: inout [Measure], updates: inout [Update], pages: inout [Page]) {
        var sources: [String: ParsedDocument] = [:]
        for document in content.motions + content.measures + content.updates + content.pages {
            sources[document.relativePath] = document
        }
        // Pass 1, in parallel: parse every body, then register its headings as anchors.
        struct Job: Sendable {
            var path: String
            var markdown: String
            var reserved: [String]
        }
        var jobs: [Job] = motions.map { motion in
            Job(path: motion.sourcePath, markdown: motion.justification.markdown,
                reserved: PageAnchors.motion + motion.resolutionItems.map { PageAnchors.resolutionItem($0.id) })
        }
        jobs += measures.map { Job(path: $0.sourcePath, markdown: $0.description.markdown, reserved: PageAnchors.measure) }
        jobs += updates.map { Job(path: $0.sourcePath, markdown: $0.body.markdown, reserved: PageAnchors.update) }
        jobs += pages.map { Job(path: $0.sourcePath, markdown: $0.body.markdown, reserved: PageAnchors.page) }
        // Only the heading ids are kept: holding every parsed tree until pass 2 would take several times the
        // memory of the texts themselves (measured: 10,000 articles), and parsing again costs little.
        let headingIDs = Parallel.map(jobs) { RichTextRenderer.parse($0.markdown, reserved: $0.reserved).headings.map(\.id) }
        for (job, ids) in zip(jobs, headingIDs) {
            documents.addAnchors(ids, to: job.path)
        }

        // Pass 2, in parallel: parse again and render with every anchor known.
        let renderer = RichTextRenderer(resolver: LinkResolver(documents: documents, assetPaths: Set(content.assets.map(\.path))))
        let frozenSources = sources
        let rendered = Parallel.map(jobs) { job -> (RichText, [Diagnostic]) in
            guard let source = frozenSources[job.path] else { return (.empty, []) }
            let document = RichTextRenderer.parse(job.markdown, reserved: job.reserved)
            let origin = RichTextRenderer.Origin(relativePath: job.path, displayPath: source.displayPath, firstLine: source.bodyFirstLine)
            return renderer.render(document, markdown: job.markdown, origin: origin)
        }
        var results: [String: RichText] = [:]
        for (job, (text, found)) in zip(jobs, rendered) {
            results[job.path] = text
            diagnostics.append(contentsOf: found)
        }
        // The site keeps the rendered prose, not its Markdown: nothing after this stage reads the source again.
        func render(_ path: String, _ markdown: String) -> RichText {
            (results[path] ?? .empty).withoutSource()
        }
        /// Markdown inside a YAML value: reported at the value's position.
        func renderValue(_ markdown: String, path: String, at location: SourceLocation) -> RichText {
            let document = RichTextRenderer.parse(markdown, reserved: [])
            let origin = RichTextRenderer.Origin(relativePath: path, displayPath: location.file, firstLine: 1, fixedLocation: location)
            let (text, found) = renderer.render(document, markdown: markdown, origin: origin, inline: true)
            diagnostics.append(contentsOf: found)
            return text.withoutSource()
        }

        for index in motions.indices {
            let path = motions[index].sourcePath
            motions[index].justification = render(path, motions[index].justification.markdown)
            let fields = sources[path]?.fields
            // The first value of each id and text, looked up by key: a motion may have thousands of items.
            let itemValues = Dictionary((fields?.objects("resolutionItems") ?? []).compactMap { value in
                value.integer("id").map { ($0, value) }
            }, uniquingKeysWith: { first, _ in first })
            for itemIndex in motions[index].resolutionItems.indices {
                let item = motions[index].resolutionItems[itemIndex]
                let value = itemValues[item.id]
                let location = value?.location(of: "text") ?? SourceLocation(file: sources[path]?.displayPath ?? path)
                motions[index].resolutionItems[itemIndex].text = renderValue(item.text.markdown, path: path, at: location)
            }
            let consultationValues = Dictionary((fields?.objects("consultations") ?? []).compactMap { value in
                value.text("resolutionText").map { ($0, value) }
            }, uniquingKeysWith: { first, _ in first })
            for consultationIndex in motions[index].consultations.indices {
                guard let text = motions[index].consultations[consultationIndex].resolutionText else { continue }
                let value = consultationValues[text.markdown]
                let location = value?.location(of: "resolutionText") ?? SourceLocation(file: sources[path]?.displayPath ?? path)
                motions[index].consultations[consultationIndex].resolutionText = renderValue(text.markdown, path: path, at: location)
            }
        }
        for index in measures.indices {
            measures[index].description = render(measures[index].sourcePath, measures[index].description.markdown)
        }
        for index in updates.indices {
            updates[index].body = render(updates[index].sourcePath, updates[index].body.markdown)
        }
        for index in pages.indices {
            pages[index].body = render(pages[index].sourcePath, pages[index].body.markdown)
        }
    }
}
