import Foundation
import PortalContent
import PortalRender
import PortalSearch

extension Builder {
    /// A build whose only changed inputs are document texts: the content as the last build's snapshot and the
    /// edited texts make it, what that build rendered, and its search corpus when it was kept.
    struct TextEdit {
        var content: CheckedContent
        /// The relative paths of the changed documents.
        var changed: Set<String>
        var record: RenderRecord
        /// The last build's search corpus, read on another core while the build goes on (nil: count every document).
        var search: Background<SearchCorpus?>
        /// The content file the snapshot completes, and the documents whose texts it stores beside it.
        var contentID: String
        var overlayPaths: Set<String>
        /// Whether the site is small (its content file at most `sideBySideLimit`): the build may then do more at
        /// once, which needs more memory.
        var isSmall: Bool
        /// Whether the build is to store every document's text (`DocumentTextsFile`): it read more of them from
        /// their files than the limit it was given (`storedTextsLimit`).
        var storesTexts: Bool

        /// The most texts a small site's text edit reads from their files without storing all texts anew: a few
        /// documents edited since the texts were stored cost less to read than the 62 MB of 10,000 articles' texts
        /// cost to write.
        static let storedTextsLimit = 64

        /// The largest content file decoded while the build loads and reads the texts back (10,000 articles: 23 MB).
        static let sideBySideLimit: Int64 = 64 << 20

        /// The text edit these inputs are, when the only inputs that changed since the last build are document
        /// texts that `CheckedContent.replacingTexts` can take; nil means a full build.
        ///
        /// The content files' bytes are let go once their texts were read back (a large site's files and texts
        /// would not fit in memory together with the search corpus); a large site's corpus is then read on another
        /// core, a small site's was read with its content (`CachePrefetch`). Reads only the content files it needs
        /// (the changed ones were read already); nil when one of them changed since it was listed (the caller's full
        /// build, reading every file, then finds the same and starts again).
        init?(
            inputs: inout Inputs, fileHashes: [String: String], baseFingerprint: String, prefetch: CachePrefetch,
            snapshotPath: String, searchCorpusPath: String, storedTextsLimit: Int = storedTextsLimit
        ) {
            guard let previous = prefetch.cache.value, let snapshot = prefetch.snapshot.value,
                  snapshot.gate.baseFingerprint == baseFingerprint, snapshot.gate.fileHashes.count == fileHashes.count else { return nil }
            var changedFiles: [ContentFile] = []
            for file in inputs.files {
                guard let hash = snapshot.gate.fileHashes[file.relativePath] else { return nil }
                if hash != fileHashes[file.relativePath] { changedFiles.append(file) }
            }
            // Only Markdown documents can be text edits; anything else is known before the large part is decoded.
            guard !changedFiles.isEmpty, changedFiles.allSatisfy({ $0.relativePath.hasSuffix(".md") }) else { return nil }
            // A small content file was decoded on another core while the build loaded (`CachePrefetch`), with the
            // texts an earlier text edit stored beside it (`DocumentTextsFile`): only the texts that file cannot give
            // are read from the content files. A large one is decoded only now, and each file let go as its text is
            // read back: side by side, a text edit of 100,000 articles held the content file (229 MB), every file
            // and every text at once (2.10 GB instead of 1.89 GB).
            let changed = Set(changedFiles.map(\.relativePath))
            let edited: CheckedContent?
            var bodies: [String: String] = [:]
            var decodedAhead = false
            var storesTexts = false
            if let decoding = prefetch.content {
                switch decoding.take() {
                case .content(let content):
                    edited = content?.replacingTexts(of: changedFiles)
                    decodedAhead = true
                // Changed files with their old stamps (written twice within the clock's resolution, say).
                case .skipped: edited = snapshot.content(snapshotPath: snapshotPath)?.replacingTexts(of: changedFiles)
                }
                guard let edited else { return nil }
                let stored = prefetch.texts?.take() ?? nil
                var unstored: Set<String> = []
                edited.site.forEachDocumentText { path, _ in
                    guard path.hasSuffix(".md"), !changed.contains(path) else { return }
                    if let text = stored?[path], text.fileHash == fileHashes[path] {
                        bodies[path] = text.markdown
                    } else {
                        unstored.insert(path)
                    }
                }
                if !unstored.isEmpty {
                    storesTexts = unstored.count > storedTextsLimit
                    guard inputs.readUnread(unstored) else { return nil }
                    let files = inputs.files.filter { unstored.contains($0.relativePath) }
                    bodies.merge(CheckedContent.documentBodies(of: files)) { _, read in read }
                }
            } else {
                // After this the files are gone: should the texts not fit the content, the caller starts again.
                guard inputs.readUnread(), let checked = snapshot.content(snapshotPath: snapshotPath)?.replacingTexts(of: changedFiles)
                else { return nil }
                edited = checked
                bodies = CheckedContent.documentBodies(of: inputs.takeFiles())
            }
            guard let edited, let restored = edited.restoringTexts(from: bodies, keeping: changed) else { return nil }
            _ = inputs.takeFiles()
            // A small site's corpus was read along with its content; a large one's only now, once the files are
            // gone (on another core while the staging site is taken over).
            let search: Background<SearchCorpus?>
            if decodedAhead, let prefetched = prefetch.search {
                search = prefetched
            } else {
                let fingerprint = previous.fingerprint
                search = Background { SearchCorpusFile.read(from: searchCorpusPath, fingerprint: fingerprint) }
            }
            self.content = restored
            self.changed = changed
            self.record = snapshot.body.render
            self.search = search
            self.contentID = snapshot.gate.contentID
            self.overlayPaths = snapshot.body.overlay.paths
            self.isSmall = prefetch.content != nil
            self.storesTexts = storesTexts
        }
    }
}
