import Foundation
import PortalContent
import PortalDiagnostics
import PortalModel
import PortalRender

/// Runs a build as load → check → render → write, timing each phase and collecting every diagnostic.
public struct Builder: Sendable {
    public let options: BuildOptions
    public let environment: [String: String]
    /// The generator's version, stated in the generated pages.
    public static let version = "0.1.0"

    public init(options: BuildOptions, environment: [String: String] = ProcessInfo.processInfo.environment) {
        self.options = options
        self.environment = environment
    }

    /// Builds (or only checks) the site. Never throws: every problem is a diagnostic in the result.
    public func run() -> BuildResult {
        let contentDirectory = resolve(options.contentDirectory)
        let outputDirectory = OutputGuard.canonical(resolve(options.outputDirectory))
        if options.writesOutput,
           let refusal = OutputGuard.check(output: outputDirectory, content: contentDirectory, templates: [defaultTemplatesDirectory, userTemplatesDirectory].compactMap { $0 }) {
            let asOf = AsOfDate.resolve(explicit: options.asOf, environment: environment)
            return BuildResult(diagnostics: Diagnostics([refusal]), pagesWritten: 0, filesWritten: 0, asOf: asOf, timings: [])
        }
        let rendered = render()
        var result = rendered.result
        guard options.writesOutput, result.succeeded else { return result }

        // Write: a complete new site beside the old one, swapped in at the end.
        let publisher = SitePublisher(outputDirectory: outputDirectory)
        let start = DispatchTime.now().uptimeNanoseconds
        var failure: String?
        do {
            try publisher.publish(files: rendered.files, assets: rendered.assets)
        } catch {
            failure = "\(error)"
        }
        result.timings.append(.init(phase: "write", seconds: Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9))
        if let failure {
            result.diagnostics.error(.outputFailed, "Writing the site failed: \(failure) The previous site was left as it was.", at: SourceLocation(file: displayPath(options.outputDirectory)))
            return result
        }
        result.pagesWritten = rendered.files.filter { $0.path.hasSuffix(".html") }.count
        result.filesWritten = rendered.files.count + rendered.assets.count
        return result
    }

    /// Loads, checks and renders the site in memory without writing anything (for `portal serve`).
    ///
    /// Returns the generated files sorted by path, the assets to copy (absolute source path on disk → path below
    /// the site root), and the result with every diagnostic and timing; `pagesWritten` and `filesWritten` are 0.
    /// When the result has errors, `files` and `assets` are empty. Never throws.
    public func render() -> (files: [OutputFile], assets: [(source: String, destination: String)], result: BuildResult) {
        var diagnostics = Diagnostics()
        var timings: [BuildResult.PhaseTiming] = []
        let asOf = AsOfDate.resolve(explicit: options.asOf, environment: environment)
        func timed<T>(_ phase: String, _ work: () -> T) -> T {
            let start = DispatchTime.now().uptimeNanoseconds
            let result = work()
            timings.append(.init(phase: phase, seconds: Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9))
            return result
        }
        func finish(_ files: [OutputFile] = [], _ assets: [(source: String, destination: String)] = []) -> (files: [OutputFile], assets: [(source: String, destination: String)], result: BuildResult) {
            let result = BuildResult(diagnostics: options.strict ? diagnostics.strict() : diagnostics, pagesWritten: 0, filesWritten: 0, asOf: asOf, timings: timings)
            return result.succeeded ? (files, assets, result) : ([], [], result)
        }

        let contentDirectory = resolve(options.contentDirectory)
        let defaultTemplates = defaultTemplatesDirectory
        let userTemplates = userTemplatesDirectory

        // Load: read files from disk.
        let (files, assets, readDiagnostics) = timed("load") {
            ContentReader.read(directory: contentDirectory, displayPrefix: displayPath(options.contentDirectory))
        }
        diagnostics.append(contentsOf: readDiagnostics)
        if files.isEmpty, readDiagnostics.contains(where: { $0.code == .missingFile }) { return finish() }
        let (theme, themeDiagnostics) = timed("load theme") {
            ThemeReader.read(defaultDirectory: defaultTemplates, overrideDirectory: userTemplates)
        }
        diagnostics.append(contentsOf: themeDiagnostics)
        if defaultTemplates == nil && userTemplates == nil {
            diagnostics.error(.missingFile, "No templates found. Run portal from the project folder (with templates/) or pass --templates DIR.", at: SourceLocation(file: "templates"))
        }

        // Check: parse and validate into the site model.
        let (site, contentDiagnostics) = timed("check") {
            ContentLoader.load(files: files, assets: assets, asOf: asOf, contentDisplayPath: displayPath(options.contentDirectory))
        }
        diagnostics.append(contentsOf: contentDiagnostics)
        guard let site, !(options.strict ? diagnostics.strict() : diagnostics).hasErrors else { return finish() }

        // Render: pages, feeds, open data, search index, all in memory.
        var (outputFiles, renderDiagnostics) = timed("render") {
            SiteRenderer.render(site: site, theme: theme, options: RenderOptions(baseURL: options.baseURL, generatorVersion: Builder.version))
        }
        // The content schemas, for editors (`# yaml-language-server: $schema=<baseURL>/schemas/site.schema.json`).
        let baseURL = options.baseURL.map { $0.hasSuffix("/") ? String($0.dropLast()) : $0 } ?? site.config.baseURL
        outputFiles += SchemaExport.jsonSchemas(baseURL: baseURL).map { OutputFile(path: "schemas/" + $0.name, text: $0.text) }
        outputFiles.sort { $0.path < $1.path }
        diagnostics.append(contentsOf: renderDiagnostics)
        let assetCopies = site.assets.map { (source: contentDirectory + "/assets/" + $0.path, destination: "assets/" + $0.path) }
        return finish(outputFiles, assetCopies)
    }

    /// The build's "today" as `run()` and `render()` resolve it: `asOf`, else `SOURCE_DATE_EPOCH`, else the current
    /// date (for commands such as `portal new` that date what they create the same way).
    public static func today(asOf: LocalDate?, environment: [String: String] = ProcessInfo.processInfo.environment) -> LocalDate {
        AsOfDate.resolve(explicit: asOf, environment: environment)
    }

    /// The folders a build reads, as absolute paths: the content folder, the default theme (when found) and the
    /// user's templates folder (when given). `portal serve` watches them.
    public var inputDirectories: [String] {
        [resolve(options.contentDirectory), defaultTemplatesDirectory, userTemplatesDirectory].compactMap { $0 }
    }

    /// The default theme's folder, as given or found.
    private var defaultTemplatesDirectory: String? {
        options.defaultTemplatesDirectory.map(resolve)
            ?? ThemeLocator.defaultDirectory(workingDirectory: options.workingDirectory, environment: environment)
    }

    /// The user's templates folder overriding single default files, if any.
    private var userTemplatesDirectory: String? {
        options.templatesDirectory.map(resolve)
    }

    /// An absolute path for a path given relative to the working directory.
    private func resolve(_ path: String) -> String {
        path.hasPrefix("/") ? path : options.workingDirectory + "/" + path
    }

    /// The path as shown in diagnostics: as given, without a trailing slash.
    private func displayPath(_ path: String) -> String {
        var path = path
        while path.count > 1, path.hasSuffix("/") { path.removeLast() }
        if path.hasPrefix("./") { path.removeFirst(2) }
        return path
    }
}
