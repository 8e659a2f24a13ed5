import Foundation
import PortalTestSupport
import Testing

/// The `portal` executable as CI and authors run it: exit status, stderr format, summary line.
@Suite struct CommandLineTests {
    /// The built `portal` binary, next to the test bundle.
    static let executable: String? = {
        var folder = URL(fileURLWithPath: CommandLine.arguments.first ?? "").deletingLastPathComponent()
        for _ in 0..<3 {
            let candidate = folder.appendingPathComponent("portal").path
            if FileManager.default.isExecutableFile(atPath: candidate) { return candidate }
            folder = folder.deletingLastPathComponent()
        }
        return nil
    }()

    struct Run {
        var status: Int32
        var stdout: String
        var stderr: String
    }

    func run(_ arguments: [String], in directory: String) throws -> Run {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: try #require(Self.executable, "portal binary not found"))
        process.arguments = arguments
        process.currentDirectoryURL = URL(fileURLWithPath: directory)
        process.environment = ["PORTAL_DEFAULT_TEMPLATES": BuildTests.templates, "PATH": "/usr/bin:/bin"]
        let out = Pipe(), err = Pipe()
        process.standardOutput = out
        process.standardError = err
        try process.run()
        let stdout = out.fileHandleForReading.readDataToEndOfFile()
        let stderr = err.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return Run(status: process.terminationStatus, stdout: String(decoding: stdout, as: UTF8.self), stderr: String(decoding: stderr, as: UTF8.self))
    }

    @Test func successPrintsOneSummaryLine() throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        try directory.write(Fixtures.minimalSite, into: "content")
        let result = try run(["build", "--as-of", "2026-01-15"], in: directory.path)
        #expect(result.status == 0)
        #expect(result.stderr == "")
        let lines = result.stdout.split(separator: "\n")
        #expect(lines.count == 1)
        #expect(lines.first?.hasPrefix("portal: wrote ") == true)
        #expect(lines.first?.contains("0 warnings") == true)
    }

    @Test func errorsExitWithOneAndNameFileLineColumn() throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let broken = Fixtures.minimalSite
            .replacing("status: pilot", with: "status: piloot", in: "measures/chatbot.md")
            .replacing("menu: 1", with: "menue: 1", in: "pages/chancen.md")
        try directory.write(broken, into: "content")
        let result = try run(["build", "--as-of", "2026-01-15"], in: directory.path)
        #expect(result.status == 1)
        let lines = result.stderr.split(separator: "\n").map(String.init)
        #expect(lines == [
            "content/measures/chatbot.md:5:9: error: 'status' must be one of idea, assessment, pilot, in-use, retired; 'piloot' is not allowed. Did you mean 'pilot'? [invalid-value]",
            "content/pages/chancen.md:3:1: warning: Unknown key 'menue' is ignored. Did you mean 'menu'? [unknown-key]",
            "portal: build failed with 1 error, 1 warning; the output folder was not changed.",
        ])
        #expect(!FileManager.default.fileExists(atPath: directory.path + "/site"))
    }

    @Test func githubAnnotations() throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        try directory.write(Fixtures.minimalSite.replacing("status: pilot", with: "status: piloot", in: "measures/chatbot.md"), into: "content")
        let result = try run(["check", "--diagnostics-format", "github"], in: directory.path)
        #expect(result.status == 1)
        #expect(result.stderr.hasPrefix("::error file=content/measures/chatbot.md,line=5,col=9,title=portal invalid-value::"))
    }

    @Test func usageErrorsAndVersion() throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        #expect(try run(["build", "--as-of", "2025-13-01"], in: directory.path).status != 0)
        #expect(try run(["--version"], in: directory.path).stdout.contains("."))
        let help = try run(["build", "--help"], in: directory.path)
        #expect(help.stdout.contains("--diagnostics-format"))
    }

    @Test func missingContentFolderIsAClearError() throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let result = try run(["check", "--content", "nowhere"], in: directory.path)
        #expect(result.status == 1)
        #expect(result.stderr.contains("nowhere: error: The content folder 'nowhere' does not exist."))
    }
}
