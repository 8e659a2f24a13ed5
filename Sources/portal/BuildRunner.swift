import Foundation
import PortalBuild
import PortalDiagnostics

/// Runs a build for a command and prints its diagnostics and summary.
enum BuildRunner {
    static func run(flags: BuildFlags, output: String, writes: Bool) -> BuildResult {
        let workingDirectory = FileManager.default.currentDirectoryPath
        let options = BuildOptions(
            contentDirectory: flags.content, templatesDirectory: flags.templates, outputDirectory: output,
            baseURL: flags.baseURL, strict: flags.strict, asOf: flags.asOf, writesOutput: writes,
            workingDirectory: workingDirectory)
        let reporter = ProgressReporter()
        var builder = Builder(options: options)
        builder.progress = { reporter.report($0) }
        builder.leavesMemoryToProcessExit = true
        let result = builder.run()
        reporter.finish()
        let renderer = DiagnosticRenderer(format: flags.diagnosticsFormat, workingDirectory: workingDirectory)
        if !result.diagnostics.isEmpty {
            FileHandle.standardError.write(Data((renderer.render(result.diagnostics) + "\n").utf8))
        }
        if flags.timings {
            for timing in result.timings {
                let memory = timing.peakResidentBytes.map { String(format: "   peak memory %6.0f MiB", Double($0) / 1_048_576) } ?? ""
                let processor = timing.processorSeconds.map { String(format: "   cpu %7.3f s", $0) } ?? ""
                print("  \(timing.phase.padding(toLength: 14, withPad: " ", startingAt: 0)) \(String(format: "%8.3f s", timing.seconds))\(processor)\(memory)")
            }
        }
        let errors = result.diagnostics.errorCount, warnings = result.diagnostics.warningCount
        let seconds = String(format: "%.2f", result.totalSeconds)
        let counts = "\(errors) error\(errors == 1 ? "" : "s"), \(warnings) warning\(warnings == 1 ? "" : "s")"
        if !result.succeeded {
            FileHandle.standardError.write(Data("portal: \(writes ? "build" : "check") failed with \(counts); \(writes ? "the output folder was not changed" : "nothing was written").\n".utf8))
        } else if writes, result.reusedPublishedSite {
            print("portal: nothing changed since the last build; \(output) was left as it was (\(result.pagesWritten) pages, \(warnings) warning\(warnings == 1 ? "" : "s"), checked in \(seconds) s).")
        } else if writes {
            print("portal: wrote \(result.pagesWritten) pages (\(result.filesWritten) files) to \(output) with \(warnings) warning\(warnings == 1 ? "" : "s") in \(seconds) s (as of \(result.asOf)).")
        } else {
            print("portal: content is valid, \(warnings) warning\(warnings == 1 ? "" : "s"), checked in \(seconds) s (as of \(result.asOf)).")
        }
        return result
    }
}
