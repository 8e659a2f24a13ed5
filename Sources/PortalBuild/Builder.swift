import Foundation
import PortalContent
import PortalDiagnostics
import PortalModel
import PortalRender
import PortalSearch

/// Runs a build as load → check → render → write, timing each phase and collecting every diagnostic.
public struct Builder: Sendable {
    public let options: BuildOptions
    public let environment: [String: String]
    /// Called as the build moves through its phases and pages (from any thread), for progress reports.
    public var progress: (@Sendable (BuildProgress) -> Void)?
    /// The largest snapshot content file that is decoded while the build loads, in case it is a text edit (see
    /// `CachePrefetch`, `TextEdit`); larger ones are decoded once a text edit is certain, which needs less memory.
    var sideBySideContentLimit = TextEdit.sideBySideLimit
    /// The most document texts a small site's text edit reads from their files without storing every text anew
    /// (`TextEdit.storedTextsLimit`).
    var storedTextsLimit = TextEdit.storedTextsLimit
    /// The most content files a site may have for its builds to do more at once, which needs more memory (taking
    /// over the kept site beside the render, keeping the files' stamps; see `SiteRenderer`), about 64 MB of stored
    /// content (`TextEdit.sideBySideLimit`) at the measured 2.3 KB an article.
    static let smallSiteFiles = 28_000
    /// Whether the build's large values (content, manifests, staging records) are left for the process's exit to
    /// free instead of being freed one by one when the build returns: for `portal build`, whose process ends after
    /// it, never for a process that goes on (`LeftToExit`).
    public var leavesMemoryToProcessExit = false
    /// The generator's version, stated in the generated pages.
    public static let version = "0.1.0"

    public init(options: BuildOptions, environment: [String: String] = ProcessInfo.processInfo.environment) {
        self.options = options
        self.environment = environment
    }

    /// Builds (or only checks) the site. Never throws: every problem is a diagnostic in the result.
    ///
    /// With `options.incremental`, a build whose inputs all equal those of the last successful build of the same
    /// output folder, while that site is still on disk exactly as published, returns early without touching it;
    /// any other build renders everything and hard-links the files whose bytes did not change (see `SitePublisher`).
    public func run() -> BuildResult {
        run(tryingTextEdit: true, trustingStamps: true)
    }

