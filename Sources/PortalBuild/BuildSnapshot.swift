import Foundation
import PortalContent
import PortalModel
import PortalRender

/// What the last successful build knew about its content and pages, kept beside the `BuildCache` so the next
/// build can check and render only what an edit of document texts touched (see `CheckedContent` and `RenderReuse`).
///
/// Belongs to exactly one cache file: `fingerprint` equals the cache's. Unreadable, foreign or mismatched means a
/// full build, never a wrong one. Stored in two parts, so a build can tell from the small first one (the file
/// hashes) whether the large second one is worth decoding.
struct BuildSnapshot: Sendable {
    /// What decides whether the snapshot applies.
    struct Gate: Sendable, Codable {
        /// The `BuildCache.fingerprint` of the build that wrote it.
        var fingerprint: String
        /// The fingerprint of every input except the content files' bytes (see `Builder.inputFingerprint`).
        var baseFingerprint: String
        /// Each content file's `ContentHash`, by relative path.
        var fileHashes: [String: String]
    }

    /// What the build takes up when it applies.
    struct Body: Sendable, Codable {
        /// The checked content, without the documents' texts.
        var content: CheckedContent
        var render: RenderRecord
    }

    var gate: Gate
    /// The second part, still encoded.
    private var bodyBytes: ArraySlice<UInt8>

    private static let header = Array("portal-snapshot 2\n".utf8)

    /// The snapshot file beside the cache file at `cachePath`.
    static func location(cachePath: String) -> String {
        (cachePath.hasSuffix(".cache") ? String(cachePath.dropLast(".cache".count)) : cachePath) + ".snapshot"
    }

    /// Reads a snapshot and decodes its gate; nil when missing or not understood.
    static func read(from path: String) -> BuildSnapshot? {
        guard let data = FileManager.default.contents(atPath: path), data.starts(with: header) else { return nil }
        let bytes = [UInt8](data.dropFirst(header.count))
        guard bytes.count >= 8 else { return nil }
        let gateLength = bytes[0..<8].enumerated().reduce(0) { $0 | Int($1.element) << (8 * $1.offset) }
        guard gateLength >= 0, gateLength <= bytes.count - 8,
              let gate = try? SnapshotDecoder().decode(Gate.self, from: Array(bytes[8..<8 + gateLength])) else { return nil }
        return BuildSnapshot(gate: gate, bodyBytes: bytes[(8 + gateLength)...])
    }

    /// Decodes the second part; nil when it is damaged.
    func body() -> Body? {
        try? SnapshotDecoder().decode(Body.self, from: Array(bodyBytes))
    }

    /// Writes a snapshot atomically; a failure only means the next build is a full one.
    static func write(gate: Gate, body: Body, to path: String) {
        let temporary = path + ".tmp-\(getpid())"
        do {
            let gateBytes = try SnapshotEncoder().encode(gate)
            var bytes = header
            withUnsafeBytes(of: UInt64(gateBytes.count).littleEndian) { bytes.append(contentsOf: $0) }
            bytes += gateBytes
            bytes += try SnapshotEncoder().encode(body)
            try FileManager.default.createDirectory(atPath: (path as NSString).deletingLastPathComponent, withIntermediateDirectories: true)
            try Data(bytes).write(to: URL(fileURLWithPath: temporary))
            if rename(temporary, path) != 0 { try? FileManager.default.removeItem(atPath: temporary) }
        } catch {
            try? FileManager.default.removeItem(atPath: temporary)
            remove(at: path)
        }
    }

    static func remove(at path: String) {
        unlink(path)
    }
}
