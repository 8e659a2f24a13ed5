import ArgumentParser
import Foundation
import PortalContent
import PortalDiagnostics

/// `portal import oparl`: turns OParl JSON exports into hand-editable motion Markdown files.
struct ImportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "import",
        abstract: "Take over council papers from another system as Markdown files.",
        discussion: """
            Example:
              portal import oparl export/            reads every *.json in export/ (Paper, Organization, Meeting, Person …)
              portal import oparl Paper-01.json      reads one file
            Writes one content/motions/<reference>.md per OParl Paper (never overwriting a file) and adds
            organizations that no body in bodies.yml names with 'oparlId' to the list in bodies.yml, in the
            form the file has (a bare list or a list under 'bodies:'), keeping its comments.
            """
    )

    /// The formats `portal import` reads.
    enum Format: String, ExpressibleByArgument, CaseIterable {
        case oparl
    }

    @Argument(help: "The format: oparl.")
    var format: Format

    @Argument(help: "An OParl JSON file, or a folder whose *.json files are read.")
    var source: String

    @Option(name: .long, help: "The content folder.")
    var content: String = "content"

    func run() throws {
        let fileManager = FileManager.default
        let folder = content.hasSuffix("/") ? String(content.dropLast()) : content
        var isDirectory: ObjCBool = false
        guard fileManager.fileExists(atPath: folder, isDirectory: &isDirectory), isDirectory.boolValue else {
            fail("The content folder '\(folder)' does not exist. Pass --content DIR.")
        }
        guard fileManager.fileExists(atPath: source, isDirectory: &isDirectory) else { fail("'\(source)' does not exist.") }
        var paths: [String] = []
        if isDirectory.boolValue {
            let names = (try? fileManager.contentsOfDirectory(atPath: source)) ?? []
            paths = names.filter { $0.lowercased().hasSuffix(".json") }.sorted().map { (source as NSString).appendingPathComponent($0) }
            if paths.isEmpty { fail("'\(source)' holds no .json files.") }
        } else {
            paths = [source]
        }
        let files = paths.map { path in
            ContentFile(relativePath: (path as NSString).lastPathComponent, displayPath: path,
                        bytes: Array(fileManager.contents(atPath: path) ?? Data()))
        }
        let bodiesPath = folder + "/bodies.yml"
        let bodies = fileManager.contents(atPath: bodiesPath).map {
            ContentFile(relativePath: "bodies.yml", displayPath: bodiesPath, bytes: Array($0))
        }
        let result = OParlMarkdownExport.convert(files: files, bodies: bodies)
        let renderer = DiagnosticRenderer(format: .text, workingDirectory: fileManager.currentDirectoryPath)
        if !result.diagnostics.isEmpty {
            FileHandle.standardError.write(Data((renderer.render(Diagnostics(result.diagnostics)) + "\n").utf8))
        }
        if result.hasErrors { fail("nothing was written; fix the errors above first.") }
        let existing = result.motions.map { folder + "/" + $0.relativePath }.filter { fileManager.fileExists(atPath: $0) }
        if !existing.isEmpty {
            fail("\(existing.joined(separator: ", ")) already exist\(existing.count == 1 ? "s" : ""); nothing was written. Remove or rename them to import again.")
        }
        // The new bodies.yml is made before anything is written, so a file it cannot extend stops the import.
        var bodiesText: String?
        if result.bodyCount > 0 {
            switch result.bodiesFile(updating: bodies) {
            case .success(let text): bodiesText = text
            case .failure(let diagnostic):
                FileHandle.standardError.write(Data((renderer.render(Diagnostics([diagnostic])) + "\n").utf8))
                fail("nothing was written; \(bodiesPath) could not take the \(result.bodyCount) new bodies (see above).")
            }
        }
        do {
            try fileManager.createDirectory(atPath: folder + "/motions", withIntermediateDirectories: true)
            for motion in result.motions {
                let path = folder + "/" + motion.relativePath
                try Data(motion.text.utf8).write(to: URL(fileURLWithPath: path), options: .withoutOverwriting)
                print("portal: wrote \(path)")
            }
            if let bodiesText {
                try Data(bodiesText.utf8).write(to: URL(fileURLWithPath: bodiesPath), options: .atomic)
                print("portal: added \(result.bodyCount) bodies to \(bodiesPath)")
            }
        } catch {
            fail("writing failed: \(error.localizedDescription)")
        }
        print("Next: add the justification (Begründung) below each file's front matter, and resolution items if you track them; run 'portal check'.")
    }

    private func fail(_ message: String) -> Never {
        FileHandle.standardError.write(Data("portal: \(message)\n".utf8))
        Self.exit(withError: ExitCode(1))
    }
}