    /// `run()`, without taking up the last build's snapshot when `tryingTextEdit` is false, and reading every
    /// content file when `trustingStamps` is false (see `ContentReader.KnownFiles`).
    private func run(tryingTextEdit: Bool, trustingStamps: Bool) -> BuildResult {
        let contentDirectory = resolve(options.contentDirectory)
        let outputDirectory = OutputGuard.canonical(resolve(options.outputDirectory))
        if options.writesOutput,
           let refusal = OutputGuard.check(output: outputDirectory, content: contentDirectory, templates: [defaultTemplatesDirectory, userTemplatesDirectory].compactMap { $0 }) {
            let asOf = AsOfDate.resolve(explicit: options.asOf, environment: environment)
            return BuildResult(diagnostics: Diagnostics([refusal]), pagesWritten: 0, filesWritten: 0, asOf: asOf, timings: [])
        }
        progress?(.phase("load"))
        // The last build's cache and snapshot are read while the content loads (a small site's stored content
        // decoded too, in case this is a text edit).
        let cachePath = BuildCache.location(outputDirectory: outputDirectory, workingDirectory: options.workingDirectory)
        let snapshotPath = BuildSnapshot.location(cachePath: cachePath)
        let searchCorpusPath = SearchCorpusFile.location(snapshotPath: snapshotPath)
        let prefetch = options.writesOutput && options.incremental
            ? CachePrefetch(cachePath: cachePath, snapshotPath: snapshotPath, searchCorpusPath: searchCorpusPath,
                            contentDirectory: contentDirectory, decodingContentUpTo: tryingTextEdit ? sideBySideContentLimit : nil)
            : nil
        defer { prefetch?.cancel() }
        // Files are checked against the last build's record only when there is one (a clean build skips the `stat`s).
        let mayTrust = trustingStamps && FileStamp.of(snapshotPath) != nil
        var inputs = load(known: mayTrust ? prefetch.map { prefetch in { prefetch.knownFiles.value } } : nil)
        guard options.writesOutput else { return render(inputs).result }

        // A no-op build: the same inputs as last time, and the published site untouched since.
        var timings = inputs.timings
        let clock = PhaseClock()
        let previous = prefetch?.cache.value
        let executable = ExecutableFingerprint.current(previous: previous?.executable)
        let (fingerprint, baseFingerprint, fileHashes) = inputFingerprint(inputs, executableHash: executable?.hash)
        let fileStamps = inputs.fileStamps
        let readStarted = inputs.readStarted
        if let previous, previous.fingerprint == fingerprint, previous.publishedSiteIsIntact(in: outputDirectory) {
            // Like every build, remove what killed builds left beside the site; the site itself stays untouched.
            SitePublisher(outputDirectory: outputDirectory).removeLeftovers()
            // Some content files were read (one had changed shortly before the last build read it, say): the
            // stamps are recorded again, so that the next build need not read them (10,000 articles: the no-op
            // after a text edit kept reading every file, 0.35 instead of 0.2 s, when any doubt read them all).
            if inputs.unread.count < inputs.files.count, !inputs.fileStamps.isEmpty, let opened = prefetch?.openedSnapshot {
                var gate = opened.gate
                gate.fileStamps = inputs.fileStamps
                gate.readStarted = inputs.readStarted
                opened.write(gate: gate, to: snapshotPath)
            }
            timings.append(.init(phase: "unchanged", clock: clock))
            return BuildResult(
                diagnostics: Diagnostics(previous.diagnostics), pagesWritten: previous.pagesWritten,
                filesWritten: previous.filesWritten, asOf: inputs.asOf, timings: timings, reusedPublishedSite: true)
        }
        timings.append(.init(phase: "fingerprint", clock: clock))
        // A small site's build lists the spare folder it will take over from here on, on a core of its own: this
        // machine's file system keeps folder listings cached for seconds only, and a 10,000-article text edit
        // waited for the disk beside the render (0.2–0.7 s of 10,000 folders read) instead of beside the decoding.
        let spareDirectory = BuildCache.spareLocation(cachePath: cachePath)
        let spareScan = options.incremental && inputs.files.count <= Self.smallSiteFiles && FileManager.default.fileExists(atPath: spareDirectory)
            ? Background { ReusedTree.scan(root: spareDirectory) } : nil

        // Only document texts changed since the last build: check those texts alone, keep the pages showing none.
        // It reads only the content files whose texts it cannot take from the last build (`TextEdit`).
        var textEdit: TextEdit?
        if let prefetch, previous != nil, tryingTextEdit {
            let snapshotClock = PhaseClock()
            textEdit = TextEdit(
                inputs: &inputs, fileHashes: fileHashes, baseFingerprint: baseFingerprint, prefetch: prefetch,
                snapshotPath: snapshotPath, searchCorpusPath: searchCorpusPath, storedTextsLimit: storedTextsLimit)
            if textEdit != nil {
                prefetch.finish(keepingSearch: true)
                timings.append(.init(phase: "snapshot", clock: snapshotClock))
            }
            if textEdit == nil, inputs.files.isEmpty, !fileHashes.isEmpty {
                // A large site's text edit let the content files go before it found that the snapshot's texts
                // did not fit (which a snapshot of these very files never does): start again, as a full build.
                prefetch.finish()
                return run(tryingTextEdit: false, trustingStamps: trustingStamps)
            }
        }
        // A full build: what was read in case of a text edit goes before the large part begins, and the files the
        // last build vouched for are read now. Should one have changed since it was listed (its hash is checked),
        // the build starts again and reads every file.
        if textEdit == nil {
            prefetch?.finish()
            guard inputs.readUnread() else { return run(tryingTextEdit: tryingTextEdit, trustingStamps: false) }
        }
        // A small site's text edit does more at once (see `TextEdit.isSmall`).
        let smallTextEdit = textEdit?.isSmall == true
        // (A text edit has taken the files over: its own measure tells.)
        let smallSite = textEdit.map(\.isSmall) ?? (inputs.files.count <= Self.smallSiteFiles)

        // Write: a complete new site beside the old one, the pages as they are rendered, swapped in at the end.
        // The staging folder is made only once the content passed its check, so a failed check touches nothing.
        // Incremental builds keep the replaced site in the cache and build the next one in it.
        if !options.incremental { try? FileManager.default.removeItem(atPath: spareDirectory) }
        let publisher = SitePublisher(outputDirectory: outputDirectory, spareDirectory: options.incremental ? spareDirectory : nil)
        var staging: StagingSite?
        var stagingFailure: Error?
        var begun: Background<Result<StagingSite, any Error>>?
        // The checked content and the search corpus go to disk as soon as they are made (a large site's snapshot is
        // better stored than held to the end); they take their final names if the build succeeds. A small site
        // writes them on another core while the render goes on (a full build of 10,000 articles: 0.1 s each on
        // one core before); a large one before the pages are rendered, so that their memory is free for them.
        var contentWritten: Background<Void>?
        let contentSink: ((CheckedContent) -> Void)? = options.incremental ? { content in
            guard smallSite else { return BuildSnapshot.writeContent(content, contentID: fingerprint, snapshotPath: snapshotPath) }
            contentWritten = Background { BuildSnapshot.writeContent(content, contentID: fingerprint, snapshotPath: snapshotPath) }
        } : nil
        // A small site's text edit that read many texts from their files stores them all for the next one, on
        // another core while it renders (`DocumentTextsFile`).
        let textsWritten = textEdit.flatMap { edit in
            edit.storesTexts ? Background {
                DocumentTextsFile.writeTemporary(of: edit.content, fileHashes: fileHashes, contentID: edit.contentID, snapshotPath: snapshotPath)
            } : nil
        }
        var corpusWritten: Background<Void>?
        let corpusSink: ((SearchCorpus) -> Void)? = options.incremental ? { corpus in
            guard smallSite else { return SearchCorpusFile.writeTemporary(corpus, fingerprint: fingerprint, path: searchCorpusPath) }
            corpusWritten = Background { SearchCorpusFile.writeTemporary(corpus, fingerprint: fingerprint, path: searchCorpusPath) }
        } : nil
        defer {
            BuildSnapshot.discardTemporaryContent(snapshotPath: snapshotPath)
            DocumentTextsFile.discardTemporary(snapshotPath: snapshotPath)
            SearchCorpusFile.discardTemporary(at: searchCorpusPath)
        }
        let rendered = render(consume inputs, timings: timings, textEdit: textEdit, contentSink: contentSink, corpusSink: corpusSink) {
            // Taking over the kept site (renaming the spare folder, listing its files: 0.1 s at 10,000 articles) runs
            // beside the render's start on a small site; the first file that arrives waits for it. Should it fail,
            // the files are dropped and writing fails with its error.
            let takeOver: @Sendable () -> Result<StagingSite, any Error> = {
                Result {
                    try publisher.beginStaging(
                        previous: previous?.manifest ?? [:], reusable: previous?.spare ?? [:], scanned: spareScan.map { scan in { scan.take() } })
                }
            }
            let started = smallSite ? Background(takeOver) : Background.done(takeOver())
            begun = started
            return ({ file, position in (try? started.value.get())?.place(file, order: position) },
                    { path, position in (try? started.value.get())?.keep(path, order: position) ?? false },
                    { folder in (try? started.value.get())?.adoptFolder(folder) })
        }
        switch begun?.value {
        case .success(let site): staging = site
        case .failure(let error): stagingFailure = error
        case nil: break
        }
        // Both are done before anything can remove or publish their files.
        contentWritten?.take()
        corpusWritten?.take()
        textsWritten?.take()
        var result = rendered.result
        guard result.succeeded else {
            if let staging { publisher.abandon(staging) }
            return result
        }
        progress?(.phase("write"))
        let writeClock = PhaseClock()
        var published: (manifest: [String: PublishedFile], reused: Int, keptSpare: Bool) = ([:], 0, false)
        do {
            if let stagingFailure { throw stagingFailure }
            // Without a staging folder yet, every page is still in `rendered.files`.
            let target = try staging ?? publisher.beginStaging(previous: previous?.manifest ?? [:], reusable: previous?.spare ?? [:])
            published = try publisher.complete(target, files: rendered.files, assets: rendered.assets)
        } catch {
            result.timings.append(.init(phase: "write", clock: writeClock))
            BuildCache.remove(at: cachePath)
            result.diagnostics.error(.outputFailed, "Writing the site failed: \(error) The previous site was left as it was.", at: SourceLocation(file: displayPath(options.outputDirectory)))
            return result
        }
        result.timings.append(.init(phase: "write", clock: writeClock))
        result.pagesWritten = published.manifest.keys.filter { $0.hasSuffix(".html") }.count
        result.filesWritten = published.manifest.count
        result.filesReused = published.reused
        BuildSnapshot.remove(at: snapshotPath)
        SearchCorpusFile.remove(at: searchCorpusPath)
        // A small site's text edit writes the cache file on another core while the snapshot is made and written
        // (a full build of 100,000 articles peaked 36 MiB higher writing both at once).
        let storeClock = PhaseClock()
        let cache = BuildCache(
            fingerprint: fingerprint, diagnostics: result.diagnostics.all, pagesWritten: result.pagesWritten,
            filesWritten: result.filesWritten, executable: executable, manifest: published.manifest,
            spare: published.keptSpare ? previous?.manifest ?? [:] : [:])
        let cacheWritten = smallTextEdit ? Background { cache.write(to: cachePath) } : nil
        if cacheWritten == nil { cache.write(to: cachePath) }
        if options.incremental, let content = rendered.content, let record = rendered.record {
            // A text edit leaves the content file as it is and stores its texts beside it; a full check's content
            // file replaces the old one.
            var snapshot: BuildSnapshot?
            let gate = { (contentID: String) in
                BuildSnapshot.Gate(fingerprint: fingerprint, baseFingerprint: baseFingerprint, fileHashes: fileHashes,
                                   fileStamps: fileStamps, readStarted: readStarted, contentID: contentID)
            }
            if let textEdit {
                let overlay = content.textOverlay(of: textEdit.overlayPaths.union(textEdit.changed))
                snapshot = BuildSnapshot(gate: gate(textEdit.contentID), body: .init(render: record, overlay: overlay))
                if textsWritten != nil { DocumentTextsFile.publish(snapshotPath: snapshotPath) }
            } else if BuildSnapshot.publishContent(snapshotPath: snapshotPath) {
                DocumentTextsFile.remove(snapshotPath: snapshotPath)
                snapshot = BuildSnapshot(gate: gate(fingerprint), body: .init(render: record, overlay: .init()))
            }
            snapshot?.write(to: snapshotPath)
            SearchCorpusFile.publish(at: searchCorpusPath)
        } else {
            BuildSnapshot.removeContent(snapshotPath: snapshotPath)
            DocumentTextsFile.remove(snapshotPath: snapshotPath)
        }
        cacheWritten?.take()
        result.timings.append(.init(phase: "store cache", clock: storeClock))
        if leavesMemoryToProcessExit { LeftToExit.keep((textEdit, rendered, staging, previous, published, cache)) }
        return result
    }

