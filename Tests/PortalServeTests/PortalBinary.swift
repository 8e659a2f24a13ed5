import Foundation
import Testing

/// The built `portal` executable, run as authors and CI run it.
enum PortalBinary {
    /// The binary next to the test bundle.
    static let path: String? = {
        var folder = URL(fileURLWithPath: CommandLine.arguments.first ?? "").deletingLastPathComponent()
        for _ in 0..<3 {
            let candidate = folder.appendingPathComponent("portal").path
            if FileManager.default.isExecutableFile(atPath: candidate) { return candidate }
            folder = folder.deletingLastPathComponent()
        }
        return nil
    }()

    /// The repository checkout (for the example content and the CI templates).
    static let repository = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().path

    /// The environment the binary gets: the repository's default theme and a plain PATH.
    static let environment = ["PORTAL_DEFAULT_TEMPLATES": repository + "/templates", "PATH": "/usr/bin:/bin"]

    struct Run {
        var status: Int32
        var stdout: String
        var stderr: String
    }

    /// Runs `portal` with `arguments` in `directory` until it exits.
    static func run(_ arguments: [String], in directory: String) throws -> Run {
        let process = try start(arguments, in: directory)
        let stdout = process.output.fileHandleForReading.readDataToEndOfFile()
        let stderr = process.errors.fileHandleForReading.readDataToEndOfFile()
        process.process.waitUntilExit()
        return Run(status: process.process.terminationStatus, stdout: String(decoding: stdout, as: UTF8.self), stderr: String(decoding: stderr, as: UTF8.self))
    }

    /// A started `portal` process and its output pipes.
    struct Started {
        var process: Process
        var output: Pipe
        var errors: Pipe
    }

    static func start(_ arguments: [String], in directory: String) throws -> Started {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: try #require(path, "portal binary not found"))
        process.arguments = arguments
        process.currentDirectoryURL = URL(fileURLWithPath: directory)
        process.environment = environment
        let output = Pipe(), errors = Pipe()
        process.standardOutput = output
        process.standardError = errors
        try process.run()
        return Started(process: process, output: output, errors: errors)
    }

    /// Copies the repository's example content into `directory/content`.
    static func copyExampleContent(into directory: String) throws {
        try FileManager.default.copyItem(atPath: repository + "/content", toPath: directory + "/content")
    }

    /// Every file below `folder` whose bytes contain `text`, relative to `folder`.
    static func files(in folder: String, containing text: String) -> [String] {
        let needle = Data(text.utf8)
        let enumerator = FileManager.default.enumerator(atPath: folder)
        var matches: [String] = []
        while let relative = enumerator?.nextObject() as? String {
            if let data = FileManager.default.contents(atPath: folder + "/" + relative), data.range(of: needle) != nil {
                matches.append(relative)
            }
        }
        return matches.sorted()
    }
}
