/// One item of a ``MarkdownList``: the blocks it contains and the place its marker starts.
public struct MarkdownListItem: Sendable, Hashable {
    /// The content of the item.
    public var blocks: [MarkdownBlock]
    /// Where the list marker (`-`, `1.` …) starts.
    public var position: SourcePosition

    /// Creates a list item.
    public init(blocks: [MarkdownBlock], at position: SourcePosition) {
        self.blocks = blocks
        self.position = position
    }
}
