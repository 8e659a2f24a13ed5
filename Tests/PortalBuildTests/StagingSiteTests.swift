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
}
