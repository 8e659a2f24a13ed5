/// One inline element of a paragraph or heading (text, emphasis, link …) with the place it starts.
public struct MarkdownInline: Sendable, Hashable {
    /// What this inline element is.
    public enum Kind: Sendable, Hashable {
        /// Literal text; entities and backslash escapes are already decoded.
        case text(String)
        /// A line ending inside a paragraph (rendered as a newline, read as a space).
        case softBreak
        /// A hard line break (two trailing spaces or a backslash before the line ending).
        case lineBreak
        /// A code span; the string is its content without the backticks.
        case code(String)
        /// Raw inline HTML as written. Never rendered (safe mode); see ``MarkdownDocument/rawHTML``.
        case html(String)
        /// Emphasis (`*text*`).
        case emphasis([MarkdownInline])
        /// Strong emphasis (`**text**`).
        case strong([MarkdownInline])
        /// A link: destination as written (entities decoded), title (empty if none) and the link text.
        case link(destination: String, title: String, content: [MarkdownInline])
        /// An image: source as written (entities decoded), title (empty if none) and the description (alt text).
        case image(source: String, title: String, description: [MarkdownInline])
    }

    /// What this inline element is.
    public var kind: Kind
    /// Where the element starts. Code spans start at their content (after the opening backticks); line breaks,
    /// which cmark gives no position, carry the position of the paragraph or element that contains them.
    public var position: SourcePosition

    /// Creates an inline element.
    public init(_ kind: Kind, at position: SourcePosition) {
        self.kind = kind
        self.position = position
    }
}
