import Foundation
@testable import PortalBuild
import PortalTestSupport
import Testing

/// Reading the content folder when the last build vouches for files by their stamps (`ContentReader.KnownFiles`):
/// a file is left unread when it still has its recorded stamp and was last changed well before that build read
/// it.
@Suite struct ContentReaderTests {
    static let files = ["site.yml": "title: Test\n", "measures/a.md": "---\ntitle: A\n---\nText A.\n", "updates/b.md": "---\ntitle: B\n---\nText B.\n"]

    /// A content folder with `files`.
    func folder() throws -> TemporaryDirectory {
        let directory = try TemporaryDirectory(prefix: "portal-reader")
        for (path, text) in Self.files {
            let url = URL(fileURLWithPath: directory.path + "/content/" + path)
            try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
            try Data(text.utf8).write(to: url)
        }
        return directory
    }

    /// What a build that read the folder records, as if it had begun reading `after` seconds from now.
    func known(_ first: ContentReader.Result, after seconds: Int64) -> ContentReader.KnownFiles {
        let hashes = Dictionary(uniqueKeysWithValues: first.files.map { ($0.relativePath, ContentHash.of($0.bytes)) })
        return .init(stamps: first.stamps, hashes: hashes, readStarted: ContentStamp.now() + seconds * 1_000_000_000)
    }

    @Test func filesWithTheirStampsAreNotReadAndReadLaterOnDemand() throws {
        let directory = try folder()
        defer { directory.remove() }
        let content = directory.path + "/content"
        let first = ContentReader.read(directory: content, displayPrefix: "content")
        #expect(first.unread.isEmpty && first.files.count == 3)
        let known = known(first, after: 10)
        var second = ContentReader.read(directory: content, displayPrefix: "content", known: { known })
        #expect(second.unread == known.hashes)
        #expect(second.files.allSatisfy { $0.bytes.isEmpty })
        #expect(second.files.map(\.relativePath) == first.files.map(\.relativePath))
        #expect(second.stamps == first.stamps)
        #expect(ContentReader.readUnread(&second.files, unread: second.unread, directory: content))
        #expect(second.files == first.files)
    }

    /// A changed or added file is read, the others still are not; a removed one is gone; when the record was
    /// made too soon after the files last changed, every file is read; a wrong recorded hash shows when the file
    /// is read at last.
    @Test(arguments: ["changed", "added", "removed", "recent", "recorded hash wrong"])
    func filesInDoubtAreRead(change: String) throws {
        let directory = try folder()
        defer { directory.remove() }
        let content = directory.path + "/content"
        let first = ContentReader.read(directory: content, displayPrefix: "content")
        var known = known(first, after: change == "recent" ? 0 : 10)
        switch change {
        case "changed": try Data("---\ntitle: A\n---\nText A, longer.\n".utf8).write(to: URL(fileURLWithPath: content + "/measures/a.md"))
        case "added": try Data("title: C\n".utf8).write(to: URL(fileURLWithPath: content + "/partners.yml"))
        case "removed": try FileManager.default.removeItem(atPath: content + "/updates/b.md")
        case "recorded hash wrong": known.hashes["updates/b.md"] = "0"
        default: break
        }
        var second = ContentReader.read(directory: content, displayPrefix: "content", known: { known })
        let read = Set(second.files.filter { !$0.bytes.isEmpty }.map(\.relativePath))
        #expect(read.isDisjoint(with: second.unread.keys))
        #expect(read.union(second.unread.keys) == Set(second.files.map(\.relativePath)))
        switch change {
        case "changed": #expect(read == ["measures/a.md"])
        case "added": #expect(read == ["partners.yml"] && second.files.count == 4)
        case "removed": #expect(read.isEmpty && second.files.count == 2)
        case "recent": #expect(second.unread.isEmpty && read.count == 3)
        default:
            // The stamps vouch for it; the hash check when the file is read at last catches the record.
            #expect(second.unread.count == 3)
            #expect(!ContentReader.readUnread(&second.files, unread: second.unread, directory: content))
        }
        if change != "recorded hash wrong" {
            #expect(ContentReader.readUnread(&second.files, unread: second.unread, directory: content))
            let fresh = ContentReader.read(directory: content, displayPrefix: "content")
            #expect(second.files == fresh.files)
        }
    }

    /// A file rewritten with the same size whose modification time is set back still differs: its status change
    /// time (which no program sets back) moved.
    @Test func aFileWithItsModificationTimeSetBackIsRead() throws {
        let directory = try folder()
        defer { directory.remove() }
        let content = directory.path + "/content"
        let path = content + "/measures/a.md"
        let old = Date(timeIntervalSinceNow: -3600)
        try FileManager.default.setAttributes([.modificationDate: old], ofItemAtPath: path)
        let first = ContentReader.read(directory: content, displayPrefix: "content")
        let known = known(first, after: 10)
        let handle = try #require(FileHandle(forWritingAtPath: path))
        try handle.write(contentsOf: Data("---\ntitle: Z\n---\nText Z.\n".utf8))
        try handle.close()
        try FileManager.default.setAttributes([.modificationDate: old], ofItemAtPath: path)
        let stamp = try #require(ContentStamp.of(path))
        #expect(stamp.file == first.stamps["measures/a.md"]?.file, "size, modification time and inode as recorded")
        let second = ContentReader.read(directory: content, displayPrefix: "content", known: { known })
        #expect(second.unread["measures/a.md"] == nil && second.unread.count == 2)
        #expect(second.files.first { $0.relativePath == "measures/a.md" }.map { String(decoding: $0.bytes, as: UTF8.self) } == "---\ntitle: Z\n---\nText Z.\n")
    }
}