    /// Loads, checks and renders the site in memory without writing anything (for `portal serve`).
    ///
    /// Returns the generated files sorted by path, the assets to copy (absolute source path on disk → path below
    /// the site root), and the result with every diagnostic and timing; `pagesWritten` and `filesWritten` are 0.
    /// When the result has errors, `files` and `assets` are empty. Never throws.
    public func render() -> (files: [OutputFile], assets: [(source: String, destination: String)], result: BuildResult) {
        let rendered = render(load())
        return (rendered.files, rendered.assets, rendered.result)
    }

    /// Everything a build reads from disk, read once.
    struct Inputs {
        var asOf: LocalDate
        var contentDirectory: String
        var files: [ContentFile]
        /// Each content file's stamp as it was read, by relative path.
        var fileStamps: [String: ContentStamp]
        /// The files not read yet, with their recorded hashes (`ContentReader.Result.unread`): their `bytes` are empty.
        var unread: [String: String]
        /// When reading the content began, in nanoseconds since 1970.
        var readStarted: Int64
        var assets: [Asset]
        var theme: Theme
        var diagnostics: Diagnostics
        var timings: [BuildResult.PhaseTiming]
        /// Whether the content folder is missing, so there is nothing to check.
        var contentMissing: Bool

        /// Reads the files not read yet (`unread`), or only those among `paths`; false when one of them changed
        /// since it was listed.
        mutating func readUnread(_ paths: Set<String>? = nil) -> Bool {
            let wanted = paths.map { paths in unread.filter { paths.contains($0.key) } } ?? unread
            guard !wanted.isEmpty else { return true }
            guard ContentReader.readUnread(&files, unread: wanted, directory: contentDirectory) else { return false }
            for path in wanted.keys { unread[path] = nil }
            return true
        }

