/// A heading of a Markdown document, for tables of contents and anchor links.
public struct MarkdownHeading: Sendable, Hashable {
    /// The level as written (`#` is 1), before any offset the renderer applies.
    public var level: Int
    /// The plain text of the heading.
    public var text: String
    /// The id of the heading element, unique within the document.
    public var id: String
    /// Where the heading starts.
    public var position: SourcePosition

    /// Creates a heading record.
    public init(level: Int, text: String, id: String, position: SourcePosition) {
        self.level = level
        self.text = text
        self.id = id
        self.position = position
    }
}
