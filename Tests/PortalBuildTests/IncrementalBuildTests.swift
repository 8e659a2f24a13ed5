import Foundation
@testable import PortalBuild
import PortalModel
import PortalTestSupport
import Testing

/// Incremental builds (build cache, hard-linked unchanged files, no-op builds) produce exactly the bytes of a clean
/// build, across a sequence of edits, renames and deletions of content, templates, assets and site.yml.
@Suite struct IncrementalBuildTests {
    static let asOf = LocalDate(year: 2026, month: 1, day: 15)

    /// The repository's own default theme.
    static let templates: String = {
        URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
            .appendingPathComponent("templates").path
    }()

    /// A second measure, added and removed along the way.
    static let secondMeasure = """
        ---
        title: Formularassistent
        summary: Hilft beim Ausfüllen von Formularen.
        area: bauantraege
        status: idea
        riskClass: minimal
        automation: assistive
        humanOversight: Sachbearbeitung prüft jeden Antrag.
        personalData: none
        legalBasis: ["Art. 6 Abs. 1 lit. e DSGVO"]
        contact: ki@test.example
        responsibleUnit: Bauaufsicht
        updated: 2025-10-01
        ---
        Der Assistent erklärt die Felder eines Bauantrags.
        """

    /// One build of `directory`'s `content/` with the `overrides/` templates folder into `output`.
    func build(_ directory: TemporaryDirectory, output: String, incremental: Bool) -> BuildResult {
        let options = BuildOptions(
            contentDirectory: "content", templatesDirectory: "overrides", defaultTemplatesDirectory: Self.templates,
            outputDirectory: output, asOf: Self.asOf, workingDirectory: directory.path, incremental: incremental)
        var builder = Builder(options: options, environment: [:])
        builder.sideBySideContentLimit = Self.contentDecoding.limit
        // A text edit that read any text from its file stores every text (`DocumentTextsFile`): the small sites
        // here would never reach the real limit.
        builder.storedTextsLimit = 0
        return builder.run()
    }

    /// How a text edit takes up the snapshot's content file: side by side with reading the texts back (small
    /// sites), or first, letting each content file go as its text is read (large sites; forced here).
    enum ContentDecoding: String, CaseIterable, CustomTestStringConvertible {
        case sideBySide, first

        var limit: Int64 { self == .sideBySide ? .max : 0 }
        var testDescription: String { rawValue }
    }

    @TaskLocal static var contentDecoding = ContentDecoding.sideBySide

    /// Every file below `folder`, relative path → bytes.
    func snapshot(_ folder: String) -> [String: Data] {
        var result: [String: Data] = [:]
        let enumerator = FileManager.default.enumerator(atPath: folder)
        while let path = enumerator?.nextObject() as? String {
            var isDirectory: ObjCBool = false
            FileManager.default.fileExists(atPath: folder + "/" + path, isDirectory: &isDirectory)
            if !isDirectory.boolValue { result[path] = FileManager.default.contents(atPath: folder + "/" + path) }
        }
        return result
    }

    /// Writes `text` to `path` below the directory (creating folders), or deletes the file when `text` is nil.
    func put(_ text: String?, at path: String, in directory: TemporaryDirectory) throws {
        let target = directory.path + "/" + path
        guard let text else {
            try FileManager.default.removeItem(atPath: target)
            return
        }
        try FileManager.default.createDirectory(atPath: (target as NSString).deletingLastPathComponent, withIntermediateDirectories: true)
        try Data(text.utf8).write(to: URL(fileURLWithPath: target))
    }

    func read(_ path: String, in directory: TemporaryDirectory) throws -> String {
        try String(contentsOfFile: directory.path + "/" + path, encoding: .utf8)
    }

    func replace(_ old: String, with new: String, in path: String, of directory: TemporaryDirectory) throws {
        let text = try read(path, in: directory)
        try #require(text.contains(old), "'\(old)' not in \(path)")
        try put(text.replacingOccurrences(of: old, with: new), at: path, in: directory)
    }

    /// The inode of a published file, to tell a file left in place from one written again.
    func inode(_ path: String) -> UInt64? {
        (try? FileManager.default.attributesOfItem(atPath: path))?[.systemFileNumber] as? UInt64
    }

