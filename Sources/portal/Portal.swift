import ArgumentParser

@main
struct Portal: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "portal")
}
