import Foundation
@testable import PortalBuild
import PortalModel
import PortalRender
import PortalTestSupport
import Testing

/// The staging folder that pages stream into while they are rendered, on many threads at once.
@Suite struct StagingSiteTests {
    /// Puts `files` into a new staging site in the given arrival order and returns what is on disk afterwards.
    private static func stage(_ files: [(file: OutputFile, order: Int)], in directory: TemporaryDirectory) throws -> [String: String] {
        let publisher = SitePublisher(outputDirectory: directory.path + "/site")
        let staging = try publisher.beginStaging()
        _ = Parallel.map(Array(files.indices)) { index in staging.place(files[index].file, order: files[index].order) }
        let (manifest, linked) = try staging.finish()
        #expect(linked == 0)
        var contents: [String: String] = [:]
        for path in manifest.keys {
            contents[path] = try String(contentsOfFile: staging.path + "/" + path, encoding: .utf8)
        }
        publisher.abandon(staging)
        return contents
    }

    /// When two files claim a path, the one with the lower order is kept, whichever thread came first.
    @Test(arguments: [false, true])
    func lowerOrderWinsAPathWhateverArrivesFirst(reversed: Bool) throws {
        let directory = try TemporaryDirectory(prefix: "portal-staging")
        defer { directory.remove() }
        var files: [(file: OutputFile, order: Int)] = (0..<200).map { index in
            (OutputFile(path: "seite-\(index)/index.html", text: "Seite \(index)"), index)
        }
        files.append((OutputFile(path: "seite-7/index.html", text: "später"), 500))
        files.append((OutputFile(path: "seite-9/index.html", text: "früher"), -1))
        if reversed { files.reverse() }
        let contents = try Self.stage(files, in: directory)
        #expect(contents.count == 200)
        #expect(contents["seite-7/index.html"] == "Seite 7")
        #expect(contents["seite-9/index.html"] == "früher")
        #expect(contents["seite-150/index.html"] == "Seite 150")
    }

    /// One-letter folders and files (a page with the slug "x") are placed like any other: Foundation's path
    /// functions crash on a one-character path, the staging site does not use them.
    @Test func oneLetterPathsArePlaced() throws {
        let directory = try TemporaryDirectory(prefix: "portal-staging")
        defer { directory.remove() }
        let contents = try Self.stage([
            (OutputFile(path: "x/index.html", text: "x"), 0), (OutputFile(path: "y", text: "y"), 1),
            (OutputFile(path: "a/b/c", text: "c"), 2),
        ], in: directory)
        #expect(contents == ["x/index.html": "x", "y": "y", "a/b/c": "c"])
        #expect(StagingSite.parent(of: "a") == "" && StagingSite.parent(of: "a/b") == "a" && StagingSite.parent(of: "ab/c/d") == "ab/c")
    }

    /// Which relative paths a site may have: no empty, `.` or `..` component, not absolute.
    @Test(arguments: [
        ("a", true), ("a/b.html", true), ("...", true), ("a/.b/..c", true), ("ä/b c", true),
        ("", false), ("/", false), ("/a", false), ("a/", false), (".", false), ("..", false), ("./a", false),
        ("a/./b", false), ("a/..", false), ("a//b", false),
    ])
    func relativePathsAreChecked(path: String, safe: Bool) {
        #expect(((try? SitePublisher.checkRelative(path)) != nil) == safe, "\(path)")
    }

    /// A path that would leave the staging folder fails the whole site; nothing is written outside it.
    @Test(arguments: ["../draussen.html", "/etc/draussen.html", "a/../../draussen.html", "a//b.html"])
    func unsafePathFailsTheSite(path: String) throws {
        let directory = try TemporaryDirectory(prefix: "portal-staging")
        defer { directory.remove() }
        let publisher = SitePublisher(outputDirectory: directory.path + "/site")
        let staging = try publisher.beginStaging()
        staging.place(OutputFile(path: "gut/index.html", text: "gut"), order: 0)
        staging.place(OutputFile(path: path, text: "böse"), order: 1)
        #expect(throws: SitePublisher.PublishError.self) { _ = try staging.finish() }
        publisher.abandon(staging)
        #expect(!FileManager.default.fileExists(atPath: directory.path + "/draussen.html"))
        #expect(try FileManager.default.contentsOfDirectory(atPath: directory.path).isEmpty)
    }

