/// One file of the search index: where it goes below the site root, and its bytes.
public struct SearchIndexFile: Sendable, Hashable {
    /// Path relative to the site root, e.g. `suche/index/manifest.json`.
    public var path: String
    /// The file's contents.
    public var bytes: [UInt8]

    /// Creates a file from its site-relative path and contents.
    public init(path: String, bytes: [UInt8]) {
        self.path = path
        self.bytes = bytes
    }
}
