import Foundation
import PortalDiagnostics

/// Refuses output folders that a build must never replace: `/`, the home folder, a repository root, or a folder
/// that is or contains the content or templates.
enum OutputGuard {
    static func check(output: String, content: String, templates: [String]) -> Diagnostic? {
        let outputPath = canonical(output)
        let location = SourceLocation(file: output)
        func refuse(_ why: String) -> Diagnostic {
            .error(.outputRefused, "Refusing to use '\(output)' as the output folder: \(why) Choose a separate folder such as site/.", at: location)
        }
        if outputPath == "/" { return refuse("it is the file system root.") }
        let home = canonical(NSHomeDirectory())
        if outputPath == home { return refuse("it is your home folder.") }
        if FileManager.default.fileExists(atPath: outputPath + "/.git") || FileManager.default.fileExists(atPath: outputPath + "/Package.swift") {
            return refuse("it is a repository root.")
        }
        for (name, path) in [("content", content)] + templates.map({ ("templates", $0) }) {
            let other = canonical(path)
            if other == outputPath { return refuse("it is the \(name) folder.") }
            if other.hasPrefix(outputPath + "/") { return refuse("it contains the \(name) folder.") }
            if outputPath.hasPrefix(other + "/") { return refuse("it lies inside the \(name) folder.") }
        }
        return nil
    }

    /// An absolute path with links resolved (as far as they exist) and no trailing slash.
    static func canonical(_ path: String) -> String {
        let resolved = URL(fileURLWithPath: path).standardizedFileURL.resolvingSymlinksInPath().path
        return resolved.count > 1 && resolved.hasSuffix("/") ? String(resolved.dropLast()) : resolved
    }
}