        /// The content files, leaving none behind.
        mutating func takeFiles() -> [ContentFile] {
            defer { files = [] }
            return files
        }
    }

    /// Reads the content folder and the theme; files that `known` vouches for are listed, not read.
    func load(known: (() -> ContentReader.KnownFiles?)? = nil) -> Inputs {
        var diagnostics = Diagnostics()
        var timings: [BuildResult.PhaseTiming] = []
        func timed<T>(_ phase: String, _ work: () -> T) -> T {
            let clock = PhaseClock()
            let result = work()
            timings.append(.init(phase: phase, clock: clock))
            return result
        }
        let asOf = AsOfDate.resolve(explicit: options.asOf, environment: environment)
        let contentDirectory = resolve(options.contentDirectory)
        let defaultTemplates = defaultTemplatesDirectory
        let userTemplates = userTemplatesDirectory
        let read = timed("load") {
            ContentReader.read(directory: contentDirectory, displayPrefix: displayPath(options.contentDirectory), known: known)
        }
        let (files, assets, readDiagnostics) = (read.files, read.assets, read.diagnostics)
        diagnostics.append(contentsOf: readDiagnostics)
        let contentMissing = files.isEmpty && readDiagnostics.contains(where: { $0.code == .missingFile })
        let (theme, themeDiagnostics) = timed("load theme") {
            ThemeReader.read(defaultDirectory: defaultTemplates, overrideDirectory: userTemplates)
        }
        if !contentMissing {
            diagnostics.append(contentsOf: themeDiagnostics)
            if defaultTemplates == nil && userTemplates == nil {
                diagnostics.error(.missingFile, "No templates found. Run portal from the project folder (with templates/) or pass --templates DIR.", at: SourceLocation(file: "templates"))
            }
        }
        // The stamps serve only small sites (`CachePrefetch`); a large one's would be held through the build.
        return Inputs(asOf: asOf, contentDirectory: contentDirectory, files: files,
                      fileStamps: files.count <= Self.smallSiteFiles ? read.stamps : [:], unread: read.unread,
                      readStarted: read.readStarted, assets: assets, theme: theme,
                      diagnostics: diagnostics, timings: contentMissing ? [timings[0]] : timings, contentMissing: contentMissing)
    }

