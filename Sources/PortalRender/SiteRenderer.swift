import PortalDiagnostics
import PortalModel
import PortalSearch

/// Renders the validated site with a theme into output files: pages, feeds, open data. Pure: no file access.
public enum SiteRenderer {
    /// Every output file of the site, sorted by path, plus template diagnostics.
    public static func render(site: Site, theme: Theme, options: RenderOptions) -> (files: [OutputFile], diagnostics: Diagnostics) {
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
        let templates = TemplateSet(theme: theme, labels: labels)
        diagnostics.append(contentsOf: templates.diagnostics)

        let baseURL = normalizedBaseURL(options.baseURL ?? site.config.baseURL)
        let canonicalBaseURL = normalizedBaseURL(site.config.baseURL)
        let index = SiteIndex(site: site)
        let timeline = Timeline(index: index, labels: labels)
        let builder = PageBuilder(
            site: site, index: index, labels: labels, timeline: timeline, baseURL: baseURL,
            generatorVersion: options.generatorVersion, hasSearchScript: theme.staticFiles["js/search/ui.js"] != nil
        )

        // Pages, built and rendered in parallel; results keep the requests' order.
        let requests = builder.allRequests()
        let pages = ParallelWork.map(requests) { request -> (path: String, file: OutputFile?, template: String) in
            let page = builder.page(for: request)
            let html = templates.render(page.view, with: page.template)
            return (page.path, html.map { OutputFile(path: page.filePath, text: $0) }, page.template)
        }
        var files: [OutputFile] = []
        var missingTemplates = Set<String>()
        var sitemapEntries: [SitemapWriter.Entry] = []
        for (request, page) in zip(requests, pages) {
            guard let file = page.file else {
                missingTemplates.insert(page.template)
                continue
            }
            files.append(file)
            if request != .notFound {
                sitemapEntries.append(.init(path: page.path, lastModified: builder.lastModified(request)?.iso))
            }
        }
        for name in missingTemplates.sorted() { diagnostics.append(templates.missingTemplate(name)) }

        // Machine-readable files.
        let feeds = FeedWriter(index: index, labels: labels, baseURL: baseURL, canonicalBaseURL: canonicalBaseURL)
        let openData = OpenDataExport(index: index, labels: labels, baseURL: baseURL)
        let calendar = CalendarWriter(index: index, labels: labels, baseURL: baseURL, canonicalBaseURL: canonicalBaseURL)
        files += [
            OutputFile(path: "aktuelles/atom.xml", text: feeds.atom()),
            OutputFile(path: "aktuelles/feed.json", text: feeds.jsonFeed()),
            OutputFile(path: "daten/massnahmen.json", text: openData.measuresJSON()),
            OutputFile(path: "daten/massnahmen.csv", text: MeasuresCSV.make(index: index, labels: labels, baseURL: baseURL)),
            OutputFile(path: "termine.ics", text: calendar.make()),
            OutputFile(path: "sitemap.xml", text: SitemapWriter.sitemap(entries: sitemapEntries, baseURL: baseURL)),
            OutputFile(path: "robots.txt", text: SitemapWriter.robots(baseURL: baseURL)),
        ]
        files += OParlExport(index: index, baseURL: baseURL, labels: labels).files()

        // The search index, sharded so a query downloads only what it needs.
        let searchDocuments = SearchDocuments.make(index: index, labels: labels)
        files += SearchIndexBuilder().build(searchDocuments).map { OutputFile(path: $0.path, bytes: $0.bytes) }

        // The theme's static files; generated files win when a path is taken twice.
        let generatedPaths = Set(files.map(\.path))
        for path in theme.staticFiles.keys.sorted() {
            guard !generatedPaths.contains(path), let bytes = theme.staticFiles[path] else { continue }
            files.append(OutputFile(path: path, bytes: bytes))
        }

        diagnostics.append(contentsOf: labels.missingKeyDiagnostics())
        diagnostics.append(contentsOf: duplicatePathDiagnostics(files))
        return (unique(files).sorted { $0.path < $1.path }, diagnostics)
    }

    /// The base URL without trailing slashes.
    static func normalizedBaseURL(_ url: String) -> String {
        var url = url
        while url.hasSuffix("/") { url.removeLast() }
        return url
    }

    /// A warning for every output path produced twice (such as a free page whose slug equals a generated file).
    private static func duplicatePathDiagnostics(_ files: [OutputFile]) -> [Diagnostic] {
        var seen = Set<String>(), duplicates = Set<String>()
        for file in files where !seen.insert(file.path).inserted { duplicates.insert(file.path) }
        return duplicates.sorted().map {
            .warning(.templateError, "Two pages would be written to '\($0)'; only the first is kept. Rename one of them.", at: SourceLocation(file: $0))
        }
    }

    /// The files with each path kept once (the first).
    private static func unique(_ files: [OutputFile]) -> [OutputFile] {
        var seen = Set<String>()
        return files.filter { seen.insert($0.path).inserted }
    }
}
