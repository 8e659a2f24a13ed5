import Foundation
import PortalModel
@testable import PortalRender
import PortalSearch
import Testing

/// The pages and files a build keeps when only document texts changed (`RenderReuse`) are exactly those whose bytes
/// did not change: for every document of the fixture and example sites, its text is edited (its headings and lead
/// staying as they were, the condition under which the content stage allows this), the whole site rendered again,
/// and every file the reuse would have kept compared with the new one.
@Suite struct RenderReuseTests {
    /// Renders `site`, keeping through `reuse`; returns the files by path (kept ones are absent), the record and
    /// the search corpus.
    static func render(_ site: Site, theme: Theme, reuse: RenderReuse? = nil) -> (files: [String: [UInt8]], record: RenderRecord, corpus: SearchCorpus?) {
        let options = RenderOptions(baseURL: nil, generatorVersion: "test")
        let collected = Collected()
        var corpus: SearchCorpus?
        let rendered = SiteRenderer.renderTimed(
            site: site, theme: theme, options: options, pageSink: { file, _ in collected.add(file) }, reuse: reuse,
            corpusSink: { corpus = $0 })
        for file in rendered.files { collected.add(file) }
        return (collected.files, rendered.record, corpus)
    }

    /// The site with a sentence appended to the text at `path`.
    static func appending(_ sentence: String, to path: String, in site: Site) -> Site {
        var edited = site
        edited.mapDocumentTexts { source, text in
            source == path ? text.replacingMarkdown(text.markdown + "\n\n" + sentence + "\n") : text
        }
        return edited
    }

    final class Collected: @unchecked Sendable {
        private let lock = NSLock()
        private var stored: [String: [UInt8]] = [:]
        private var keptPaths: [String] = []
        var files: [String: [UInt8]] { lock.withLock { stored } }
        var kept: [String] { lock.withLock { keptPaths } }
        func add(_ file: OutputFile) { lock.withLock { stored[file.path] = file.bytes } }
        func keep(_ path: String) -> Bool { lock.withLock { keptPaths.append(path) }; return true }
    }

    static func sites() throws -> [(String, Site)] {
        [("fixture", try TestSupport.site()), ("example", try TestSupport.repositorySite())]
    }

    @Test(arguments: ["fixture", "example"])
    func keptFilesAreTheFilesAnEditedTextLeavesUnchanged(siteName: String) throws {
        let site = try #require(try Self.sites().first { $0.0 == siteName }?.1)
        let theme = try TestSupport.theme()
        let before = Self.render(site, theme: theme)
        var paths: [String] = []
        site.forEachDocumentText { path, _ in paths.append(path) }
        #expect(paths.count >= 5)
        for path in paths {
            let edited = Self.appending("Ein neuer Absatz am Ende mit einem [Link](https://example.org/neu) und Quittenbrot.", to: path, in: site)
            let after = Self.render(edited, theme: theme)
            let collected = Collected()
            let reuse = RenderReuse(changedTexts: [path], previous: before.record, previousSearch: before.corpus) { kept, _ in collected.keep(kept) }
            let reused = Self.render(edited, theme: theme, reuse: reuse)
            #expect(!collected.kept.isEmpty, "\(path): nothing kept")
            for kept in collected.kept {
                #expect(before.files[kept] != nil, "\(path): \(kept) was not made before")
                #expect(after.files[kept] == before.files[kept], "\(path): \(kept) changed but was kept")
            }
            // What was made instead of kept is what a full render makes.
            for (file, bytes) in reused.files { #expect(after.files[file] == bytes, "\(path): \(file)") }
            #expect(Set(reused.files.keys).union(collected.kept) == Set(after.files.keys), "\(path): every file made or kept")
            // The edit shows somewhere: the document's own page changed and was made again.
            let changed = after.files.keys.filter { after.files[$0] != before.files[$0] }
            #expect(!changed.isEmpty, "\(path): the edit changed nothing")
        }
    }

    /// The search index of a text edit counts the changed documents again and takes every other document's words
    /// from the previous corpus: shown by a previous corpus in which another document had a word it no longer has.
    @Test func searchIndexCountsOnlyTheChangedTextsAgain() throws {
        let site = try TestSupport.site()
        let theme = try TestSupport.theme()
        let update = try #require(site.updates.first?.sourcePath)
        let measure = try #require(site.measures.first?.sourcePath)
        let stale = Self.render(Self.appending("Zwiebelkuchenfest.", to: measure, in: site), theme: theme)
        let edited = Self.appending("Quittenbrot für alle.", to: update, in: site)
        let reused = Self.render(edited, theme: theme, reuse: RenderReuse(changedTexts: [update], previous: stale.record, previousSearch: stale.corpus) { _, _ in false })
        let expected = Self.render(Self.appending("Zwiebelkuchenfest.", to: measure, in: edited), theme: theme)
        let fresh = Self.render(edited, theme: theme)
        let indexPaths = expected.files.keys.filter { $0.hasPrefix("suche/index/") }
        #expect(indexPaths.count >= 5)
        for path in indexPaths { #expect(reused.files[path] == expected.files[path], "\(path)") }
        #expect(indexPaths.contains { reused.files[$0] != fresh.files[$0] })
    }
}