    /// Builds incrementally into `site/` and from scratch into `clean/`, and expects byte-identical folders.
    @discardableResult
    func expectIncrementalEqualsClean(_ directory: TemporaryDirectory, step: String) throws -> BuildResult {
        let incremental = build(directory, output: "site", incremental: true)
        try? FileManager.default.removeItem(atPath: directory.path + "/clean")
        let clean = build(directory, output: "clean", incremental: false)
        #expect(incremental.succeeded, "\(step): \(incremental.diagnostics.sorted())")
        #expect(clean.succeeded, "\(step): \(clean.diagnostics.sorted())")
        #expect(incremental.diagnostics.sorted() == clean.diagnostics.sorted(), "\(step)")
        #expect(incremental.pagesWritten == clean.pagesWritten && incremental.filesWritten == clean.filesWritten, "\(step)")
        let built = snapshot(directory.path + "/site"), expected = snapshot(directory.path + "/clean")
        #expect(!expected.isEmpty, "\(step)")
        #expect(built.keys.sorted() == expected.keys.sorted(), "\(step): the same files")
        let differing = expected.keys.sorted().filter { built[$0] != expected[$0] }
        #expect(differing == [], "\(step): files with different bytes")
        return incremental
    }

    /// A temporary folder with the minimal site in `content/`, an empty `overrides/` and a first build checked.
    func builtSite() throws -> TemporaryDirectory {
        let directory = try TemporaryDirectory()
        try directory.write(Fixtures.minimalSite, into: "content")
        try FileManager.default.createDirectory(atPath: directory.path + "/overrides", withIntermediateDirectories: true)
        try expectIncrementalEqualsClean(directory, step: "first build")
        return directory
    }

    /// Appends `text` to the file at `path` in place (same inode), as an editor on the server might.
    func appendByHand(_ text: String, to path: String) throws {
        let handle = try #require(FileHandle(forWritingAtPath: path))
        try handle.seekToEnd()
        try handle.write(contentsOf: Data(text.utf8))
        try handle.close()
    }

    @Test func incrementalBuildsEqualCleanBuildsAcrossEdits() throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        try directory.write(Fixtures.minimalSite, into: "content")
        try FileManager.default.createDirectory(atPath: directory.path + "/overrides", withIntermediateDirectories: true)
        let first = try expectIncrementalEqualsClean(directory, step: "first build")
        #expect(!first.reusedPublishedSite && first.filesReused == 0)

        // Nothing changed: the published site is left exactly as it is.
        let indexInode = inode(directory.path + "/site/index.html")
        let noop = try expectIncrementalEqualsClean(directory, step: "no change")
        #expect(noop.reusedPublishedSite)
        #expect(inode(directory.path + "/site/index.html") == indexInode)
        // A no-op build still removes what an interrupted build left beside the site.
        let stale = directory.path + "/.site.tmp-999999-42"
        try FileManager.default.createDirectory(atPath: stale, withIntermediateDirectories: true)
        #expect(build(directory, output: "site", incremental: true).reusedPublishedSite)
        #expect(!FileManager.default.fileExists(atPath: stale))

        // Content edits, additions, renames and deletions.
        try replace("title: Chatbot im Bürgerservice", with: "title: Chatbot für Bürgeranfragen", in: "content/measures/chatbot.md", of: directory)
        let edit = try expectIncrementalEqualsClean(directory, step: "edit a measure")
        #expect(!edit.reusedPublishedSite && edit.filesReused > 0, "unchanged files are linked or kept, not written")
        try put(Self.secondMeasure, at: "content/measures/formular.md", in: directory)
        try expectIncrementalEqualsClean(directory, step: "add a measure")
        let page = try read("content/pages/chancen.md", in: directory)
        try put(nil, at: "content/pages/chancen.md", in: directory)
        try put(page, at: "content/pages/moeglichkeiten.md", in: directory)
        try expectIncrementalEqualsClean(directory, step: "rename a page")
        try put(nil, at: "content/measures/formular.md", in: directory)
        try expectIncrementalEqualsClean(directory, step: "delete a measure")

        // Templates: an override added, changed, removed.
        let footer = try String(contentsOfFile: Self.templates + "/partials/footer.mustache", encoding: .utf8)
        try put(footer + "<p>Geänderter Fuß</p>\n", at: "overrides/partials/footer.mustache", in: directory)
        try expectIncrementalEqualsClean(directory, step: "override a template")
        try put(footer + "<p>Noch einmal geändert</p>\n", at: "overrides/partials/footer.mustache", in: directory)
        try expectIncrementalEqualsClean(directory, step: "change the override")
        try put(nil, at: "overrides/partials/footer.mustache", in: directory)
        try expectIncrementalEqualsClean(directory, step: "remove the override")

        // Assets: added, then replaced by different bytes of the same size.
        try put("Bild A", at: "content/assets/bild.txt", in: directory)
        try expectIncrementalEqualsClean(directory, step: "add an asset")
        try put("Bild B", at: "content/assets/bild.txt", in: directory)
        try expectIncrementalEqualsClean(directory, step: "replace an asset")

