import PortalContent
import PortalDiagnostics
import PortalMarkdown
import PortalModel

/// The entry points of the libFuzzer targets in `Fuzz/`, shared with the fuzz regression tests, so a crash
/// found by a fuzzer replays in `swift test` through exactly the same code.
///
/// Each entry point takes the bytes a fuzzer made up, pushes them through the content stage the way a build
/// does (as a content file of the minimal fixture site, ``Fixtures/minimalSite``) and checks invariants beyond
/// "did not crash": see ``FuzzRun/problems``. A fuzz target stops at the first run with a problem.
public enum FuzzHarness {
    /// The one build date of every run, so runs are reproducible.
    public static let asOf = LocalDate(year: 2026, month: 11, day: 26)

    /// Where target `frontmatter` puts the input: once in every document folder, so all four schemas see it.
    /// Every path sorts after the minimal site's file in its folder, so duplicates are reported at the input.
    public static let documentPaths = [
        "motions/AT-0999-2025.md", "measures/fuzz.md", "updates/2026-01-15-fuzz.md", "pages/fuzz.md",
    ]

    /// The data files target `yaml` replaces with the input, one load each.
    public static let dataFilePaths = ["site.yml", "bodies.yml", "partners.yml"]

    /// Where target `markdown` puts the input as the body of a page.
    public static let markdownPagePath = "pages/fuzz.md"

    /// The front matter of the page that carries the input of target `markdown`.
    public static let markdownPageFrontMatter = "---\ntitle: Fuzz\n---\n"

    /// Target `frontmatter`: the input as a Markdown content file in each document folder (front matter, YAML,
    /// schema validation, references, prose), loaded together with the minimal site.
    public static func loadDocument(_ bytes: [UInt8]) -> FuzzRun {
        var files = baseFiles
        for path in documentPaths {
            files.append(ContentFile(relativePath: path, displayPath: "content/" + path, bytes: bytes))
        }
        return load(name: "as a document", files: files, fuzzed: documentPaths, input: bytes)
    }

    /// Target `yaml`: the input as `site.yml`, then as `bodies.yml`, then as `partners.yml`, each replacing the
    /// minimal site's file.
    public static func loadDataFile(_ bytes: [UInt8]) -> [FuzzRun] {
        dataFilePaths.map { path in
            var files = baseFiles.filter { $0.relativePath != path }
            files.append(ContentFile(relativePath: path, displayPath: "content/" + path, bytes: bytes))
            return load(name: "as \(path)", files: files, fuzzed: [path], input: bytes)
        }
    }

    /// Target `markdown`: the input (decoded leniently) through `MarkdownDocument.parse`, the HTML renderer
    /// with a link rewriter, plain text and links; then as the body of a page of the minimal site, so its links
    /// are resolved and rewritten by the loader.
    public static func renderMarkdown(_ bytes: [UInt8]) -> [FuzzRun] {
        let problems = markdownProblems(String(decoding: bytes, as: UTF8.self)).map { "Markdown: " + $0 }
        let direct = FuzzRun(name: "through PortalMarkdown", site: nil, diagnostics: Diagnostics(), problems: problems)
        var files = baseFiles
        let page = Array(markdownPageFrontMatter.utf8) + bytes
        files.append(ContentFile(relativePath: markdownPagePath, displayPath: "content/" + markdownPagePath, bytes: page))
        return [direct, load(name: "as a page body", files: files, fuzzed: [markdownPagePath], input: page)]
    }

    // MARK: - Loading

    /// The minimal site's files, parsed once.
    static let baseFiles = Fixtures.minimalSite.contentFiles()

