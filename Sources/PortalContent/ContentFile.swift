import PortalDiagnostics

/// One file of the content folder as read from disk: where it is and its bytes. Reading happens elsewhere.
public struct ContentFile: Sendable, Hashable {
    /// The path below the content folder with `/` separators, such as `measures/chatbot.md`.
    public var relativePath: String
    /// The path shown in diagnostics (as the user would type it, e.g. `content/measures/chatbot.md`).
    public var displayPath: String
    public var bytes: [UInt8]

    public init(relativePath: String, displayPath: String, bytes: [UInt8]) {
        self.relativePath = relativePath
        self.displayPath = displayPath
        self.bytes = bytes
    }

    /// A location in this file.
    func location(line: Int? = nil, column: Int? = nil) -> SourceLocation {
        SourceLocation(file: displayPath, line: line, column: column)
    }
}
