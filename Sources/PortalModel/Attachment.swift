/// A file attached to a paper (OParl mainFile / auxiliaryFile).
public struct Attachment: Sendable, Hashable, Codable {
    public var title: String
    public var url: String
    public var mediaType: String?
    /// Size in bytes.
    public var size: Int?

    public init(title: String, url: String, mediaType: String?, size: Int?) {
        self.title = title
        self.url = url
        self.mediaType = mediaType
        self.size = size
    }
}
