import ArgumentParser
import PortalBuild

/// The `portal` command: builds and checks transparency portals about AI in public administration.
@main
struct Portal: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "portal",
        abstract: "Build an accessible static transparency portal about AI in public administration.",
        discussion: """
            Examples:
              portal build                      build content/ with templates/ into site/
              portal check --strict             validate only; warnings fail too (for CI and pre-commit hooks)
              portal build --diagnostics-format github --base-url https://ki.stadt.example
            """,
        version: Builder.version,
        subcommands: [BuildCommand.self, CheckCommand.self],
        defaultSubcommand: nil
    )
}