    /// Loads `files` and checks the invariants of a load for the files at `fuzzed`, which hold `input`.
    static func load(name: String, files: [ContentFile], fuzzed: [String], input: [UInt8]) -> FuzzRun {
        let (site, diagnostics) = ContentLoader.load(files: files, assets: [], asOf: asOf)
        var problems: [String] = []
        if checksDeterminism(of: input) {
            let (again, againDiagnostics) = ContentLoader.load(files: files.reversed(), assets: [], asOf: asOf)
            if again != site || againDiagnostics.sorted() != diagnostics.sorted() {
                problems.append("loading the same files twice (in another order) gave different results")
            }
        }
        let lines = FuzzInvariants.lineLengths(of: input)
        for path in fuzzed {
            let displayPath = "content/" + path
            let errorsInFile = diagnostics.all.filter { $0.severity == .error && $0.location.file == displayPath }
            for diagnostic in diagnostics where diagnostic.location.file == displayPath {
                if let problem = FuzzInvariants.positionProblem(diagnostic.location, lineLengths: lines) {
                    problems.append("\(problem): \(diagnostic)")
                }
            }
            if path == "site.yml" {
                if site == nil, errorsInFile.isEmpty {
                    problems.append("site.yml was refused without an error in it")
                }
                continue
            }
            guard let site else {
                problems.append("the site was refused although site.yml is valid")
                continue
            }
            if FuzzInvariants.isDocument(path), !FuzzInvariants.site(site, containsDocumentAt: path), errorsInFile.isEmpty {
                problems.append("\(path) is missing from the site, but no error was reported in it")
            }
            let linkCodes: Set<DiagnosticCode> = [.brokenLink, .invalidURL]
            if !diagnostics.contains(where: { $0.location.file == displayPath && linkCodes.contains($0.code) }) {
                problems += FuzzInvariants.unrewrittenLinkProblems(in: site, documentAt: path)
            }
        }
        if let site {
            problems += FuzzInvariants.renderedHTMLProblems(in: site)
        }
        return FuzzRun(name: name, site: site, diagnostics: diagnostics, problems: problems)
    }

    /// Whether a run loads its files a second time to compare: for one input in four, chosen by a hash of
    /// the bytes (so a run is reproducible), as the second load halves the fuzzer's speed.
    static func checksDeterminism(of input: [UInt8]) -> Bool {
        var hash: UInt32 = 2_166_136_261
        for byte in input {
            hash = (hash ^ UInt32(byte)) &* 16_777_619
        }
        return hash % 4 == 0
    }

    // MARK: - Markdown

    /// The problems of parsing and rendering `text` directly with PortalMarkdown.
    private static func markdownProblems(_ text: String) -> [String] {
        let reserved: Set<String> = Set(PageAnchors.page)
        let document = MarkdownDocument.parse(text, reservedHeadingIDs: reserved)
        let rewriter: MarkdownLinkRewriter = { destination, _ in
            // Rewrites like the loader does: content files to page URLs, the rest as written.
            destination.hasSuffix(".md") ? "/seiten/" + destination.dropLast(3).filter { $0 != "." } + "/" : nil
        }
        let renderer = MarkdownHTMLRenderer(headingLevelOffset: 1, linkRewriter: rewriter)
        let html = renderer.render(document)
        var problems = SafeHTMLChecker.problems(in: html).map { "rendered HTML: " + $0 }
        if let first = document.firstParagraph, case .paragraph(let inlines) = first.kind {
            problems += SafeHTMLChecker.problems(in: renderer.renderInlines(inlines)).map { "first paragraph inline: " + $0 }
        }
        let lines = FuzzInvariants.lineLengths(of: Array(text.utf8))
        let positions = document.links.map { ("link '\($0.destination)'", $0.position) }
            + document.headings.map { ("heading '\($0.id)'", $0.position) }
            + document.rawHTML.map { ("raw HTML", $0.position) }
        for (what, position) in positions {
            let location = SourceLocation(file: "", line: position.line, column: position.column)
            if let problem = FuzzInvariants.positionProblem(location, lineLengths: lines) {
                problems.append("\(what) at \(position): \(problem)")
            }
        }
        let ids = document.headings.map(\.id)
        if Set(ids).count != ids.count { problems.append("heading ids are not unique: \(ids)") }
        if let taken = ids.first(where: reserved.contains) { problems.append("heading got the reserved id '\(taken)'") }
        _ = document.plainText
        _ = document.firstParagraphText
        let again = MarkdownDocument.parse(text, reservedHeadingIDs: reserved)
        if again != document || renderer.render(again) != html {
            problems.append("parsing or rendering the same text twice gave different results")
        }
        return problems
    }
}
