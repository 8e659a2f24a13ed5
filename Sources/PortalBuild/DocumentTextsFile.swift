import Foundation
import PortalContent
import PortalModel

/// A small site's document texts (their Markdown), each with the hash of the file it came from, kept beside the
/// snapshot's content file (which stores the content without them).
///
/// A text edit takes every other document's text from here instead of reading every content file again: the
/// build then reads only the files whose stamps changed (10,000 articles: 66 MB of Markdown in one file instead
/// of 10,000 files opened, read and split). A text whose file no longer has the recorded hash (edited since it was
/// stored, or listed here by mistake) is not taken; the build reads that file instead.
///
/// Written by the first text edit after a full check, which reads every file (and by a later one that had to read
/// many), on another core while it renders: full builds, whose time counts more, write no more than before (the
/// file is 62 MB for 10,000 articles). It belongs to the content file's build (`contentID`) and goes with it.
/// Unreadable, foreign or mismatched means the files are read, never a wrong text.
enum DocumentTextsFile {
    /// One document's text and the hash of the content file it was read from.
    struct Text: Sendable {
        var fileHash: String
        var markdown: String
    }

    private static let header = Array("portal-document-texts 1\n".utf8)

    /// What the file of the build with fingerprint `contentID` starts with.
    private static func stamp(_ contentID: String) -> [UInt8] {
        header + Array((contentID + "\n").utf8)
    }

    /// The texts file beside the snapshot at `snapshotPath`.
    static func location(snapshotPath: String) -> String {
        snapshotPath.replacingSuffix(".snapshot", with: ".texts")
    }

    /// Writes the Markdown texts of `content`'s documents from Markdown files, each with its file's hash from
    /// `fileHashes` (texts of files without one are left out), to the temporary location of the texts file, a
    /// megabyte at a time; a failure only means the next text edit reads the content files.
    static func writeTemporary(of content: CheckedContent, fileHashes: [String: String], contentID: String, snapshotPath: String) {
        var count = 0
        content.site.forEachDocumentText { path, _ in
            if path.hasSuffix(".md"), fileHashes[path] != nil { count += 1 }
        }
        var stamp = stamp(contentID)
        withUnsafeBytes(of: UInt64(count).littleEndian) { stamp.append(contentsOf: $0) }
        try? CacheFile.writeTemporary(of: location(snapshotPath: snapshotPath), stamp: stamp) { file in
            var chunk: [UInt8] = []
            var failure: Error?
            content.site.forEachDocumentText { path, text in
                guard failure == nil, path.hasSuffix(".md"), let hash = fileHashes[path] else { return }
                for field in [path, hash, text.markdown] { appendField(field, to: &chunk) }
                guard chunk.count >= 1 << 20 else { return }
                do { try file.write(chunk) } catch { failure = error }
                chunk.removeAll(keepingCapacity: true)
            }
            if let failure { throw failure }
            try file.write(chunk)
        }
    }

    /// Appends a string as its length in UTF-8 bytes (4 bytes, little-endian), then those bytes.
    private static func appendField(_ string: String, to bytes: inout [UInt8]) {
        var string = string
        string.withUTF8 { utf8 in
            withUnsafeBytes(of: UInt32(utf8.count).littleEndian) { bytes.append(contentsOf: $0) }
            bytes.append(contentsOf: utf8)
        }
    }

    /// The texts of the build with fingerprint `contentID` by relative path; nil when the file is missing, damaged
    /// or another build's. The strings are made on all cores.
    static func read(contentID: String, snapshotPath: String) -> [String: Text]? {
        let stamp = stamp(contentID)
        guard let bytes = CacheFile.read(location(snapshotPath: snapshotPath), stamp: stamp) else { return nil }
        // First where each field lies (a walk over the lengths), then the strings, each checked as UTF-8.
        var offset = stamp.count
        guard bytes.count - offset >= 8 else { return nil }
        let count = bytes[offset..<offset + 8].reversed().reduce(UInt64(0)) { $0 << 8 | UInt64($1) }
        offset += 8
        guard count <= UInt64(bytes.count) else { return nil }
        var fields: [Range<Int>] = []
        fields.reserveCapacity(Int(count) * 3)
        for _ in 0..<Int(count) * 3 {
            guard bytes.count - offset >= 4 else { return nil }
            let length = bytes[offset..<offset + 4].reversed().reduce(0) { $0 << 8 | Int($1) }
            offset += 4
            guard bytes.count - offset >= length else { return nil }
            fields.append(offset..<offset + length)
            offset += length
        }
        guard offset == bytes.count else { return nil }
        let ranges = fields
        let entries = Parallel.map(Array(0..<Int(count))) { entry -> (String, Text)? in
            let strings = (0..<3).map { field in
                bytes.withUnsafeBufferPointer { String(validating: UnsafeBufferPointer(rebasing: $0[ranges[entry * 3 + field]]), as: UTF8.self) }
            }
            guard let path = strings[0], let hash = strings[1], let markdown = strings[2] else { return nil }
            return (path, Text(fileHash: hash, markdown: markdown))
        }
        var texts: [String: Text] = [:]
        texts.reserveCapacity(entries.count)
        for entry in entries {
            guard let (path, text) = entry, texts.updateValue(text, forKey: path) == nil else { return nil }
        }
        return texts
    }

    /// Gives the temporary file of this process its final name, when it wrote one.
    static func publish(snapshotPath: String) {
        TemporaryFile.publish(location(snapshotPath: snapshotPath))
    }

    /// Removes this process's temporary file and those that killed builds left.
    static func discardTemporary(snapshotPath: String) {
        TemporaryFile.discard(at: location(snapshotPath: snapshotPath))
    }

    /// Removes the texts file.
    static func remove(snapshotPath: String) {
        unlink(location(snapshotPath: snapshotPath))
    }
}
