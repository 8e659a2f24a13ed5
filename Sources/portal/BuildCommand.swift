import ArgumentParser
import Foundation
import PortalBuild

/// `portal build`: validates the content and writes the site.
struct BuildCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "build",
        abstract: "Build the site into the output folder (replaced only when the build succeeds).",
        discussion: "Example: portal build --content content --output site"
    )

    @OptionGroup var flags: BuildFlags

    @Option(name: .long, help: "The output folder; replaced as a whole when the build succeeds.")
    var output: String = "site"

    func run() throws {
        let result = BuildRunner.run(flags: flags, output: output, writes: true)
        if !result.succeeded { throw ExitCode(1) }
    }
}

/// `portal check`: everything a build does except writing.
struct CheckCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "check",
        abstract: "Validate content and templates without writing anything.",
        discussion: "Example: portal check --strict --diagnostics-format github"
    )

    @OptionGroup var flags: BuildFlags

    func run() throws {
        let result = BuildRunner.run(flags: flags, output: "site", writes: false)
        if !result.succeeded { throw ExitCode(1) }
    }
}
