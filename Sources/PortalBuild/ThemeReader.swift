import Foundation
import PortalDiagnostics
import PortalRender

/// Reads the theme from disk: the default theme, with single files overridden by the user's templates folder.
enum ThemeReader {
    static func read(defaultDirectory: String?, overrideDirectory: String?) -> (Theme, [Diagnostic]) {
        var templates: [String: Theme.File] = [:]
        var translations: [String: Theme.File] = [:]
        var staticFiles: [String: [UInt8]] = [:]
        var diagnostics: [Diagnostic] = []
        // Later folders override earlier ones, file by file.
        for directory in [defaultDirectory, overrideDirectory].compactMap({ $0 }) {
            var isDirectory: ObjCBool = false
            guard FileManager.default.fileExists(atPath: directory, isDirectory: &isDirectory), isDirectory.boolValue else {
                diagnostics.append(.error(.missingFile, "The templates folder '\(directory)' does not exist.", at: SourceLocation(file: directory)))
                continue
            }
            let root = directory.hasSuffix("/") ? String(directory.dropLast()) : directory
            for relativePath in ContentReader.walk(root: root).sorted() {
                let path = root + "/" + relativePath
                guard let data = FileManager.default.contents(atPath: path) else {
                    diagnostics.append(.error(.unreadableFile, "The template file could not be read.", at: SourceLocation(file: path)))
                    continue
                }
                if relativePath.hasPrefix("static/") {
                    staticFiles[String(relativePath.dropFirst("static/".count))] = [UInt8](data)
                    continue
                }
                guard let text = String(data: data, encoding: .utf8) else {
                    diagnostics.append(.error(.invalidEncoding, "The template is not valid UTF-8.", at: SourceLocation(file: path)))
                    continue
                }
                let file = Theme.File(relativePath: relativePath, displayPath: path, text: text)
                if relativePath.hasPrefix("i18n/"), relativePath.hasSuffix(".yml") {
                    let language = String(relativePath.dropFirst("i18n/".count).dropLast(".yml".count))
                    translations[language] = file
                } else if relativePath.hasSuffix(".mustache") {
                    templates[relativePath] = file
                }
            }
        }
        return (Theme(templates: templates, translations: translations, staticFiles: staticFiles), diagnostics)
    }
}
