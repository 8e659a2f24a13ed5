import PortalDiagnostics
import PortalMarkdown
import PortalModel

extension SiteAssembler {
    /// Checks every Markdown text and prepares it for rendering: headings become anchors, links to content files
    /// get their page URLs, and broken links, raw HTML and images without alt text are reported at their position
    /// in the file. The HTML itself is rendered by the render stage, from the Markdown (see `RichText`).
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
        // Only small facts about each text are kept between the passes (see `ProseFacts`).
        let facts = Parallel.map(jobs) { ProseFacts(ProseChecker.parse($0.markdown, reserved: $0.reserved)) }
        for (job, found) in zip(jobs, facts) {
            documents.addAnchors(found.headings.map(\.id), to: job.path)
        }

        // Pass 2, in parallel: check the links with every anchor known.
        let checker = ProseChecker(resolver: LinkResolver(documents: documents, assetPaths: Set(content.assets.map(\.path))))
        let frozenSources = sources
        let frozenJobs = jobs
        let checked = Parallel.map(Array(jobs.indices)) { index -> (RichText, [Diagnostic]) in
            let job = frozenJobs[index]
            guard let source = frozenSources[job.path] else { return (.empty, []) }
            let origin = ProseChecker.Origin(relativePath: job.path, displayPath: source.displayPath, firstLine: source.bodyFirstLine)
            return checker.prepare(facts[index], markdown: job.markdown, reserved: job.reserved, origin: origin)
        }
        var results: [String: RichText] = [:]
        for (job, (text, found)) in zip(jobs, checked) {
            results[job.path] = text
            if !found.isEmpty { textDiagnostics[job.path, default: []] += found }
        }
        func prepared(_ path: String) -> RichText {
            results[path] ?? .empty
        }
        /// Markdown inside a YAML value: reported at the value's position.
        func preparedValue(_ markdown: String, path: String, at location: SourceLocation) -> RichText {
            let facts = ProseFacts(ProseChecker.parse(markdown, reserved: []))
            let origin = ProseChecker.Origin(relativePath: path, displayPath: location.file, firstLine: 1, fixedLocation: location)
            let (text, found) = checker.prepare(facts, markdown: markdown, reserved: [], origin: origin, inline: true)
            diagnostics.append(contentsOf: found)
            return text
        }

        for index in motions.indices {
            let path = motions[index].sourcePath
            motions[index].justification = prepared(path)
            let fields = sources[path]?.fields
            // The first value of each id and text, looked up by key: a motion may have thousands of items.
            let itemValues = Dictionary((fields?.objects("resolutionItems") ?? []).compactMap { value in
                value.integer("id").map { ($0, value) }
            }, uniquingKeysWith: { first, _ in first })
            for itemIndex in motions[index].resolutionItems.indices {
                let item = motions[index].resolutionItems[itemIndex]
                let value = itemValues[item.id]
                let location = value?.location(of: "text") ?? SourceLocation(file: sources[path]?.displayPath ?? path)
                motions[index].resolutionItems[itemIndex].text = preparedValue(item.text.markdown, path: path, at: location)
            }
            let consultationValues = Dictionary((fields?.objects("consultations") ?? []).compactMap { value in
                value.text("resolutionText").map { ($0, value) }
            }, uniquingKeysWith: { first, _ in first })
            for consultationIndex in motions[index].consultations.indices {
                guard let text = motions[index].consultations[consultationIndex].resolutionText else { continue }
                let value = consultationValues[text.markdown]
                let location = value?.location(of: "resolutionText") ?? SourceLocation(file: sources[path]?.displayPath ?? path)
                motions[index].consultations[consultationIndex].resolutionText = preparedValue(text.markdown, path: path, at: location)
            }
        }
        for index in measures.indices {
            measures[index].description = prepared(measures[index].sourcePath)
        }
        for index in updates.indices {
            updates[index].body = prepared(updates[index].sourcePath)
        }
        for index in pages.indices {
            pages[index].body = prepared(pages[index].sourcePath)
        }
    }
}
