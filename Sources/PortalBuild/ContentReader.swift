import Foundation
import PortalContent
import PortalDiagnostics
import PortalModel

/// Reads the content folder from disk: the only place content files are read.
enum ContentReader {
    /// Text files larger than this are refused instead of read (assets may be larger).
    static let maximumTextFileSize = 8 * 1024 * 1024

    /// The content files and assets below `directory`, with diagnostics for what could not be read.
    static func read(directory: String, displayPrefix: String) -> (files: [ContentFile], assets: [Asset], diagnostics: [Diagnostic]) {
        var files: [ContentFile] = []
        var assets: [Asset] = []
        var diagnostics: [Diagnostic] = []
        let fileManager = FileManager.default
        let root = URL(fileURLWithPath: directory).standardizedFileURL.resolvingSymlinksInPath()
        var isDirectory: ObjCBool = false
        guard fileManager.fileExists(atPath: root.path, isDirectory: &isDirectory), isDirectory.boolValue else {
            let shown = displayPrefix.isEmpty ? directory : displayPrefix
            diagnostics.append(.error(.missingFile, "The content folder '\(shown)' does not exist. Create it or pass --content DIR.", at: SourceLocation(file: shown)))
            return ([], [], diagnostics)
        }
        let rootPath = root.path.hasSuffix("/") ? root.path : root.path + "/"
        for relativePath in walk(root: root.path).sorted() {
            let absolute = rootPath + relativePath
            let display = displayPrefix.isEmpty ? relativePath : displayPrefix + "/" + relativePath
            let location = SourceLocation(file: display)
            // A link may point anywhere; only files that really lie inside the content folder are read.
            let resolved = URL(fileURLWithPath: absolute).resolvingSymlinksInPath().path
            guard resolved.hasPrefix(rootPath) else {
                diagnostics.append(.error(.unreadableFile, "This is a symbolic link to '\(resolved)', outside the content folder. Copy the file into content/ instead.", at: location))
                continue
            }
            guard let attributes = try? fileManager.attributesOfItem(atPath: resolved),
                  attributes[.type] as? FileAttributeType == .typeRegular,
                  let size = (attributes[.size] as? NSNumber)?.intValue
            else {
                diagnostics.append(.error(.unreadableFile, "This is not a regular file that can be read.", at: location))
                continue
            }
            if relativePath.hasPrefix("assets/") {
                assets.append(Asset(path: String(relativePath.dropFirst("assets/".count)), size: size))
                continue
            }
            if size > maximumTextFileSize {
                diagnostics.append(.error(.unreadableFile, "The file is \(size / 1_048_576) MB; content files may be at most \(maximumTextFileSize / 1_048_576) MB. Put large files in assets/.", at: location))
                continue
            }
            guard let data = fileManager.contents(atPath: resolved) else {
                diagnostics.append(.error(.unreadableFile, "The file could not be read (check its permissions).", at: location))
                continue
            }
            files.append(ContentFile(relativePath: relativePath, displayPath: display, bytes: [UInt8](data)))
        }
        return (files, assets, diagnostics)
    }

    /// Every file path below `root`, relative to it, not following directory links; hidden entries skipped.
    static func walk(root: String) -> [String] {
        var result: [String] = []
        var pending = [""]
        let fileManager = FileManager.default
        while let relative = pending.popLast() {
            let absolute = relative.isEmpty ? root : root + "/" + relative
            guard let names = try? fileManager.contentsOfDirectory(atPath: absolute) else { continue }
            for name in names where !name.hasPrefix(".") {
                let child = relative.isEmpty ? name : relative + "/" + name
                let childPath = root + "/" + child
                var isDirectory: ObjCBool = false
                let attributes = try? fileManager.attributesOfItem(atPath: childPath)
                let isLink = attributes?[.type] as? FileAttributeType == .typeSymbolicLink
                if !isLink, fileManager.fileExists(atPath: childPath, isDirectory: &isDirectory), isDirectory.boolValue {
                    pending.append(child)
                } else {
                    result.append(child)
                }
            }
        }
        return result
    }
}
