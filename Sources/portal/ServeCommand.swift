import ArgumentParser
import Foundation
import PortalBuild
import PortalDiagnostics
import PortalModel
import PortalServe

/// `portal serve`: a live preview on 127.0.0.1 that rebuilds on save and reloads the browser.
struct ServeCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "serve",
        abstract: "Preview the site on this computer; it rebuilds and reloads the browser whenever you save a file.",
        discussion: """
            Serves on 127.0.0.1 only and keeps everything in memory: site/ is never written.
            Example: portal serve, then open http://127.0.0.1:8080/ and edit a file in content/.
            Stop with Ctrl-C.
            """
    )

    @Option(name: .long, help: "The port on 127.0.0.1 (0 picks a free one).")
    var port: Int = 8080

    @Option(name: .long, help: "The content folder.")
    var content: String = "content"

    @Option(name: .long, help: "A folder of templates that override single files of the default theme.")
    var templates: String?

    @Option(name: .long, help: "The date the preview treats as today (YYYY-MM-DD); default: SOURCE_DATE_EPOCH, else today.")
    var asOf: LocalDate?

    func validate() throws {
        guard (0...65535).contains(port) else { throw ValidationError("--port must be between 0 and 65535.") }
    }

    func run() async throws {
        let workingDirectory = FileManager.default.currentDirectoryPath
        let options = BuildOptions(
            contentDirectory: content, templatesDirectory: templates, asOf: asOf, writesOutput: false,
            workingDirectory: workingDirectory)
        let server = PreviewServer(options: options, port: port)
        let renderer = DiagnosticRenderer(format: .text, workingDirectory: workingDirectory)
        do {
            try await server.run(stopOnSignals: true) { event in
                Self.print(event, renderer: renderer, workingDirectory: workingDirectory)
            }
        } catch let failure as PreviewServer.Failure {
            FileHandle.standardError.write(Data("portal: \(failure)\n".utf8))
            throw ExitCode(1)
        }
        Self.output("portal: preview stopped.")
    }

    /// Prints an event of the preview in the format of `portal build`.
    static func print(_ event: PreviewEvent, renderer: DiagnosticRenderer, workingDirectory: String) {
        switch event {
        case .built(let result, let pages, let changedPaths):
            if !result.diagnostics.isEmpty {
                FileHandle.standardError.write(Data((renderer.render(result.diagnostics) + "\n").utf8))
            }
            let errors = result.diagnostics.errorCount, warnings = result.diagnostics.warningCount
            let counts = "\(errors) error\(errors == 1 ? "" : "s"), \(warnings) warning\(warnings == 1 ? "" : "s")"
            let cause = changedPaths.isEmpty ? "" : " after changes to \(describe(changedPaths, workingDirectory: workingDirectory))"
            if result.succeeded {
                let seconds = String(format: "%.2f", result.totalSeconds)
                output("portal: built \(pages) pages in memory\(cause) with \(warnings) warning\(warnings == 1 ? "" : "s") in \(seconds) s (as of \(result.asOf)).")
            } else {
                FileHandle.standardError.write(Data("portal: build failed\(cause) with \(counts); the browser shows the errors until they are fixed.\n".utf8))
            }
        case .ready(let url, _):
            output("portal: serving \(url) — edit files in content/ and save; open tabs reload. Press Ctrl-C to stop.")
        case .stopping:
            break
        }
    }

    /// Writes a line to stdout at once (not buffered), so scripts and tests see the address immediately.
    static func output(_ line: String) {
        FileHandle.standardOutput.write(Data((line + "\n").utf8))
    }

    /// The changed files relative to the working directory, at most three named.
    static func describe(_ paths: [String], workingDirectory: String) -> String {
        let prefix = workingDirectory.hasSuffix("/") ? workingDirectory : workingDirectory + "/"
        let shown = paths.prefix(3).map { $0.hasPrefix(prefix) ? String($0.dropFirst(prefix.count)) : $0 }
        let more = paths.count > 3 ? " and \(paths.count - 3) more" : ""
        return shown.joined(separator: ", ") + more
    }
}
