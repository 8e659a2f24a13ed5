import PortalDiagnostics
import PortalModel
import PortalSearch

/// Renders the validated site with a theme into output files: pages, feeds, open data. Pure: no file access.
public enum SiteRenderer {
    /// Every output file of the site, sorted by path, plus template diagnostics.
    public static func render(site: Site, theme: Theme, options: RenderOptions) -> (files: [OutputFile], diagnostics: Diagnostics) {
        let rendered = renderTimed(site: site, theme: theme, options: options)
        return (rendered.files, rendered.diagnostics)
    }

    /// Receives each HTML page as soon as it is rendered, from any thread, with its position among the pages
    /// (a lower position wins when two pages claim one path).
    public typealias PageSink = @Sendable (_ file: OutputFile, _ position: Int) -> Void

    /// Like `render`, and also the seconds spent on pages and files (`render`) and on the search index
    /// (`search index`). `pageDone` is called from any thread after each page, for progress reports.
    ///
    /// With a `pageSink`, the HTML pages go to it as they are rendered and are not in the returned files, so a
    /// build need not hold the whole site in memory; every other file is returned as usual.
    ///
    /// With `reuse`, pages and files that show none of the changed texts are kept from the previous build through
    /// `reuse.keep` instead of being rendered, and the search index counts only the documents showing a changed
    /// text again. `record` describes what this build made, for the next one; so does the search corpus handed to
    /// `corpusSink` as soon as it is counted (a large site's corpus is better stored than held to the end).
    /// `adoptFolder` is told the search index's data folder before its files go to the sink (see
    /// `SearchIndexBuilder.dataFolder(ofPaths:)`): its name changes with every change of the index, its files mostly not.
    public static func renderTimed(
        site: Site, theme: Theme, options: RenderOptions, pageDone: (@Sendable (_ total: Int) -> Void)? = nil,
        pageSink: PageSink? = nil, reuse: consuming RenderReuse? = nil, corpusSink: ((SearchCorpus) -> Void)? = nil,
        adoptFolder: ((String) -> Void)? = nil
    ) -> (files: [OutputFile], diagnostics: Diagnostics, timings: [(phase: String, seconds: Double, processorSeconds: Double)], record: RenderRecord) {
        let clock = PhaseClock()
        var diagnostics = Diagnostics()

        // Labels: the site's language, else German.
        let language = theme.translations[site.config.language] != nil ? site.config.language : "de"
        let labels: Labels
        if let file = theme.translations[language] {
            let (parsed, labelDiagnostics) = Labels.parse(file, language: language)
            labels = parsed
            diagnostics.append(contentsOf: labelDiagnostics)
            if language != site.config.language {
                diagnostics.warning(.templateError, "The theme has no translation file for the language '\(site.config.language)'; German labels are used. Add i18n/\(site.config.language).yml.", at: SourceLocation(file: file.displayPath))
            }
        } else {
            labels = Labels(language: language, displayPath: "templates/i18n/\(language).yml", table: [:])
            diagnostics.error(.templateError, "The theme has no translation file; add i18n/\(language).yml.", at: SourceLocation(file: "templates/i18n/\(language).yml"))
        }
        // The templates and the site's lookups do not depend on each other: a small site's text edit makes them
        // side by side (10,000 articles: 0.03 and 0.07 s, one core each); other builds one after the other, in the
        // main thread's memory (full builds of 100,000 articles peaked at 1.92–1.97 GB in four runs with this and
        // two other steps side by side, 1.94 GB in two without).
        let sideBySide = reuse?.sideBySide ?? false
        let (templates, index) = sideBySide
            ? Parallel.both({ TemplateSet(theme: theme, labels: labels) }, { SiteIndex(site: site) })
            : (TemplateSet(theme: theme, labels: labels), SiteIndex(site: site))
        diagnostics.append(contentsOf: templates.diagnostics)

        let baseURL = normalizedBaseURL(options.baseURL ?? site.config.baseURL)
        let canonicalBaseURL = normalizedBaseURL(site.config.baseURL)
        let timeline = Timeline(index: index, labels: labels)
        let builder = PageBuilder(
            site: site, index: index, labels: labels, timeline: timeline, baseURL: baseURL,
            generatorVersion: options.generatorVersion, hasSearchScript: theme.staticFiles["js/search/ui.js"] != nil
        )

        // The search index, sharded so a query downloads only what it needs. A full build makes it first: its
        // working tables are gone before the pages are rendered, which then reuse their memory (100,000 articles:
        // peak 1.87 → 1.74 GiB). A text edit of a small site, which keeps nearly every page, makes it beside the
        // pages (10,000 articles: 0.18 s of the index and 0.19 s of the pages, each mostly on one core).
        // The previous corpus is taken out of `reuse` and handed over, so the recount changes it in place.
        let previousSearch = Handover(reuse?.takePreviousSearch())
        let reuse = reuse
        // Called from the one thread making the index (the sinks write files of their own).
        nonisolated(unsafe) let corpusSink = corpusSink, adoptFolder = adoptFolder
        let makeSearch = { @Sendable () -> (files: [OutputFile], streamedPaths: [String], seconds: Double, processorSeconds: Double) in
            let searchClock = PhaseClock()
            let corpus = SearchDocuments.corpus(index: index, labels: labels, reuse: previousSearch.take())
            var searchFiles = SearchIndexBuilder().files(of: corpus).map { OutputFile(path: $0.path, bytes: $0.bytes) }
            corpusSink?(corpus)
            // With a sink, the index goes out now instead of staying in memory to the end (95 MB at 100,000
            // articles); after every page in precedence, as it would be in `files`.
            var streamedSearchPaths: [String] = []
            if let pageSink {
                if let folder = SearchIndexBuilder.dataFolder(ofPaths: searchFiles.map(\.path)) {
                    adoptFolder?(folder)
                }
                // One after the other: nearly all of them go into one folder, whose lock two threads creating
                // files in it took turns on, spinning while they waited.
                for (number, file) in searchFiles.enumerated() { pageSink(file, Self.searchFileOrder + number) }
                streamedSearchPaths = searchFiles.map(\.path)
                searchFiles = []
            }
            return (searchFiles, streamedSearchPaths, searchClock.seconds, searchClock.processorSeconds)
        }

        // Pages, built and rendered in parallel; results keep the requests' order.
        let requests = builder.allRequests()
        // Kept pages: those of the previous build, when it had the same requests, that show no changed text.
        let previousPages = reuse?.previous.pages.count == requests.count ? reuse?.previous.pages : nil
        typealias RenderedPage = (path: String, filePath: String?, file: OutputFile?, template: String, refusedInclusion: String?)
        let makePages = { @Sendable () -> [RenderedPage] in
            Parallel.map(Array(requests.indices)) { position -> RenderedPage in
                if let reuse, let previous = previousPages?[position],
                   !builder.textSources(of: requests[position]).contains(where: reuse.changedTexts.contains),
                   reuse.keep(previous.filePath, position) {
                    pageDone?(requests.count)
                    return (previous.path, previous.filePath, nil, previous.template, nil)
                }
                let page = builder.page(for: requests[position])
                let html = templates.render(page.view, with: page.template)
                pageDone?(requests.count)
                guard let html else { return (page.path, nil, nil, page.template, nil) }
                let file = OutputFile(path: page.filePath, bytes: html.bytes)
                guard let pageSink else { return (page.path, file.path, file, page.template, html.refusedInclusion) }
                pageSink(file, position)
                return (page.path, file.path, nil, page.template, html.refusedInclusion)
            }
        }
        let search: (files: [OutputFile], streamedPaths: [String], seconds: Double, processorSeconds: Double)
        let pages: [RenderedPage]
        if sideBySide {
            (search, pages) = Parallel.both(makeSearch, makePages)
        } else {
            search = makeSearch()
            pages = makePages()
        }
        let searchFiles = search.files
        let streamedSearchPaths = search.streamedPaths
        var files: [OutputFile] = []
        var streamedPaths: [String] = []
        var missingTemplates = Set<String>()
        var inclusionLoops: [String: String] = [:]
        var sitemapEntries: [SitemapWriter.Entry] = []
        for (request, page) in zip(requests, pages) {
            guard let filePath = page.filePath else {
                missingTemplates.insert(page.template)
                continue
            }
            if let partial = page.refusedInclusion, inclusionLoops[partial] == nil { inclusionLoops[partial] = page.template }
            if let file = page.file { files.append(file) } else { streamedPaths.append(filePath) }
            if request != .notFound {
                sitemapEntries.append(.init(path: page.path, lastModified: builder.lastModified(request)?.iso))
            }
        }
        for name in missingTemplates.sorted() { diagnostics.append(templates.missingTemplate(name)) }
        for partial in inclusionLoops.keys.sorted() {
            diagnostics.append(templates.inclusionLoop(partial, in: inclusionLoops[partial] ?? ""))
        }

        // Machine-readable files, made side by side (each is one long serial job on a large site).
        let feeds = FeedWriter(index: index, labels: labels, baseURL: baseURL, canonicalBaseURL: canonicalBaseURL)
        let openData = OpenDataExport(index: index, labels: labels, baseURL: baseURL)
        let calendar = CalendarWriter(index: index, labels: labels, baseURL: baseURL, canonicalBaseURL: canonicalBaseURL)
        let entries = sitemapEntries
        // Each maker says whether it shows whole document texts (the feeds carry whole updates); when it does not,
        // a text edit keeps its files.
        let makers: [(showsTexts: Bool, make: @Sendable () -> [OutputFile])] = [
            (true, { [OutputFile(path: "aktuelles/atom.xml", text: feeds.atom())] }),
            (true, { [OutputFile(path: "aktuelles/feed.json", text: feeds.jsonFeed())] }),
            (false, { [OutputFile(path: "daten/massnahmen.json", bytes: openData.measuresJSON())] }),
            (false, { [OutputFile(path: "daten/massnahmen.csv", text: MeasuresCSV.make(index: index, labels: labels, baseURL: baseURL))] }),
            (false, { [OutputFile(path: "termine.ics", text: calendar.make())] }),
            (false, {
                [OutputFile(path: "sitemap.xml", text: SitemapWriter.sitemap(entries: entries, baseURL: baseURL)),
                 OutputFile(path: "robots.txt", text: SitemapWriter.robots(baseURL: baseURL))]
            }),
            (false, { OParlExport(index: index, baseURL: baseURL, labels: labels).files() }),
        ]
        let previousMachineFiles = reuse?.previous.machineFiles.count == makers.count ? reuse?.previous.machineFiles : nil
        let made = Parallel.map(Array(makers.indices)) { number -> (files: [OutputFile], kept: [String]) in
            if let reuse, !makers[number].showsTexts, let paths = previousMachineFiles?[number] {
                // The order a kept file would have had among `files`, after every page: ties cannot arise.
                if paths.allSatisfy({ reuse.keep($0, Self.machineFileOrder + number) }) { return ([], paths) }
            }
            return (makers[number].make(), [])
        }
        files += made.flatMap(\.files)
        files += searchFiles

        streamedPaths += streamedSearchPaths
        streamedPaths += made.flatMap(\.kept)
        let record = RenderRecord(
            pages: zip(requests, pages).compactMap { _, page in
                page.filePath.map { RenderRecord.Page(path: page.path, filePath: $0, template: page.template) }
            },
            machineFiles: made.map { $0.kept.isEmpty ? $0.files.map(\.path) : $0.kept })

        // The theme's static files; generated files win when a path is taken twice.
        let generatedPaths = Set(files.map(\.path) + streamedPaths)
        for path in theme.staticFiles.keys.sorted() {
            guard !generatedPaths.contains(path), let bytes = theme.staticFiles[path] else { continue }
            files.append(OutputFile(path: path, bytes: bytes))
        }

        diagnostics.append(contentsOf: labels.missingKeyDiagnostics())
        // Streamed pages come first, as they would in `files`: they keep their paths.
        diagnostics.append(contentsOf: duplicatePathDiagnostics(streamedPaths + files.map(\.path)))
        let result = unique(files, taken: Set(streamedPaths)).sorted { $0.path < $1.path }
        if options.leavesMemoryToProcessExit { LeftToExit.keep((index, builder, timeline, templates, requests, pages, feeds, openData, calendar)) }
        // Phases are consecutive slices of the wall-clock time: side by side, the pages and the index are one.
        let timings = sideBySide
            ? [(phase: Self.overlappedPhase, seconds: clock.seconds, processorSeconds: clock.processorSeconds)]
            : [(phase: "render", seconds: clock.seconds - search.seconds, processorSeconds: clock.processorSeconds - search.processorSeconds),
               (phase: "search index", seconds: search.seconds, processorSeconds: search.processorSeconds)]
        return (result, diagnostics, timings, record)
    }

