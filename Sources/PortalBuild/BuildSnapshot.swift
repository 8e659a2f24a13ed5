import Foundation
import PortalContent
import PortalModel
import PortalRender

/// What the last successful build knew about its content and pages, kept beside the `BuildCache` so the next
/// build can check and render only what an edit of document texts touched (see `CheckedContent` and `RenderReuse`).
///
/// Two files. The content file (`<site>.content`) holds the checked content without the documents' texts, as a
/// full check made it: the large part, written by the build that checked everything, right after the check (so
/// its encoding does not add to the memory the pages need later), and left as it is by text edits. The snapshot
/// file (`<site>.snapshot`) is small and written by every build: the gate (file hashes, fingerprints, and which
/// content file it belongs to), what was rendered, and the texts edited since the content file was written
/// (`CheckedContent.TextOverlay`).
///
/// Belongs to exactly one cache file: `fingerprint` equals the cache's. Unreadable, foreign or mismatched means a
/// full build, never a wrong one.
struct BuildSnapshot: Sendable {
    /// What decides whether the snapshot applies.
    struct Gate: Sendable, Codable {
        /// The `BuildCache.fingerprint` of the build that wrote it.
        var fingerprint: String
        /// The fingerprint of every input except the content files' bytes (see `Builder.inputFingerprint`).
        var baseFingerprint: String
        /// Each content file's `ContentHash`, by relative path.
        var fileHashes: [String: String]
        /// Each content file's stamp as the build read it, by relative path: when all files still have theirs,
        /// the next build is most likely a no-op and does not decode the content in advance (`CachePrefetch`).
        var fileStamps: [String: FileStamp]
        /// The fingerprint of the build that wrote the content file this snapshot completes.
        var contentID: String
    }

    /// What the build takes up when it applies, besides the content file.
    struct Body: Sendable, Codable {
        var render: RenderRecord
        /// The texts edited since the content file was written.
        var overlay: CheckedContent.TextOverlay
    }

    var gate: Gate
    var body: Body

    private static let header = Array("portal-snapshot 4\n".utf8)
    private static let contentHeader = Array("portal-snapshot-content 1\n".utf8)

    /// The snapshot file beside the cache file at `cachePath`.
    static func location(cachePath: String) -> String {
        cachePath.replacingSuffix(".cache", with: ".snapshot")
    }

    /// The content file beside the snapshot file at `path`.
    static func contentLocation(snapshotPath path: String) -> String {
        path.replacingSuffix(".snapshot", with: ".content")
    }

    /// Reads a snapshot; nil when missing or not understood.
    static func read(from path: String) -> BuildSnapshot? {
        guard let bytes = CacheFile.read(path, stamp: header), bytes.count >= header.count + 8 else { return nil }
        let gateStart = header.count + 8
        let gateLength = bytes[header.count..<gateStart].enumerated().reduce(0) { $0 | Int($1.element) << (8 * $1.offset) }
        guard gateLength >= 0, gateLength <= bytes.count - gateStart,
              let gate = try? SnapshotDecoder().decode(Gate.self, from: Array(bytes[gateStart..<gateStart + gateLength])),
              let body = try? SnapshotDecoder().decode(Body.self, from: bytes, startingAt: gateStart + gateLength) else { return nil }
        return BuildSnapshot(gate: gate, body: body)
    }

    /// The content this snapshot completes, with its overlay applied; nil when the content file is missing,
    /// damaged or another build's, or when `isCancelled` said so before the decoding was done.
    func content(snapshotPath: String, isCancelled: (@Sendable () -> Bool)? = nil) -> CheckedContent? {
        let stamp = Self.contentStamp(gate.contentID)
        guard let bytes = CacheFile.read(Self.contentLocation(snapshotPath: snapshotPath), stamp: stamp),
              let content = try? SnapshotDecoder(isCancelled: isCancelled).decode(CheckedContent.self, from: bytes, startingAt: stamp.count)
        else { return nil }
        return content.applying(body.overlay)
    }

    /// Writes the snapshot atomically; a failure only means the next build is a full one.
    func write(to path: String) {
        do {
            let gateBytes = try SnapshotEncoder().encode(gate)
            var bytes = Self.header
            withUnsafeBytes(of: UInt64(gateBytes.count).littleEndian) { bytes.append(contentsOf: $0) }
            bytes += gateBytes
            bytes += try SnapshotEncoder().encode(body)
            try CacheFile.writeAtomically(bytes, to: path)
        } catch {
            Self.remove(at: path)
        }
    }

    /// Writes a full check's content (without texts), belonging to the build with fingerprint `contentID`, to the
    /// temporary location of the content file beside `snapshotPath`; `publishContent` names it.
    static func writeContent(_ content: CheckedContent, contentID: String, snapshotPath: String) {
        guard let encoded = try? SnapshotEncoder().encode(content.withoutTexts()) else { return }
        try? CacheFile.writeTemporary(of: contentLocation(snapshotPath: snapshotPath), stamp: contentStamp(contentID)) { file in
            try file.write(encoded)
        }
    }

    /// Gives the content file this process wrote its final name; false when there is none.
    static func publishContent(snapshotPath: String) -> Bool {
        TemporaryFile.publish(contentLocation(snapshotPath: snapshotPath))
    }

    /// Removes the content file this process left unnamed (a failed build), and those of killed builds.
    static func discardTemporaryContent(snapshotPath: String) {
        TemporaryFile.discard(at: contentLocation(snapshotPath: snapshotPath))
    }

    /// Removes the snapshot file (its content file stays for the text edits of the next snapshot).
    static func remove(at path: String) {
        unlink(path)
    }

    /// Removes the content file beside the snapshot at `path`.
    static func removeContent(snapshotPath path: String) {
        unlink(contentLocation(snapshotPath: path))
    }

    /// What the content file of the build with fingerprint `contentID` starts with.
    private static func contentStamp(_ contentID: String) -> [UInt8] {
        contentHeader + Array((contentID + "\n").utf8)
    }
}
