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
    struct Gate: Sendable {
        /// The `BuildCache.fingerprint` of the build that wrote it.
        var fingerprint: String
        /// The fingerprint of every input except the content files' bytes (see `Builder.inputFingerprint`).
        var baseFingerprint: String
        /// Each content file's `ContentHash`, by relative path.
        var fileHashes: [String: String]
        /// Each content file's stamp as the build read it, by relative path: when all files still have theirs,
        /// the next build is most likely a no-op and does not decode the content in advance (`CachePrefetch`);
        /// files whose stamps match (`ContentStamp.matches`) are not read again (`ContentReader.KnownFiles`).
        var fileStamps: [String: ContentStamp]
        /// When the build began reading the content files, in nanoseconds since 1970 (0 when it did not record it).
        var readStarted: Int64
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

    private static let header = Array("portal-snapshot 7\n".utf8)
    private static let contentHeader = Array("portal-snapshot-content 3\n".utf8)

    /// The snapshot file beside the cache file at `cachePath`.
    static func location(cachePath: String) -> String {
        cachePath.replacingSuffix(".cache", with: ".snapshot")
    }

    /// The content file beside the snapshot file at `path`.
    static func contentLocation(snapshotPath path: String) -> String {
        path.replacingSuffix(".snapshot", with: ".content")
    }

    /// A snapshot file read, with its gate decoded and its body not yet: the gate alone tells whether the
    /// snapshot applies and which content file it completes, so that file's decoding can begin before the body's.
    struct Opened: Sendable {
        var gate: Gate
        var bytes: [UInt8]
        var bodyStart: Int

        /// Writes this snapshot again with `gate` instead of its own and the same body, atomically; a failure
        /// removes the file, which only means the next build is a full one.
        func write(gate: Gate, to path: String) {
            BuildSnapshot.write(gate: gate, encodedBody: bytes[bodyStart...], to: path)
        }

        /// The whole snapshot; nil when its body is not understood.
        func decoded() -> BuildSnapshot? {
            guard let body = try? SnapshotDecoder().decode(Body.self, from: bytes, startingAt: bodyStart) else { return nil }
            return BuildSnapshot(gate: gate, body: body)
        }
    }

    /// Reads a snapshot file and decodes its gate; nil when missing or not understood.
    static func open(_ path: String) -> Opened? {
        guard let bytes = CacheFile.read(path, stamp: header), let gateLength = sectionLength(in: bytes, at: header.count) else { return nil }
        let gateStart = header.count + 8
        guard let gate = try? SnapshotDecoder().read(bytes, in: gateStart..<gateStart + gateLength, { try $0.record(Gate.self) })
        else { return nil }
        return Opened(gate: gate, bytes: bytes, bodyStart: gateStart + gateLength)
    }

    /// Reads a snapshot; nil when missing or not understood.
    static func read(from path: String) -> BuildSnapshot? {
        open(path)?.decoded()
    }

    /// The content this snapshot completes, with its overlay applied; nil when the content file is missing,
    /// damaged or another build's, or when `isCancelled` said so before the decoding was done.
    func content(snapshotPath: String, isCancelled: (@Sendable () -> Bool)? = nil) -> CheckedContent? {
        Self.content(contentID: gate.contentID, snapshotPath: snapshotPath, isCancelled: isCancelled)?.applying(body.overlay)
    }

    /// The content file of the build with fingerprint `contentID`, without any overlay; nil when it is missing,
    /// damaged or another build's, or when `isCancelled` said so before the decoding was done.
    ///
    /// The file holds the content's three parts (`CheckedContent.Parts`), each after its length in bytes; they are
    /// decoded side by side (10,000 articles: 23 MB, decoded on one core in 0.25–0.6 s before).
    static func content(contentID: String, snapshotPath: String, isCancelled: (@Sendable () -> Bool)? = nil) -> CheckedContent? {
        let stamp = contentStamp(contentID)
        guard let bytes = CacheFile.read(contentLocation(snapshotPath: snapshotPath), stamp: stamp) else { return nil }
        var ranges: [Range<Int>] = []
        var offset = stamp.count
        for _ in 0..<3 {
            guard let length = sectionLength(in: bytes, at: offset) else { return nil }
            ranges.append(offset + 8..<offset + 8 + length)
            offset += 8 + length
        }
        guard offset == bytes.count else { return nil }
        /// One decoded part.
        enum Part: Sendable {
            case rest(CheckedContent), measures([Measure]), updates([Update]), failed
        }
        let partRanges = ranges
        let parts = Parallel.map([0, 1, 2]) { number -> Part in
            let decoder = SnapshotDecoder(isCancelled: isCancelled)
            let ranges = partRanges
            do {
                switch number {
                case 0: return .rest(try decoder.decode(CheckedContent.self, from: bytes, in: ranges[0]))
                case 1: return .measures(try decoder.decode([Measure].self, from: bytes, in: ranges[1]))
                default: return .updates(try decoder.decode([Update].self, from: bytes, in: ranges[2]))
                }
            } catch {
                return .failed
            }
        }
        guard case .rest(let rest) = parts[0], case .measures(let measures) = parts[1], case .updates(let updates) = parts[2] else { return nil }
        return CheckedContent(.init(rest: rest, measures: measures, updates: updates))
    }

    /// Writes the snapshot atomically; a failure only means the next build is a full one.
    func write(to path: String) {
        guard let encodedBody = try? SnapshotEncoder().encode(body) else { return Self.remove(at: path) }
        Self.write(gate: gate, encodedBody: encodedBody[...], to: path)
    }

    /// Writes a snapshot file of `gate` and an encoded body atomically; a failure removes the file.
    private static func write(gate: Gate, encodedBody: ArraySlice<UInt8>, to path: String) {
        let gateBuffer = SnapshotEncoder.Buffer()
        gate.write(to: gateBuffer)
        let gateBytes = gateBuffer.bytes
        var bytes = header
        appendSectionLength(gateBytes.count, to: &bytes)
        bytes += gateBytes
        bytes += encodedBody
        do {
            try CacheFile.writeAtomically(bytes, to: path)
        } catch {
            remove(at: path)
        }
    }

    /// Writes a full check's content (without texts), belonging to the build with fingerprint `contentID`, to the
    /// temporary location of the content file beside `snapshotPath`; `publishContent` names it.
    ///
    /// The content's three parts are encoded side by side, each written after its length (see `content`).
    static func writeContent(_ content: CheckedContent, contentID: String, snapshotPath: String) {
        let parts = content.withoutTexts().parts()
        let encoded = Parallel.map([0, 1, 2]) { number -> [UInt8]? in
            switch number {
            case 0: try? SnapshotEncoder().encode(parts.rest)
            case 1: try? SnapshotEncoder().encode(parts.measures)
            default: try? SnapshotEncoder().encode(parts.updates)
            }
        }
        guard encoded.allSatisfy({ $0 != nil }) else { return }
        try? CacheFile.writeTemporary(of: contentLocation(snapshotPath: snapshotPath), stamp: contentStamp(contentID)) { file in
            for case let part? in encoded {
                var length: [UInt8] = []
                appendSectionLength(part.count, to: &length)
                try file.write(length)
                try file.write(part)
            }
        }
    }

    /// Appends the length of the section that follows (the gate, a part of the content) as 8 bytes, little-endian.
    private static func appendSectionLength(_ count: Int, to bytes: inout [UInt8]) {
        withUnsafeBytes(of: UInt64(count).littleEndian) { bytes.append(contentsOf: $0) }
    }

    /// The section length written by `appendSectionLength` at `offset`; nil when fewer than 8 bytes are left or the
    /// section would run past the end.
    private static func sectionLength(in bytes: [UInt8], at offset: Int) -> Int? {
        guard offset >= 0, bytes.count - offset >= 8 else { return nil }
        let length = bytes[offset..<offset + 8].enumerated().reduce(UInt64(0)) { $0 | UInt64($1.element) << (8 * UInt64($1.offset)) }
        return length <= UInt64(bytes.count - offset - 8) ? Int(length) : nil
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
