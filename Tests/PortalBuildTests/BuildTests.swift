import Foundation
import PortalBuild
import PortalDiagnostics
import PortalModel
import PortalTestSupport
import Testing

/// Whole sites built end to end from folders on disk: output written, failures leave the old site alone.
@Suite struct BuildTests {
    static let asOf = LocalDate(year: 2026, month: 1, day: 15)

    /// The repository's own default theme.
    static let templates: String = {
        URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
            .appendingPathComponent("templates").path
    }()

    func build(_ site: Txtar, in directory: TemporaryDirectory, output: String = "site", writes: Bool = true, strict: Bool = false) throws -> BuildResult {
        try? FileManager.default.removeItem(atPath: directory.path + "/content")
        try directory.write(site, into: "content")
        let options = BuildOptions(
            contentDirectory: "content", defaultTemplatesDirectory: Self.templates, outputDirectory: output,
            strict: strict, asOf: Self.asOf, writesOutput: writes, workingDirectory: directory.path)
        return Builder(options: options, environment: [:]).run()
    }

    /// Every file below `folder`, relative path → bytes.
    func snapshot(_ folder: String) -> [String: Data] {
        var result: [String: Data] = [:]
        let enumerator = FileManager.default.enumerator(atPath: folder)
        while let path = enumerator?.nextObject() as? String {
            var isDirectory: ObjCBool = false
            FileManager.default.fileExists(atPath: folder + "/" + path, isDirectory: &isDirectory)
            if !isDirectory.boolValue { result[path] = FileManager.default.contents(atPath: folder + "/" + path) }
        }
        return result
    }

    @Test func buildsTheMinimalSite() throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let result = try build(Fixtures.minimalSite, in: directory)
        #expect(result.diagnostics.sorted().map(\.description) == [])
        #expect(result.succeeded)
        #expect(result.pagesWritten > 0)
        #expect(FileManager.default.fileExists(atPath: directory.path + "/site/index.html"))
    }

    @Test func twoBuildsAreByteIdentical() throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        _ = try build(Fixtures.minimalSite, in: directory, output: "one")
        _ = try build(Fixtures.minimalSite, in: directory, output: "two")
        let one = snapshot(directory.path + "/one"), two = snapshot(directory.path + "/two")
        #expect(!one.isEmpty)
        #expect(one == two)
    }

    @Test func failedBuildLeavesPublishedSiteUntouched() throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        _ = try build(Fixtures.minimalSite, in: directory)
        let before = snapshot(directory.path + "/site")
        let broken = Fixtures.minimalSite.replacing("status: pilot", with: "status: nope", in: "measures/chatbot.md")
        let result = try build(broken, in: directory)
        #expect(!result.succeeded)
        #expect(snapshot(directory.path + "/site") == before)
        let leftovers = try FileManager.default.contentsOfDirectory(atPath: directory.path).filter { $0.contains(".tmp-") }
        #expect(leftovers.isEmpty)
    }

    /// Content that fails its check does not even create the output folder's parent: nothing is written at all.
    @Test func failedCheckCreatesNoFolder() throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let broken = Fixtures.minimalSite.replacing("status: pilot", with: "status: nope", in: "measures/chatbot.md")
        let result = try build(broken, in: directory, output: "neu/site")
        #expect(!result.succeeded)
        #expect(!FileManager.default.fileExists(atPath: directory.path + "/neu"))
    }

    @Test func checkWritesNothing() throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let result = try build(Fixtures.minimalSite, in: directory, writes: false)
        #expect(result.succeeded)
        #expect(!FileManager.default.fileExists(atPath: directory.path + "/site"))
    }

    @Test func strictTurnsWarningsIntoErrors() throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let warned = Fixtures.minimalSite.replacing("menu: 1", with: "menue: 1", in: "pages/chancen.md")
        #expect(try build(warned, in: directory).succeeded)
        let strict = try build(warned, in: directory, output: "strict", strict: true)
        #expect(!strict.succeeded)
        #expect(strict.diagnostics.errorCount == 1)
        #expect(!FileManager.default.fileExists(atPath: directory.path + "/strict"))
    }

    @Test func removesLeftoversOfAnInterruptedBuild() throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        // A staging folder of a process that no longer exists (pid 999999 is above Linux's default pid_max).
        let stale = directory.path + "/.site.tmp-999999-42"
        try FileManager.default.createDirectory(atPath: stale + "/massnahmen", withIntermediateDirectories: true)
        _ = try build(Fixtures.minimalSite, in: directory)
        #expect(!FileManager.default.fileExists(atPath: stale))
    }

    @Test(arguments: ["content", "content/site", ".", "/", "templates-link"])
    func refusesDangerousOutputFolders(_ output: String) throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        try Data().write(to: URL(fileURLWithPath: directory.path + "/Package.swift"))
        try FileManager.default.createSymbolicLink(atPath: directory.path + "/templates-link", withDestinationPath: Self.templates)
        let result = try build(Fixtures.minimalSite, in: directory, output: output)
        #expect(result.diagnostics.sorted().map(\.code) == [.outputRefused])
    }

    @Test func symbolicLinkOutOfContentIsAnError() throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        try directory.write(Fixtures.minimalSite, into: "content")
        try "secret".write(toFile: directory.path + "/secret.txt", atomically: true, encoding: .utf8)
        try FileManager.default.createSymbolicLink(atPath: directory.path + "/content/pages/secret.md", withDestinationPath: directory.path + "/secret.txt")
        let options = BuildOptions(defaultTemplatesDirectory: Self.templates, asOf: Self.asOf, workingDirectory: directory.path)
        let result = Builder(options: options, environment: [:]).run()
        let diagnostic = try #require(result.diagnostics.sorted().first)
        #expect(diagnostic.code == .unreadableFile)
        #expect(diagnostic.location.file == "content/pages/secret.md")
    }

    @Test func asOfComesFromSourceDateEpoch() throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        try directory.write(Fixtures.minimalSite, into: "content")
        let options = BuildOptions(defaultTemplatesDirectory: Self.templates, writesOutput: false, workingDirectory: directory.path)
        let result = Builder(options: options, environment: ["SOURCE_DATE_EPOCH": "1746662400"]).run()
        #expect(result.asOf == LocalDate(year: 2025, month: 5, day: 8))
    }
}
