import PortalContent
import PortalModel

extension Txtar {
    /// The files as content files below a content folder shown as `content/`.
    public func contentFiles(displayPrefix: String = "content") -> [ContentFile] {
        files.filter { !$0.path.hasPrefix("assets/") }.map { file in
            ContentFile(relativePath: file.path, displayPath: displayPrefix + "/" + file.path, bytes: Array(file.text.utf8))
        }
    }

    /// The files below `assets/` as assets.
    public func assets() -> [Asset] {
        files.filter { $0.path.hasPrefix("assets/") }.map { file in
            Asset(path: String(file.path.dropFirst("assets/".count)), size: file.text.utf8.count)
        }
    }
}
