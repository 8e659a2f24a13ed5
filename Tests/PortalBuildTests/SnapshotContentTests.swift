import Foundation
@testable import PortalBuild
import PortalContent
import PortalModel
import PortalTestSupport
import Testing

/// The snapshot's content file (`BuildSnapshot.writeContent`, `BuildSnapshot.content`): the content's three parts,
/// encoded and decoded side by side, read back as the content that was written, and refused whole when damaged.
@Suite struct SnapshotContentTests {
    /// The minimal fixture site, checked.
    static func checked() throws -> CheckedContent {
        let archive = Fixtures.minimalSite
        let result = ContentLoader.check(files: archive.contentFiles(), assets: archive.assets(), asOf: LocalDate(year: 2026, month: 1, day: 15))
        return try #require(result.checked)
    }

    /// A content file written for the build `contentID` below a new temporary folder; returns the folder, the
    /// snapshot path and the content file's path.
    static func written(_ content: CheckedContent, contentID: String) throws -> (TemporaryDirectory, snapshot: String, content: String) {
        let directory = try TemporaryDirectory()
        let snapshotPath = directory.path + "/site-1.snapshot"
        BuildSnapshot.writeContent(content, contentID: contentID, snapshotPath: snapshotPath)
        try #require(BuildSnapshot.publishContent(snapshotPath: snapshotPath))
        return (directory, snapshotPath, BuildSnapshot.contentLocation(snapshotPath: snapshotPath))
    }

    @Test func theContentReadsBackAsWritten() throws {
        let content = try Self.checked()
        #expect(!content.site.measures.isEmpty && !content.site.updates.isEmpty, "every part has something")
        let (directory, snapshotPath, _) = try Self.written(content, contentID: "build-a")
        defer { directory.remove() }
        let read = try #require(BuildSnapshot.content(contentID: "build-a", snapshotPath: snapshotPath))
        #expect(read.site == content.withoutTexts().site)
        #expect(read.diagnostics.all == content.diagnostics.all)
        #expect(BuildSnapshot.content(contentID: "build-b", snapshotPath: snapshotPath) == nil, "another build's content file")
        // The parts make up the content again.
        #expect(CheckedContent(content.parts()).site == content.site)
    }

    /// Every truncation, a byte more, and a part's length one too large or too small: nil, never another content.
    @Test func aDamagedContentFileIsRefused() throws {
        let content = try Self.checked()
        let (directory, snapshotPath, contentPath) = try Self.written(content, contentID: "build-a")
        defer { directory.remove() }
        let url = URL(fileURLWithPath: contentPath)
        let bytes = try Data(contentsOf: url)
        for length in stride(from: 0, to: bytes.count, by: max(1, bytes.count / 300)) {
            try bytes.prefix(length).write(to: url)
            #expect(BuildSnapshot.content(contentID: "build-a", snapshotPath: snapshotPath) == nil, "truncated to \(length) bytes")
        }
        try (bytes + Data([0])).write(to: url)
        #expect(BuildSnapshot.content(contentID: "build-a", snapshotPath: snapshotPath) == nil, "a byte left over")
        // The first part's length, right after the stamp line that ends with the content ID.
        let lengthOffset = try #require(bytes.firstRange(of: Data("build-a\n".utf8))).upperBound
        for change in [1, -1] {
            var damaged = bytes
            damaged[lengthOffset] = UInt8(truncatingIfNeeded: Int(damaged[lengthOffset]) + change)
            try damaged.write(to: url)
            #expect(BuildSnapshot.content(contentID: "build-a", snapshotPath: snapshotPath) == nil, "length changed by \(change)")
        }
        try bytes.write(to: url)
        #expect(BuildSnapshot.content(contentID: "build-a", snapshotPath: snapshotPath) != nil)
    }

    /// The gate's file tables, stored as records, read back as written; a truncated gate is refused.
    @Test func theGateReadsBackAsWritten() throws {
        let stamps = [
            "a.md": ContentStamp(file: FileStamp(size: 12, modifiedSeconds: -3, modifiedNanoseconds: 999_999_999, inode: .max), changedSeconds: 4, changedNanoseconds: 5),
            "b/ö.md": ContentStamp(file: FileStamp(size: 0, modifiedSeconds: 1_765_000_000, modifiedNanoseconds: 0, inode: 7), changedSeconds: -1, changedNanoseconds: 999_999_999),
        ]
        let gate = BuildSnapshot.Gate(
            fingerprint: "f", baseFingerprint: "b", fileHashes: ["a.md": "1f", "b/ö.md": ""], fileStamps: stamps,
            readStarted: 1_765_000_000_123_456_789, contentID: "c")
        let buffer = SnapshotEncoder.Buffer()
        gate.write(to: buffer)
        let bytes = buffer.bytes
        let read = try SnapshotDecoder().read(bytes) { try $0.record(BuildSnapshot.Gate.self) }
        #expect(read.fingerprint == "f" && read.baseFingerprint == "b" && read.contentID == "c")
        #expect(read.fileHashes == gate.fileHashes && read.fileStamps == stamps && read.readStarted == gate.readStarted)
        for length in 0..<bytes.count {
            #expect(throws: SnapshotDecoder.Failure.self) { try SnapshotDecoder().read(Array(bytes.prefix(length))) { try $0.record(BuildSnapshot.Gate.self) } }
        }
    }
}
