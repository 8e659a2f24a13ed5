/// A news item for citizens; updates feed the Atom and JSON feeds and the timeline.
public struct Update: Sendable, Hashable, Codable, Identifiable {
    /// The file name without `.md`, such as `2025-05-08-stadtrat-beraet`.
    public var slug: String
    public var title: String
    public var date: LocalDate
    public var summary: String?
    public var type: UpdateType
    public var related: [Related]
    public var tags: [String]
    public var body: RichText
    public var sourcePath: String

    public var id: String { slug }

    public init(
        slug: String, title: String, date: LocalDate, summary: String?, type: UpdateType, related: [Related],
        tags: [String], body: RichText, sourcePath: String
    ) {
        self.slug = slug
        self.title = title
        self.date = date
        self.summary = summary
        self.type = type
        self.related = related
        self.tags = tags
        self.body = body
        self.sourcePath = sourcePath
    }

    /// Something an update is about: a motion (by reference) or a measure (by slug).
    public enum Related: Sendable, Hashable, Codable {
        case motion(String)
        case measure(String)
    }
}
