/// A file of the generated site, in memory: its path below the site root and its bytes.
public struct OutputFile: Sendable, Hashable {
    /// Relative path with `/` separators, such as `massnahmen/chatbot/index.html`.
    public var path: String
    public var bytes: [UInt8]

    public init(path: String, bytes: [UInt8]) {
        self.path = path
        self.bytes = bytes
    }

    public init(path: String, text: String) {
        self.init(path: path, bytes: Array(text.utf8))
    }
}