    /// A staging site that takes over `files` (path → text) as a reused site published with exactly these bytes.
    private static func reusedSite(_ files: [String: String], in directory: TemporaryDirectory) throws -> StagingSite {
        let root = directory.path + "/staging"
        var reusable: [String: PublishedFile] = [:]
        for (path, text) in files {
            let target = root + "/" + path
            try FileManager.default.createDirectory(atPath: (target as NSString).deletingLastPathComponent, withIntermediateDirectories: true)
            try Data(text.utf8).write(to: URL(fileURLWithPath: target))
            reusable[path] = PublishedFile(hash: ContentHash.of(Array(text.utf8)), stamp: try #require(FileStamp.ofEntry(target)))
        }
        let tree = try #require(ReusedTree.scan(root: root))
        return StagingSite(path: root, current: directory.path + "/site", previous: [:], reused: tree, reusable: reusable)
    }

    /// Every file below `root`, path → text.
    private static func contents(of root: String) throws -> [String: String] {
        var result: [String: String] = [:]
        let enumerator = FileManager.default.enumerator(atPath: root)
        while let path = enumerator?.nextObject() as? String {
            var isDirectory: ObjCBool = false
            FileManager.default.fileExists(atPath: root + "/" + path, isDirectory: &isDirectory)
            if !isDirectory.boolValue { result[path] = try String(contentsOfFile: root + "/" + path, encoding: .utf8) }
        }
        return result
    }

    /// A folder named by a version (the search index's) takes over the reused site's unused sibling: files with
    /// the same bytes are kept in place, the others written, what the new site lacks removed.
    @Test func aVersionFolderTakesOverItsUnusedSibling() throws {
        let directory = try TemporaryDirectory(prefix: "portal-staging")
        defer { directory.remove() }
        let staging = try Self.reusedSite([
            "index.html": "Start", "suche/index/v1/gleich.bin": "gleich", "suche/index/v1/anders.bin": "alt",
            "suche/index/v1/weg.bin": "weg", "suche/index/manifest.json": "v1",
        ], in: directory)
        staging.place(OutputFile(path: "index.html", text: "Start"), order: 0)
        staging.adoptFolder("suche/index/v2")
        for (order, (path, text)) in [("gleich.bin", "gleich"), ("anders.bin", "neu"), ("dazu/neu.bin", "neu")].enumerated() {
            staging.place(OutputFile(path: "suche/index/v2/" + path, text: text), order: order + 1)
        }
        staging.place(OutputFile(path: "suche/index/manifest.json", text: "v2"), order: 9)
        let (manifest, kept) = try staging.finish()
        #expect(kept == 2, "index.html and gleich.bin kept in place")
        let expected = [
            "index.html": "Start", "suche/index/v2/gleich.bin": "gleich", "suche/index/v2/anders.bin": "neu",
            "suche/index/v2/dazu/neu.bin": "neu", "suche/index/manifest.json": "v2",
        ]
        #expect(try Self.contents(of: staging.path) == expected)
        #expect(Set(manifest.keys) == Set(expected.keys))
        #expect(!FileManager.default.fileExists(atPath: staging.path + "/suche/index/v1"))
    }

    /// A sibling the new site already uses, or a folder the reused site has itself, is not taken over.
    @Test func aFolderInUseIsNotTakenOver() throws {
        let directory = try TemporaryDirectory(prefix: "portal-staging")
        defer { directory.remove() }
        let staging = try Self.reusedSite(["a/alt/x.txt": "x", "a/v1/y.txt": "y", "b/v1/z.txt": "z"], in: directory)
        staging.place(OutputFile(path: "a/alt/x.txt", text: "x"), order: 0)
        staging.place(OutputFile(path: "a/v1/y.txt", text: "y"), order: 1)
        staging.adoptFolder("a/v2")
        staging.adoptFolder("b/v1")
        staging.place(OutputFile(path: "a/v2/y.txt", text: "y"), order: 2)
        staging.place(OutputFile(path: "b/v1/z.txt", text: "z"), order: 3)
        let (_, kept) = try staging.finish()
        #expect(kept == 3)
        #expect(try Self.contents(of: staging.path) == ["a/alt/x.txt": "x", "a/v1/y.txt": "y", "a/v2/y.txt": "y", "b/v1/z.txt": "z"])
    }
}
