/// A link or image found in a Markdown document, for validation by the content loader.
public struct MarkdownLink: Sendable, Hashable {
    /// Link (`[text](destination)`, autolinks, reference links) or image (`![alt](source)`).
    public enum Kind: Sendable, Hashable {
        /// A hyperlink.
        case link
        /// An image.
        case image
    }

    /// Link or image.
    public var kind: Kind
    /// The destination (the image source for images) as cmark resolved it: entities and escapes decoded,
    /// reference links replaced by their definition's destination.
    public var destination: String
    /// The title (`"…"` after the destination); empty if none.
    public var title: String
    /// The plain text of the link, or the alt text (description) of an image; empty for an image without alt text.
    public var text: String
    /// Where the link or image starts (its `[` or `!`).
    public var position: SourcePosition
    /// Whether the destination passes ``MarkdownURLPolicy``; an unsafe link renders as its text only.
    public var isSafe: Bool

    /// Creates a link record.
    public init(
        kind: Kind, destination: String, title: String, text: String, position: SourcePosition, isSafe: Bool
    ) {
        self.kind = kind
        self.destination = destination
        self.title = title
        self.text = text
        self.position = position
        self.isSafe = isSafe
    }

    /// Whether this is an image whose alt text is empty or only whitespace (an accessibility problem to report).
    public var isImageWithoutAltText: Bool {
        kind == .image && text.allSatisfy(\.isWhitespace)
    }
}
