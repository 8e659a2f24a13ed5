import ArgumentParser
import PortalBuild

/// The `portal` command: builds and checks transparency portals about AI in public administration.
@main
struct Portal: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "portal",
        abstract: "Build an accessible static transparency portal about AI in public administration.",
        discussion: """
            Examples:
              portal build                      build content/ with templates/ into site/
              portal check --strict             validate only; warnings fail too (for CI and pre-commit hooks)
              portal build --diagnostics-format github --base-url https://ki.stadt.example
              portal serve                      preview on http://127.0.0.1:8080/, rebuilt and reloaded on save
              portal new measure "Bürger-Chatbot"   start a new measure with every field explained
            """,
        version: Builder.version,
        subcommands: [BuildCommand.self, CheckCommand.self, ServeCommand.self, NewCommand.self, ImportCommand.self],
        defaultSubcommand: nil
    )
}