    /// Checks and renders loaded inputs in memory.
    ///
    /// With `makePageSink`, called once the content passed its check, HTML pages go to the sink it returns as they
    /// are rendered instead of into the returned files (a nil sink keeps them in the files).
    ///
    /// With `textEdit`, the content is the one given (checked from the last build's snapshot) and pages that show
    /// none of the changed texts are kept through the sink's `keep`. Returns also the checked content and what was
    /// rendered, for the next build's snapshot. A full check's content goes to `contentSink` once it passed, the
    /// search corpus to `corpusSink` as soon as it is counted.
    func render(
        _ inputs: consuming Inputs, timings startTimings: [BuildResult.PhaseTiming]? = nil,
        textEdit: TextEdit? = nil, contentSink: ((CheckedContent) -> Void)? = nil, corpusSink: ((SearchCorpus) -> Void)? = nil,
        makePageSink: (() -> (sink: SiteRenderer.PageSink, keep: @Sendable (String, Int) -> Bool, adopt: (String) -> Void)?)? = nil
    ) -> (files: [OutputFile], assets: [(source: String, destination: String)], result: BuildResult, content: CheckedContent?, record: RenderRecord?) {
        var diagnostics = inputs.diagnostics
        var timings = startTimings ?? inputs.timings
        func timed<T>(_ phase: String, _ work: () -> T) -> T {
            let clock = PhaseClock()
            let result = work()
            timings.append(.init(phase: phase, clock: clock))
            return result
        }
        func finish(_ files: [OutputFile] = [], _ assets: [(source: String, destination: String)] = [], content: CheckedContent? = nil, record: RenderRecord? = nil) -> (files: [OutputFile], assets: [(source: String, destination: String)], result: BuildResult, content: CheckedContent?, record: RenderRecord?) {
            let result = BuildResult(diagnostics: options.strict ? diagnostics.strict() : diagnostics, pagesWritten: 0, filesWritten: 0, asOf: inputs.asOf, timings: timings)
            return result.succeeded ? (files, assets, result, content, record) : ([], [], result, nil, nil)
        }
        if inputs.contentMissing { return finish() }

        // Check: parse and validate into the site model.
        progress?(.phase("check"))
        let (site, contentDiagnostics, checked): (Site?, Diagnostics, CheckedContent?)
        if let textEdit {
            (site, contentDiagnostics, checked) = (textEdit.content.site, textEdit.content.diagnostics, textEdit.content)
            _ = inputs.takeFiles()
        } else {
            (site, contentDiagnostics, checked) = timed("check") {
                // The files' bytes are not needed after checking; handing them over lets them go before rendering.
                ContentLoader.check(files: inputs.takeFiles(), assets: inputs.assets, asOf: inputs.asOf, contentDisplayPath: displayPath(options.contentDirectory))
            }
        }
        diagnostics.append(contentsOf: contentDiagnostics)
        guard let site, !(options.strict ? diagnostics.strict() : diagnostics).hasErrors else { return finish() }
        if textEdit == nil, let checked, let contentSink { timed("store content") { contentSink(checked) } }

        // Render: pages, feeds, open data, search index, all in memory.
        progress?(.phase("render"))
        var pageDone: (@Sendable (Int) -> Void)?
        if progress != nil {
            let pageCounter = PageCounter(progress: progress)
            pageDone = { total in pageCounter.pageDone(of: total) }
        }
        // Only a small site's text edit keeps the render's tables past the render: a full build of 100,000 articles
        // needs their memory for writing the site and the cache.
        let renderOptions = RenderOptions(
            baseURL: options.baseURL, generatorVersion: Builder.version,
            leavesMemoryToProcessExit: leavesMemoryToProcessExit && textEdit?.isSmall == true)
        // The content schemas, for editors (`# yaml-language-server: $schema=<baseURL>/schemas/site.schema.json`):
        // made on another core while the render begins (10,000 articles' text edit: 25 ms after the render before).
        let baseURL = options.baseURL.map { $0.hasSuffix("/") ? String($0.dropLast()) : $0 } ?? site.config.baseURL
        let schemas = Background { SchemaExport.jsonSchemas(baseURL: baseURL).map { OutputFile(path: "schemas/" + $0.name, text: $0.text) } }
        let staging = makePageSink?()
        let reuse = textEdit.flatMap { edit in
            staging.map {
                RenderReuse(changedTexts: edit.changed, previous: edit.record, previousSearch: edit.search.take(),
                            sideBySide: edit.isSmall, keep: $0.keep)
            }
        }
        let rendered = SiteRenderer.renderTimed(
            site: site, theme: inputs.theme, options: renderOptions, pageDone: pageDone, pageSink: staging?.sink, reuse: consume reuse,
            corpusSink: corpusSink, adoptFolder: staging?.adopt)
        var outputFiles = rendered.files
        let renderDiagnostics = rendered.diagnostics
        timings += rendered.timings.map { BuildResult.PhaseTiming(phase: $0.phase, seconds: $0.seconds, processorSeconds: $0.processorSeconds) }
        outputFiles += schemas.take()
        outputFiles.sort { $0.path < $1.path }
        diagnostics.append(contentsOf: renderDiagnostics)
        let assetCopies = site.assets.map { (source: inputs.contentDirectory + "/assets/" + $0.path, destination: "assets/" + $0.path) }
        return finish(outputFiles, assetCopies, content: checked, record: rendered.record)
    }