        // site.yml: a failed build leaves site and cache as they were; the fixed one matches a clean build.
        try replace("title: KI-Portal Teststadt", with: "title: KI-Portal Musterstadt", in: "content/site.yml", of: directory)
        try expectIncrementalEqualsClean(directory, step: "edit site.yml")
        let before = snapshot(directory.path + "/site")
        try replace("baseURL: https://ki.test.example", with: "baseURL: [kaputt", in: "content/site.yml", of: directory)
        #expect(!build(directory, output: "site", incremental: true).succeeded)
        #expect(snapshot(directory.path + "/site") == before)
        try replace("baseURL: [kaputt", with: "baseURL: https://ki.beispiel.example", in: "content/site.yml", of: directory)
        try expectIncrementalEqualsClean(directory, step: "fix site.yml")
        #expect(!snapshot(directory.path + "/site").isEmpty)
    }

    /// With content files settled (last changed over a second before a build read them), the next build trusts
    /// their stamps instead of reading them (`ContentReader.KnownFiles`); a change that keeps a file's size and
    /// modification time, a template change and a text edit after that still build exactly as a clean build.
    @Test func settledFilesAreTrustedByTheirStampsAndChangesStillShow() throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        try directory.write(Fixtures.minimalSite, into: "content")
        try FileManager.default.createDirectory(atPath: directory.path + "/overrides", withIntermediateDirectories: true)
        Thread.sleep(forTimeInterval: 1.2)
        try expectIncrementalEqualsClean(directory, step: "first build")
        #expect(try expectIncrementalEqualsClean(directory, step: "no change").reusedPublishedSite)

        // The same size, the modification time set back: only the status change time tells.
        let path = directory.path + "/content/measures/chatbot.md"
        let modified = try #require(try FileManager.default.attributesOfItem(atPath: path)[.modificationDate] as? Date)
        try replace("title: Chatbot im Bürgerservice", with: "title: Chatbot im Bürgerbüro!!", in: "content/measures/chatbot.md", of: directory)
        try FileManager.default.setAttributes([.modificationDate: modified], ofItemAtPath: path)
        let changed = try expectIncrementalEqualsClean(directory, step: "same size, same modification time")
        #expect(!changed.reusedPublishedSite)
        #expect(try read("site/massnahmen/chatbot/index.html", in: directory).contains("Chatbot im Bürgerbüro!!"))

        // Settled again (a build that is no no-op records it): a template change reads the vouched-for files
        // after the fingerprint.
        Thread.sleep(forTimeInterval: 1.2)
        try put("<p>Fuß</p>\n", at: "overrides/partials/footer.mustache", in: directory)
        try expectIncrementalEqualsClean(directory, step: "a template changed")
        try put("<p>Anderer Fuß</p>\n", at: "overrides/partials/footer.mustache", in: directory)
        #expect(try !expectIncrementalEqualsClean(directory, step: "a template changed, files vouched for").reusedPublishedSite)
        try appendByHand("\nEin weiterer Satz.\n", to: path)
        try expectIncrementalEqualsClean(directory, step: "a text edit")

        // The edited file changed just before that build read it, so its stamp does not vouch for it; the no-op
        // after it reads that file and records the stamps again, which then vouch for every file.
        Thread.sleep(forTimeInterval: 1.2)
        let snapshotPath = BuildSnapshot.location(cachePath: BuildCache.location(outputDirectory: directory.path + "/site", workingDirectory: directory.path))
        let content = directory.path + "/content"
        let before = try #require(BuildSnapshot.open(snapshotPath)?.gate)
        let knownBefore = ContentReader.KnownFiles(stamps: before.fileStamps, hashes: before.fileHashes, readStarted: before.readStarted)
        let readBefore = ContentReader.read(directory: content, displayPrefix: "content", known: { knownBefore })
        #expect(Set(readBefore.files.map(\.relativePath)).subtracting(readBefore.unread.keys) == ["measures/chatbot.md"])
        #expect(try expectIncrementalEqualsClean(directory, step: "no change after the edit").reusedPublishedSite)
        let after = try #require(BuildSnapshot.open(snapshotPath)?.gate)
        #expect(after.readStarted > before.readStarted && after.fingerprint == before.fingerprint && after.fileHashes == before.fileHashes)
        let knownAfter = ContentReader.KnownFiles(stamps: after.fileStamps, hashes: after.fileHashes, readStarted: after.readStarted)
        #expect(ContentReader.read(directory: content, displayPrefix: "content", known: { knownAfter }).unread.count == after.fileHashes.count)
        #expect(try expectIncrementalEqualsClean(directory, step: "no change, files vouched for").reusedPublishedSite)
    }

    @Test func aPublishedFileChangedByHandIsRestored() throws {
        let directory = try builtSite()
        defer { directory.remove() }
        // Changed in place (same inode): neither a no-op nor a hard link may keep the damaged file.
        try appendByHand("<!-- von Hand -->", to: directory.path + "/site/index.html")
        let repaired = try expectIncrementalEqualsClean(directory, step: "after a hand edit")
        #expect(!repaired.reusedPublishedSite)
        // A deleted published file is noticed as well.
        try FileManager.default.removeItem(atPath: directory.path + "/site/robots.txt")
        let restored = try expectIncrementalEqualsClean(directory, step: "after a deletion")
        #expect(!restored.reusedPublishedSite)
    }

    @Test func aDamagedCacheMeansAFullBuild() throws {
        let directory = try builtSite()
        defer { directory.remove() }
        let cacheFolder = directory.path + "/.portal-cache"
        let names = try FileManager.default.contentsOfDirectory(atPath: cacheFolder).filter { $0.hasPrefix("site-") && $0.hasSuffix(".cache") }
        try #require(names.count == 1)
        let cacheFile = cacheFolder + "/" + names[0]
        let bytes = try Data(contentsOf: URL(fileURLWithPath: cacheFile))
        try bytes.prefix(bytes.count / 2).write(to: URL(fileURLWithPath: cacheFile))
        let rebuilt = try expectIncrementalEqualsClean(directory, step: "truncated cache")
        #expect(!rebuilt.reusedPublishedSite && rebuilt.filesReused == 0)
        let again = try expectIncrementalEqualsClean(directory, step: "after the rebuild")
        #expect(again.reusedPublishedSite)
    }

    /// Whether a build checked the content from the last build's snapshot instead of checking all of it.
    func tookTextEdit(_ result: BuildResult) -> Bool {
        !result.timings.contains { $0.phase == "check" } && result.timings.contains { $0.phase == "snapshot" }
    }

    /// A measure whose text runs well past its lead (`RichText.leadLength`), so an edit at its end stays in the text.
    static let longMeasure = secondMeasure + "\n\n" + String(repeating: "Der Assistent füllt nichts selbst aus, er erklärt nur. ", count: 12)
        + "\n\n## Ablauf\n\nSachbearbeitung prüft jeden Antrag.\n"

    @Test(arguments: ContentDecoding.allCases)
    func textEditsAreCheckedAloneAndEqualCleanBuilds(decoding: ContentDecoding) throws {
        try Self.$contentDecoding.withValue(decoding) { try textEditsAreCheckedAloneAndEqualCleanBuilds() }
    }

    func textEditsAreCheckedAloneAndEqualCleanBuilds() throws {
        let directory = try builtSite()
        defer { directory.remove() }
        try put(Self.longMeasure, at: "content/measures/formular.md", in: directory)
        #expect(!tookTextEdit(try expectIncrementalEqualsClean(directory, step: "add a long measure")))

        // Edits past the lead: only the text is checked again, the other pages are kept.
        try put(Self.longMeasure + "\nEin Satz mehr.\n", at: "content/measures/formular.md", in: directory)
        let edit = try expectIncrementalEqualsClean(directory, step: "append a sentence")
        #expect(tookTextEdit(edit))
        try put(Self.longMeasure + "\nMehr dazu [beim Chatbot](chatbot.md) und [hier](https://example.org/).\n", at: "content/measures/formular.md", in: directory)
        #expect(tookTextEdit(try expectIncrementalEqualsClean(directory, step: "add links")))
        // A broken link in the text: the same warning as a full check, at the same line.
        try put(Self.longMeasure + "\nSiehe [weg](gibt-es-nicht.md).\n", at: "content/measures/formular.md", in: directory)
        let broken = build(directory, output: "site", incremental: true)
        try? FileManager.default.removeItem(atPath: directory.path + "/clean")
        let brokenClean = build(directory, output: "clean", incremental: false)
        #expect(tookTextEdit(broken))
        #expect(broken.diagnostics.sorted() == brokenClean.diagnostics.sorted() && !brokenClean.diagnostics.isEmpty)
        #expect(broken.succeeded == brokenClean.succeeded)
        try put(Self.longMeasure + "\nWieder heil.\n", at: "content/measures/formular.md", in: directory)
        try expectIncrementalEqualsClean(directory, step: "fix the link")

        // Changes other pages can see take the full check: a new heading, the lead, the front matter.
        try put(Self.longMeasure + "\n## Neu\n\nText.\n", at: "content/measures/formular.md", in: directory)
        #expect(!tookTextEdit(try expectIncrementalEqualsClean(directory, step: "add a heading")))
        try put(Self.longMeasure.replacingOccurrences(of: "Der Assistent erklärt", with: "Der Assistent beschreibt"), at: "content/measures/formular.md", in: directory)
        #expect(!tookTextEdit(try expectIncrementalEqualsClean(directory, step: "edit the lead")))
        try replace("status: idea", with: "status: pilot", in: "content/measures/formular.md", of: directory)
        #expect(!tookTextEdit(try expectIncrementalEqualsClean(directory, step: "edit the front matter")))

        // A text edit together with a deletion, and a damaged snapshot: full builds, still equal.
        try put(Self.longMeasure + "\nNoch ein Satz.\n", at: "content/measures/formular.md", in: directory)
        try put(nil, at: "content/pages/chancen.md", in: directory)
        #expect(!tookTextEdit(try expectIncrementalEqualsClean(directory, step: "edit and delete")))
        let snapshots = try FileManager.default.contentsOfDirectory(atPath: directory.path + "/.portal-cache").filter { $0.hasPrefix("site-") && $0.hasSuffix(".snapshot") }
        try #require(snapshots.count == 1)
        let snapshotPath = directory.path + "/.portal-cache/" + snapshots[0]
        let bytes = try Data(contentsOf: URL(fileURLWithPath: snapshotPath))
        try bytes.prefix(bytes.count / 2).write(to: URL(fileURLWithPath: snapshotPath))
        try put(Self.longMeasure + "\nUnd noch einer.\n", at: "content/measures/formular.md", in: directory)
        #expect(!tookTextEdit(try expectIncrementalEqualsClean(directory, step: "damaged snapshot")))
        try put(Self.longMeasure + "\nUnd ein letzter.\n", at: "content/measures/formular.md", in: directory)
        #expect(tookTextEdit(try expectIncrementalEqualsClean(directory, step: "after the damaged snapshot")))

        // The search corpus beside the snapshot: one per site, none left half-written; damaged or missing, the
        // text edit counts every document and the index stays the same.
        let cacheNames = try FileManager.default.contentsOfDirectory(atPath: directory.path + "/.portal-cache")
        #expect(!cacheNames.contains { $0.contains(".tmp-") }, "\(cacheNames)")
        let corpora = cacheNames.filter { $0.hasPrefix("site-") && $0.hasSuffix(".search") }
        try #require(corpora.count == 1)
        let corpusPath = directory.path + "/.portal-cache/" + corpora[0]
        let corpusBytes = try Data(contentsOf: URL(fileURLWithPath: corpusPath))
        try corpusBytes.prefix(corpusBytes.count - 7).write(to: URL(fileURLWithPath: corpusPath))
        try put(Self.longMeasure + "\nDas Korpus ist beschädigt.\n", at: "content/measures/formular.md", in: directory)
        #expect(tookTextEdit(try expectIncrementalEqualsClean(directory, step: "damaged search corpus")))
        try FileManager.default.removeItem(atPath: corpusPath)
        try put(Self.longMeasure + "\nDas Korpus fehlt.\n", at: "content/measures/formular.md", in: directory)
        #expect(tookTextEdit(try expectIncrementalEqualsClean(directory, step: "missing search corpus")))
        #expect(FileManager.default.fileExists(atPath: corpusPath))
        try put(Self.longMeasure + "\nDas Korpus ist wieder da.\n", at: "content/measures/formular.md", in: directory)
        #expect(tookTextEdit(try expectIncrementalEqualsClean(directory, step: "search corpus back")))
    }

    /// A build decodes the stored content ahead only when some content file has a new stamp (`CachePrefetch`); an
    /// edit that keeps its file's size, time and inode (written twice within the clock's resolution) is still taken
    /// up as a text edit, and equal to a clean build.
    @Test func aTextEditThatKeptItsFileStampIsStillTakenUp() throws {
        let directory = try builtSite()
        defer { directory.remove() }
        let path = "content/measures/formular.md", absolute = directory.path + "/content/measures/formular.md"
        try put(Self.longMeasure + "\nSatz A.\n", at: path, in: directory)
        try expectIncrementalEqualsClean(directory, step: "add a long measure")
        try put(Self.longMeasure + "\nSatz B.\n", at: path, in: directory)
        #expect(tookTextEdit(try expectIncrementalEqualsClean(directory, step: "a text edit")))
        var before = stat()
        try #require(stat(absolute, &before) == 0)
        let stampBefore = FileStamp.of(absolute)
        // The same length in place (same inode), then the old modification time back.
        let handle = try #require(FileHandle(forWritingAtPath: absolute))
        try handle.write(contentsOf: Data((Self.longMeasure + "\nSatz C.\n").utf8))
        try handle.close()
        var times = [before.st_atim, before.st_mtim]
        try #require(utimensat(AT_FDCWD, absolute, &times, 0) == 0)
        try #require(FileStamp.of(absolute) == stampBefore, "the edit kept the file's stamp")
        let edit = try expectIncrementalEqualsClean(directory, step: "an edit with the old stamp")
        #expect(tookTextEdit(edit))
        #expect(try read("site/massnahmen/formular/index.html", in: directory).contains("Satz C."))
    }

    /// An update whose text runs past its lead; `extra` is appended to it.
    static func longUpdate(_ title: String, _ extra: String) -> String {
        "---\ntitle: \(title)\ndate: 2025-06-0\(title.hasPrefix("Erst") ? 1 : 2)\ntype: news\n---\n"
            + String(repeating: "Die Verwaltung berichtet über den Stand. ", count: 14) + "\n\n" + extra + "\n"
    }

    /// Text edits of different documents in a row: each build keeps the content file of the last full check and
    /// stores the texts edited since beside it, so the feeds (which show every update's whole text, links
    /// resolved) stay equal to a clean build's.
    @Test(arguments: ContentDecoding.allCases)
    func textEditsOfSeveralDocumentsInARowKeepEachOthersTexts(decoding: ContentDecoding) throws {
        try Self.$contentDecoding.withValue(decoding) { try textEditsOfSeveralDocumentsInARowKeepEachOthersTexts() }
    }

    func textEditsOfSeveralDocumentsInARowKeepEachOthersTexts() throws {
        let directory = try builtSite()
        defer { directory.remove() }
        try put(Self.longUpdate("Erstens", "Anfang."), at: "content/updates/2025-06-01-erstens.md", in: directory)
        try put(Self.longUpdate("Zweitens", "Anfang."), at: "content/updates/2025-06-02-zweitens.md", in: directory)
        #expect(!tookTextEdit(try expectIncrementalEqualsClean(directory, step: "two long updates")))
        try put(Self.longUpdate("Erstens", "Siehe [den Chatbot](../measures/chatbot.md) und [Punkt 1](../motions/AT-0001-2025.md#punkt-1)."),
                at: "content/updates/2025-06-01-erstens.md", in: directory)
        #expect(tookTextEdit(try expectIncrementalEqualsClean(directory, step: "links in the first")))
        try put(Self.longUpdate("Zweitens", "Siehe [die Chancen](../pages/chancen.md#wo-ki-hilft)."),
                at: "content/updates/2025-06-02-zweitens.md", in: directory)
        #expect(tookTextEdit(try expectIncrementalEqualsClean(directory, step: "a link in the second")))
        // A broken link fails the build with the one error a full check reports; the next build starts again from
        // the last successful one.
        try put(Self.longUpdate("Zweitens", "Siehe [weg](gibt-es-nicht.md)."), at: "content/updates/2025-06-02-zweitens.md", in: directory)
        let broken = build(directory, output: "site", incremental: true)
        #expect(tookTextEdit(broken) && !broken.succeeded && broken.diagnostics.all.map(\.code) == [.brokenLink], "\(broken.diagnostics.all)")
        try put(Self.longUpdate("Erstens", "Nur noch Text."), at: "content/updates/2025-06-01-erstens.md", in: directory)
        try put(Self.longUpdate("Zweitens", "Wieder ohne Link."), at: "content/updates/2025-06-02-zweitens.md", in: directory)
        #expect(tookTextEdit(try expectIncrementalEqualsClean(directory, step: "both edited, the link gone")))
        // A full check writes a new content file; the edits after it build on that one.
        try replace("title: Erstens", with: "title: Erstens neu", in: "content/updates/2025-06-01-erstens.md", of: directory)
        #expect(!tookTextEdit(try expectIncrementalEqualsClean(directory, step: "front matter")))
        try put(Self.longUpdate("Zweitens", "Wieder heil, mit [Link](../measures/chatbot.md)."), at: "content/updates/2025-06-02-zweitens.md", in: directory)
        let healed = try expectIncrementalEqualsClean(directory, step: "the second healed")
        #expect(tookTextEdit(healed) && healed.diagnostics.all.isEmpty, "\(healed.diagnostics.all)")
        // A damaged content file: a full build, still equal.
        let cacheFolder = directory.path + "/.portal-cache/"
        let contentFiles = try FileManager.default.contentsOfDirectory(atPath: cacheFolder).filter { $0.hasPrefix("site-") && $0.hasSuffix(".content") }
        try #require(contentFiles.count == 1)
        let contentBytes = try Data(contentsOf: URL(fileURLWithPath: cacheFolder + contentFiles[0]))
        try contentBytes.prefix(contentBytes.count * 2 / 3).write(to: URL(fileURLWithPath: cacheFolder + contentFiles[0]))
        try put(Self.longUpdate("Zweitens", "Nach dem Schaden."), at: "content/updates/2025-06-02-zweitens.md", in: directory)
        #expect(!tookTextEdit(try expectIncrementalEqualsClean(directory, step: "damaged content file")))
    }

    /// A small site's text edit takes the other documents' texts from the texts file an earlier text edit stored
    /// (`DocumentTextsFile`), not from their content files, but only a text whose recorded file hash still holds:
    /// a text altered in that file under its right hash shows (which proves the file is read), one under a wrong
    /// hash does not, and a damaged file means the content files are read (and the texts stored anew).
    @Test func aTextEditTakesOtherTextsFromTheStoredTextsWhileTheirHashesHold() throws {
        let directory = try builtSite()
        defer { directory.remove() }
        try put(Self.longUpdate("Erstens", "Anfang."), at: "content/updates/2025-06-01-erstens.md", in: directory)
        try put(Self.longUpdate("Zweitens", "Anfang."), at: "content/updates/2025-06-02-zweitens.md", in: directory)
        #expect(!tookTextEdit(try expectIncrementalEqualsClean(directory, step: "two long updates")))
        let cacheFolder = directory.path + "/.portal-cache/"
        func textsFiles() throws -> [String] {
            try FileManager.default.contentsOfDirectory(atPath: cacheFolder).filter { $0.hasPrefix("site-") && $0.contains(".texts") }
        }
        #expect(try textsFiles().isEmpty, "a full check stores no texts")
        // The first text edit reads the texts from their files and stores them.
        try put(Self.longUpdate("Erstens", "Zuerst."), at: "content/updates/2025-06-01-erstens.md", in: directory)
        #expect(tookTextEdit(try expectIncrementalEqualsClean(directory, step: "the first text edit")))
        let name = try #require(try FileManager.default.contentsOfDirectory(atPath: cacheFolder).first { $0.hasPrefix("site-") && $0.hasSuffix(".texts") })
        let stored = try Data(contentsOf: URL(fileURLWithPath: cacheFolder + name))
        // The second update's text, altered at the same length; its hash field stays, or is altered too.
        let path = Data("updates/2025-06-02-zweitens.md".utf8), sentence = Data("Die Verwaltung berichtet".utf8)
        let pathRange = try #require(stored.range(of: path))
        let hashStart = pathRange.upperBound + 4
        let textRange = try #require(stored.range(of: sentence, in: pathRange.upperBound..<stored.endIndex))
        var altered = stored
        altered.replaceSubrange(textRange, with: Data("DIE VERWALTUNG BERICHTET".utf8))
        try altered.write(to: URL(fileURLWithPath: cacheFolder + name))
        try put(Self.longUpdate("Erstens", "Ein Satz mehr."), at: "content/updates/2025-06-01-erstens.md", in: directory)
        #expect(tookTextEdit(build(directory, output: "site", incremental: true)))
        // The feed shows every update's whole text, so the text edit of the first renders it again.
        #expect(try read("site/aktuelles/atom.xml", in: directory).contains("DIE VERWALTUNG BERICHTET"))

        altered[hashStart] = altered[hashStart] == UInt8(ascii: "0") ? UInt8(ascii: "1") : UInt8(ascii: "0")
        try altered.write(to: URL(fileURLWithPath: cacheFolder + name))
        try put(Self.longUpdate("Erstens", "Noch ein Satz."), at: "content/updates/2025-06-01-erstens.md", in: directory)
        let wrongHash = try expectIncrementalEqualsClean(directory, step: "a stored text under a wrong hash")
        #expect(tookTextEdit(wrongHash))

        try stored.prefix(stored.count - 5).write(to: URL(fileURLWithPath: cacheFolder + name))
        try put(Self.longUpdate("Erstens", "Ein dritter Satz."), at: "content/updates/2025-06-01-erstens.md", in: directory)
        #expect(tookTextEdit(try expectIncrementalEqualsClean(directory, step: "a damaged texts file")))
        #expect(try Data(contentsOf: URL(fileURLWithPath: cacheFolder + name)).range(of: sentence) != nil, "stored anew")
        // A full check removes the file: its texts belong to the content file it replaces.
        try replace("title: Erstens", with: "title: Erstens neu", in: "content/updates/2025-06-01-erstens.md", of: directory)
        #expect(!tookTextEdit(try expectIncrementalEqualsClean(directory, step: "front matter")))
        #expect(try textsFiles().isEmpty)
    }

    /// A content file that does not fit the files (an older one under the current one's stamp, which no build
    /// writes): a text edit finds it out — after letting the files go, when it decodes first — and the build is a
    /// full one, equal to a clean build.
    @Test(arguments: ContentDecoding.allCases)
    func aContentFileThatDoesNotFitTheFilesMeansAFullBuild(decoding: ContentDecoding) throws {
        try Self.$contentDecoding.withValue(decoding) {
            let directory = try builtSite()
            defer { directory.remove() }
            try put(Self.longUpdate("Erstens", "Anfang."), at: "content/updates/2025-06-01-erstens.md", in: directory)
            try put(Self.longUpdate("Zweitens", "Anfang."), at: "content/updates/2025-06-02-zweitens.md", in: directory)
            try expectIncrementalEqualsClean(directory, step: "two long updates")
            let cacheFolder = directory.path + "/.portal-cache/"
            let name = try #require(try FileManager.default.contentsOfDirectory(atPath: cacheFolder).first { $0.hasPrefix("site-") && $0.hasSuffix(".content") })
            let older = try Data(contentsOf: URL(fileURLWithPath: cacheFolder + name))
            // The second update goes (a full build with a new content file), then the older content file, which
            // still has it, takes the new one's place under the new one's stamp (its first two lines).
            try put(nil, at: "content/updates/2025-06-02-zweitens.md", in: directory)
            try expectIncrementalEqualsClean(directory, step: "the second update deleted")
            let newer = try Data(contentsOf: URL(fileURLWithPath: cacheFolder + name))
            func stampLength(_ data: Data) throws -> Int {
                let first = try #require(data.firstIndex(of: 0x0A))
                return try #require(data[(first + 1)...].firstIndex(of: 0x0A)) + 1
            }
            try (newer.prefix(try stampLength(newer)) + older.dropFirst(try stampLength(older))).write(to: URL(fileURLWithPath: cacheFolder + name))
            try put(Self.longUpdate("Erstens", "Ein Satz mehr."), at: "content/updates/2025-06-01-erstens.md", in: directory)
            let edit = try expectIncrementalEqualsClean(directory, step: "a text edit on the older content file")
            #expect(!tookTextEdit(edit))
            try put(Self.longUpdate("Erstens", "Noch ein Satz."), at: "content/updates/2025-06-01-erstens.md", in: directory)
            #expect(tookTextEdit(try expectIncrementalEqualsClean(directory, step: "the next text edit")))
        }
    }

    /// The spare folder of an incremental build: the site the last build replaced.
    func spare(_ directory: TemporaryDirectory) throws -> String {
        let cacheFolder = directory.path + "/.portal-cache"
        let names = try FileManager.default.contentsOfDirectory(atPath: cacheFolder).filter { $0.hasPrefix("site-") && $0.hasSuffix(".spare") }
        try #require(names.count == 1)
        return cacheFolder + "/" + names[0]
    }

    @Test func theReplacedSiteIsReusedAndRepairedWhereItWasChanged() throws {
        let directory = try builtSite()
        defer { directory.remove() }
        let robots = inode(directory.path + "/site/robots.txt")
        try replace("title: Chatbot im Bürgerservice", with: "title: Chatbot A", in: "content/measures/chatbot.md", of: directory)
        try expectIncrementalEqualsClean(directory, step: "second build")
        // The third build takes over the first build's folder: unchanged files stay where they are.
        try replace("title: Chatbot A", with: "title: Chatbot B", in: "content/measures/chatbot.md", of: directory)
        let third = try expectIncrementalEqualsClean(directory, step: "third build, in the first build's folder")
        #expect(third.filesReused > 0)
        #expect(inode(directory.path + "/site/robots.txt") == robots, "kept, not written again")

        // Whatever happened to the spare site since, the next build is exactly a clean one.
        let spareSite = try spare(directory)
        let fileManager = FileManager.default
        try Data("versteckt".utf8).write(to: URL(fileURLWithPath: spareSite + "/.htaccess"))
        try fileManager.createDirectory(atPath: spareSite + "/fremd/tief", withIntermediateDirectories: true)
        try Data("x".utf8).write(to: URL(fileURLWithPath: spareSite + "/fremd/tief/datei.html"))
        try fileManager.createSymbolicLink(atPath: spareSite + "/verweis", withDestinationPath: "/etc")
        try appendByHand("<!-- von Hand -->", to: spareSite + "/index.html")
        // A folder where the site has a file, and a file where it has a folder.
        try fileManager.removeItem(atPath: spareSite + "/robots.txt")
        try fileManager.createDirectory(atPath: spareSite + "/robots.txt/innen", withIntermediateDirectories: true)
        try fileManager.removeItem(atPath: spareSite + "/massnahmen")
        try Data("keine Mappe".utf8).write(to: URL(fileURLWithPath: spareSite + "/massnahmen"))
        try replace("title: Chatbot B", with: "title: Chatbot C", in: "content/measures/chatbot.md", of: directory)
        try expectIncrementalEqualsClean(directory, step: "a changed spare site")

        // A name that is not UTF-8 cannot be tracked: the spare site is not used at all.
        let other = try spare(directory)
        var bytes = Array((other + "/kaputt-").utf8)
        bytes += [0xFF, 0xFE, 0]
        let descriptor = bytes.withUnsafeBufferPointer { buffer in
            buffer.baseAddress!.withMemoryRebound(to: CChar.self, capacity: bytes.count) { open($0, O_WRONLY | O_CREAT, 0o644) }
        }
        try #require(descriptor >= 0)
        close(descriptor)
        try replace("title: Chatbot C", with: "title: Chatbot D", in: "content/measures/chatbot.md", of: directory)
        let fresh = try expectIncrementalEqualsClean(directory, step: "a spare site with a name that is not UTF-8")
        #expect(fresh.succeeded)
    }
}