    /// The phase of a text edit's render, whose pages and search index are made side by side.
    public static let overlappedPhase = "render+search"

    /// The order kept machine-readable files are placed with: after every page and the search index.
    static let machineFileOrder = Int.max / 4 + Int.max / 8

    /// The order search index files are placed with: after every page (pages are numbered from 0), before the
    /// files placed when the build completes.
    static let searchFileOrder = Int.max / 4

    /// The base URL without trailing slashes.
    static func normalizedBaseURL(_ url: String) -> String {
        var url = url
        while url.hasSuffix("/") { url.removeLast() }
        return url
    }

    /// A warning for every output path produced twice (such as a free page whose slug equals a generated file).
    private static func duplicatePathDiagnostics(_ paths: [String]) -> [Diagnostic] {
        var seen = Set<String>(), duplicates = Set<String>()
        for path in paths where !seen.insert(path).inserted { duplicates.insert(path) }
        return duplicates.sorted().map {
            .warning(.templateError, "Two pages would be written to '\($0)'; only the first is kept. Rename one of them.", at: SourceLocation(file: $0))
        }
    }

    /// The files with each path kept once (the first), leaving out paths already `taken`.
    private static func unique(_ files: [OutputFile], taken: Set<String> = []) -> [OutputFile] {
        var seen = taken
        return files.filter { seen.insert($0.path).inserted }
    }
}
