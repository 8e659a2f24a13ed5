import Foundation

/// Finds the default theme: `templates/` in the working directory, else next to the installed binary, else in the
/// source checkout the binary was built from.
enum ThemeLocator {
    static func defaultDirectory(workingDirectory: String, environment: [String: String]) -> String? {
        var candidates: [String] = []
        if let explicit = environment["PORTAL_DEFAULT_TEMPLATES"] { candidates.append(explicit) }
        candidates.append(workingDirectory + "/templates")
        let executable = URL(fileURLWithPath: CommandLine.arguments.first ?? "").resolvingSymlinksInPath()
        var folder = executable.deletingLastPathComponent()
        candidates.append(folder.appendingPathComponent("../share/portal/templates").standardizedFileURL.path)
        // A development build lives in <checkout>/.build/<config>/portal: walk up to the checkout.
        for _ in 0..<5 {
            folder = folder.deletingLastPathComponent()
            if FileManager.default.fileExists(atPath: folder.appendingPathComponent("Package.swift").path) {
                candidates.append(folder.appendingPathComponent("templates").path)
                break
            }
        }
        return candidates.first { path in
            FileManager.default.fileExists(atPath: path + "/layouts")
        }
    }
}