    /// The fingerprint of everything the published site depends on: the options, the as-of date, the executable,
    /// every content file (path and bytes), every asset (path and bytes) and every theme file.
    ///
    /// Returns also the fingerprint of everything but the content files' bytes and each content file's hash.
    func inputFingerprint(_ inputs: Inputs, executableHash: String?) -> (all: String, base: String, files: [String: String]) {
        var hash = ContentHash()
        hash.add("portal \(Builder.version)")
        hash.add(executableHash ?? "unknown executable \(UInt64.random(in: 0...UInt64.max))")
        for option in [options.contentDirectory, options.outputDirectory, options.templatesDirectory ?? "-", defaultTemplatesDirectory ?? "-",
                       options.baseURL ?? "-", options.strict ? "strict" : "lenient", "\(inputs.asOf)"] {
            hash.add(option)
        }
        hash.add(UInt64(inputs.files.count))
        for file in inputs.files {
            hash.add(file.relativePath)
            hash.add(file.displayPath)
        }
        hash.add(UInt64(inputs.assets.count))
        for asset in inputs.assets {
            hash.add(asset.path)
            if let data = FileManager.default.contents(atPath: inputs.contentDirectory + "/assets/" + asset.path) {
                data.withUnsafeBytes { hash.add($0) }
            } else {
                hash.add("unreadable \(UInt64.random(in: 0...UInt64.max))")
            }
        }
        for (kind, files) in [("template", inputs.theme.templates), ("translation", inputs.theme.translations)] {
            hash.add(UInt64(files.count))
            for key in files.keys.sorted() {
                guard let file = files[key] else { continue }
                hash.add(kind)
                hash.add(key)
                hash.add(file.displayPath)
                hash.add(file.text)
            }
        }
        hash.add(UInt64(inputs.theme.staticFiles.count))
        for key in inputs.theme.staticFiles.keys.sorted() {
            hash.add(key)
            hash.add(inputs.theme.staticFiles[key] ?? [])
        }
        for diagnostic in inputs.diagnostics.all { hash.add(diagnostic.description) }
        let base = hash.hex
        let unread = inputs.unread
        let fileHashes = Parallel.map(inputs.files) { unread[$0.relativePath] ?? ContentHash.of($0.bytes) }
        for fileHash in fileHashes { hash.add(fileHash) }
        var byPath: [String: String] = [:]
        for (file, fileHash) in zip(inputs.files, fileHashes) { byPath[file.relativePath] = fileHash }
        return (hash.hex, base, byPath)
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
