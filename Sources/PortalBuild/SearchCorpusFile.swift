import Foundation
import PortalSearch

/// The search corpus of the last successful build (see `SearchCorpus`), kept beside its `BuildSnapshot` so a text
/// edit counts only the changed documents' words again.
///
/// Written as soon as the render stage has counted it, under a temporary name that the build gives its final
/// name only once the build succeeded (`publish`); it belongs to the cache file whose fingerprint it names.
/// Unreadable, foreign or mismatched means the index is counted from scratch, never a wrong index.
enum SearchCorpusFile {
    private static let header = Array("portal-search-corpus-file 1\n".utf8)

    /// What a corpus file of the build with `fingerprint` starts with.
    private static func stamp(_ fingerprint: String) -> [UInt8] {
        header + Array((fingerprint + "\n").utf8)
    }

    /// The corpus file beside the snapshot at `snapshotPath`.
    static func location(snapshotPath: String) -> String {
        snapshotPath.replacingSuffix(".snapshot", with: ".search")
    }

    /// Writes `corpus`, belonging to the build with `fingerprint`, to the temporary location of `path`; a failure
    /// only means the next text edit counts every document.
    static func writeTemporary(_ corpus: SearchCorpus, fingerprint: String, path: String) {
        try? CacheFile.writeTemporary(of: path, stamp: stamp(fingerprint)) { file in try corpus.encode { try file.write($0) } }
    }

    /// Gives the temporary file of this process its final name (or removes the final one when there is none).
    static func publish(at path: String) {
        if !TemporaryFile.publish(path) { unlink(path) }
    }

    /// Removes the corpus file.
    static func remove(at path: String) {
        unlink(path)
    }

    /// Removes this process's temporary file and those that killed builds left.
    static func discardTemporary(at path: String) {
        TemporaryFile.discard(at: path)
    }

    /// The corpus of the build with `fingerprint`; nil when missing, damaged or of another build.
    static func read(from path: String, fingerprint: String) -> SearchCorpus? {
        let stamp = stamp(fingerprint)
        guard let bytes = CacheFile.read(path, stamp: stamp) else { return nil }
        return try? SearchCorpus(encoded: bytes, startingAt: stamp.count)
    }
}
