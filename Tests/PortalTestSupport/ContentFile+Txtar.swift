import PortalContent

extension Txtar {
    /// The files as content files below a content folder shown as `content/`.
    public func contentFiles(displayPrefix: String = "content") -> [ContentFile] {
        files.filter { !$0.path.hasPrefix("assets/") }.map { file in
            ContentFile(relativePath: file.path, displayPath: displayPrefix + "/" + file.path, bytes: Array(file.text.utf8))
        }
    }
}
