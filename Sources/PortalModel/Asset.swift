/// A file from `content/assets/`, published as it is under `/assets/`.
public struct Asset: Sendable, Hashable, Codable {
    /// The path below `assets/`, such as `bilder/chatbot.png`.
    public var path: String
    public var size: Int

    public init(path: String, size: Int) {
        self.path = path
        self.size = size
    }

    /// The public URL path.
    public var urlPath: String { "/assets/" + path }
}
