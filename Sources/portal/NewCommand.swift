import ArgumentParser
import Foundation
import PortalBuild
import PortalContent
import PortalModel

/// `portal new`: starts a new content file with every field explained.
struct NewCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "new",
        abstract: "Create a new measure, motion, update or page with every field explained.",
        discussion: """
            Examples:
              portal new measure "Bürger-Chatbot"       writes content/measures/buerger-chatbot.md
              portal new motion AT/0050/2025             writes content/motions/AT-0050-2025.md
              portal new update "Stadtrat berät"          writes content/updates/<today>-stadtrat-beraet.md
              portal new page "Häufige Fragen"           writes content/pages/haeufige-fragen.md
            An existing file is never overwritten.
            """
    )

    @Argument(help: "What to create: measure, motion, update or page.")
    var kind: Scaffold.Kind

    @Argument(help: "The title (for a motion: its reference, such as AT/0050/2025).")
    var name: String

    @Option(name: .long, help: "The content folder.")
    var content: String = "content"

    @Option(name: .long, help: "The date used for dates and update file names (YYYY-MM-DD); default: SOURCE_DATE_EPOCH, else today.")
    var asOf: LocalDate?

    func run() throws {
        let fileManager = FileManager.default
        var isDirectory: ObjCBool = false
        guard fileManager.fileExists(atPath: content, isDirectory: &isDirectory), isDirectory.boolValue else {
            fail("The content folder '\(content)' does not exist. Run portal new in the project folder or pass --content DIR.")
        }
        let ids = Scaffold.Defaults.ids(siteYAML: readText(content + "/site.yml"), bodiesYAML: readText(content + "/bodies.yml"))
        let defaults = Scaffold.Defaults(today: Builder.today(asOf: asOf), areaID: ids.areaID, bodyID: ids.bodyID)
        let file: Scaffold.File
        do {
            file = try Scaffold.file(kind, name: name, defaults: defaults)
        } catch {
            fail(error.description)
        }
        let folder = content.hasSuffix("/") ? String(content.dropLast()) : content
        let path = folder + "/" + file.relativePath
        if fileManager.fileExists(atPath: path) {
            fail("\(path) already exists; nothing was written. Edit that file, or choose another name.")
        }
        do {
            try fileManager.createDirectory(atPath: (path as NSString).deletingLastPathComponent, withIntermediateDirectories: true)
            try Data(file.text.utf8).write(to: URL(fileURLWithPath: path), options: .withoutOverwriting)
        } catch {
            fail("\(path) could not be written: \(error.localizedDescription)")
        }
        print("portal: wrote \(path)")
        print("Next: fill in the fields marked \"Bitte ausfüllen\" and save. Run 'portal serve' to watch the page \(file.route.path) update in the browser as you save, or 'portal check' to validate everything.")
    }

    private func readText(_ path: String) -> String? {
        FileManager.default.contents(atPath: path).map { String(decoding: $0, as: UTF8.self) }
    }

    private func fail(_ message: String) -> Never {
        FileHandle.standardError.write(Data("portal: \(message)\n".utf8))
        Self.exit(withError: ExitCode(1))
    }
}

extension Scaffold.Kind: ExpressibleByArgument {}
