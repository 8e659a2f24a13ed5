/// One block of a Markdown document (paragraph, heading, list …) with the place it starts.
public struct MarkdownBlock: Sendable, Hashable {
    /// What this block is.
    public enum Kind: Sendable, Hashable {
        /// A paragraph of inline content.
        case paragraph([MarkdownInline])
        /// A heading as written (level 1–6), its content, and its id, unique within the document.
        case heading(level: Int, content: [MarkdownInline], id: String)
        /// A block quote.
        case blockQuote([MarkdownBlock])
        /// A bullet or ordered list.
        case list(MarkdownList)
        /// A fenced or indented code block: the info string (empty if none; `swift` in ```` ```swift ````) and
        /// the code, ending in a newline unless empty.
        case codeBlock(info: String, code: String)
        /// A raw HTML block as written. Never rendered (safe mode); see ``MarkdownDocument/rawHTML``.
        case htmlBlock(String)
        /// A thematic break (`---`).
        case thematicBreak
    }

    /// What this block is.
    public var kind: Kind
    /// Where the block starts (its first character, e.g. the `#` of a heading or the `>` of a block quote).
    public var position: SourcePosition

    /// Creates a block.
    public init(_ kind: Kind, at position: SourcePosition) {
        self.kind = kind
        self.position = position
    }
}
