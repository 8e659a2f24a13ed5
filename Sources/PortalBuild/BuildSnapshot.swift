import Foundation
import PortalContent
import PortalModel
import PortalRender

/// What the last successful build knew about its content and pages, kept beside the `BuildCache` so the next
/// build can check and render only what an edit of document texts touched (see `CheckedContent` and `RenderReuse`).
///
/// Belongs to exactly one cache file: `fingerprint` equals the cache's. Unreadable, foreign or mismatched means a
/// full build, never a wrong one.
struct BuildSnapshot: Sendable, Codable {
    /// The `BuildCache.fingerprint` of the build that wrote it.
    var fingerprint: String
    /// The fingerprint of every input except the content files' bytes (see `Builder.inputFingerprint`).
    var baseFingerprint: String
    /// Each content file's `ContentHash`, by relative path.
    var fileHashes: [String: String]
    /// The checked content, without the documents' texts.
    var content: CheckedContent
    var render: RenderRecord

    private static let header = Array("portal-snapshot 1\n".utf8)

    /// The snapshot file beside the cache file at `cachePath`.
    static func location(cachePath: String) -> String {
        (cachePath.hasSuffix(".cache") ? String(cachePath.dropLast(".cache".count)) : cachePath) + ".snapshot"
    }

    /// Reads a snapshot; nil when missing or not understood.
    static func read(from path: String) -> BuildSnapshot? {
        guard let data = FileManager.default.contents(atPath: path), data.starts(with: header) else { return nil }
        return try? SnapshotDecoder().decode(BuildSnapshot.self, from: [UInt8](data.dropFirst(header.count)))
    }

    /// Writes the snapshot atomically; a failure only means the next build is a full one.
    func write(to path: String) {
        let temporary = path + ".tmp-\(getpid())"
        do {
            let bytes = try Self.header + SnapshotEncoder().encode(self)
            try FileManager.default.createDirectory(atPath: (path as NSString).deletingLastPathComponent, withIntermediateDirectories: true)
            try Data(bytes).write(to: URL(fileURLWithPath: temporary))
            if rename(temporary, path) != 0 { try? FileManager.default.removeItem(atPath: temporary) }
        } catch {
            try? FileManager.default.removeItem(atPath: temporary)
            Self.remove(at: path)
        }
    }

    static func remove(at path: String) {
        unlink(path)
    }
}
