import PortalContent
import PortalSearch
import Synchronization

/// The last build's cache file and snapshot, read on other cores while the build loads its content; and a small
/// site's stored content, search corpus and document texts, decoded there too (a text edit of 10,000 articles
/// waited ~0.25 s for the content after loading).
///
/// Each part starts as soon as what it needs is read: the snapshot after the cache (it must be the cache's), the
/// content after the snapshot, and only when some content file no longer has the stamp the snapshot recorded: with
/// every file as it was, the build is most likely a no-op, which the decoding would slow down by half (10,000
/// articles: 0.20 → 0.30 s). A build that finds it needs none of it calls `cancel()`: the decoding stops at its
/// next container instead of finishing for nothing (a full build, a no-op despite new stamps).
final class CachePrefetch: Sendable {
    /// The cache file, nil when missing or not understood.
    let cache: Background<BuildCache?>
    /// The snapshot file with its gate decoded, nil when missing, not understood or not the cache's.
    private let opened: Background<BuildSnapshot.Opened?>
    /// The snapshot file, nil when missing, not understood or not the cache's.
    let snapshot: Background<BuildSnapshot?>
    /// The snapshot's content with its overlay applied, when its file was at most the size limit given (nil when
    /// larger: decoded when needed, with less else in memory).
    let content: Background<Decoded>?
    /// The last build's search corpus, read along with a small content (nil: read it when needed); nil inside
    /// when missing, damaged or skipped like the content.
    let search: Background<SearchCorpus?>?
    /// The document texts stored with the content (`DocumentTextsFile`), read along with a small content (nil: the
    /// content files are read instead); nil inside when missing, damaged or skipped like the content.
    let texts: Background<[String: DocumentTextsFile.Text]?>?
    /// The content files the last snapshot recorded, for `ContentReader` to trust (nil without a snapshot, or
    /// one of a large site, which records no stamps). Whether or not the snapshot is the cache's: its hashes are
    /// those of the files with its stamps either way.
    let knownFiles: Background<ContentReader.KnownFiles?>
    private let cancelled: Flag

    /// What became of the content.
    enum Decoded: Sendable {
        /// Decoded; nil when the file is missing, damaged or another build's, or the decoding was cancelled.
        case content(CheckedContent?)
        /// Not decoded: every content file had its stamp, or there was no snapshot.
        case skipped
    }

    /// Starts reading the cache at `cachePath`, its snapshot at `snapshotPath` and, when `decodingContentUpTo` is
    /// given and the content file is no larger, the content and the search corpus at `searchCorpusPath` (when a
    /// file in `contentDirectory` has a new stamp).
    init(cachePath: String, snapshotPath: String, searchCorpusPath: String, contentDirectory: String, decodingContentUpTo limit: Int64?) {
        let cache = Background { BuildCache.read(from: cachePath) }
        // The snapshot is read beside the cache (10,000 articles: 0.15 s to read the cache's manifest), its gate
        // first; whether it is the cache's is checked once both are read.
        let unchecked = Background { BuildSnapshot.open(snapshotPath) }
        knownFiles = Background {
            guard let gate = unchecked.value?.gate, !gate.fileStamps.isEmpty, gate.readStarted > 0 else { return nil }
            return ContentReader.KnownFiles(stamps: gate.fileStamps, hashes: gate.fileHashes, readStarted: gate.readStarted)
        }
        let opened = Background { () -> BuildSnapshot.Opened? in
            guard let opened = unchecked.value, let fingerprint = cache.value?.fingerprint,
                  opened.gate.fingerprint == fingerprint else { return nil }
            return opened
        }
        let snapshot = Background { opened.value?.decoded() }
        let cancelled = Flag()
        let contentSize = FileStamp.of(BuildSnapshot.contentLocation(snapshotPath: snapshotPath))?.size
        if let limit, let contentSize, contentSize <= limit {
            // The content file is decoded beside the snapshot's body, whose overlay it takes at the end.
            let worthDecoding = Background { opened.value.map { Self.someFileChanged(since: $0.gate, in: contentDirectory) } ?? false }
            content = Background {
                guard worthDecoding.value, let contentID = opened.value?.gate.contentID else { return .skipped }
                let stored = BuildSnapshot.content(contentID: contentID, snapshotPath: snapshotPath, isCancelled: { cancelled.isSet })
                guard let stored, let overlay = snapshot.value?.body.overlay else { return .content(nil) }
                return .content(stored.applying(overlay))
            }
            search = Background {
                guard worthDecoding.value, !cancelled.isSet, let fingerprint = cache.value?.fingerprint else { return nil }
                return SearchCorpusFile.read(from: searchCorpusPath, fingerprint: fingerprint)
            }
            texts = Background {
                guard worthDecoding.value, !cancelled.isSet, let contentID = opened.value?.gate.contentID else { return nil }
                return DocumentTextsFile.read(contentID: contentID, snapshotPath: snapshotPath)
            }
        } else {
            content = nil
            search = nil
            texts = nil
        }
        self.cache = cache
        self.opened = opened
        self.snapshot = snapshot
        self.cancelled = cancelled
    }

    /// Whether a content file the snapshot knows is gone or has another stamp (files added since do not count:
    /// they mean a full build).
    private static func someFileChanged(since gate: BuildSnapshot.Gate, in contentDirectory: String) -> Bool {
        gate.fileStamps.contains { path, stamp in ContentStamp.of(contentDirectory + "/" + path) != stamp }
    }

    /// The snapshot file with its gate decoded, when it is the cache's (waits for it).
    var openedSnapshot: BuildSnapshot.Opened? {
        opened.value
    }

    /// Stops decoding the content (which then is nil); the cache and snapshot stay readable.
    func cancel() {
        cancelled.set()
    }

    /// Cancels what is still running and lets go of the snapshot, content and (unless `keepingSearch`, for a text
    /// edit that took it over) corpus: the build would hold them to its end (tens of MB at 100,000 articles). The
    /// cache stays readable.
    func finish(keepingSearch: Bool = false) {
        cancel()
        // The content and the corpus read the snapshot: they go first.
        content?.discard()
        texts?.discard()
        if !keepingSearch { search?.discard() }
        snapshot.discard()
        opened.discard()
        knownFiles.discard()
    }

    /// A flag set once, read from any thread.
    private final class Flag: Sendable {
        private let value = Atomic<Bool>(false)

        var isSet: Bool { value.load(ordering: .relaxed) }

        func set() {
            value.store(true, ordering: .relaxed)
        }
    }
}
