/// A bullet or ordered list: its kind, whether it is tight, and its items.
public struct MarkdownList: Sendable, Hashable {
    /// Bullet list, or ordered list with the number of its first item.
    public enum Kind: Sendable, Hashable {
        /// `-`, `*` or `+` items.
        case bullet
        /// `1.` or `1)` items, numbered from `start`.
        case ordered(start: Int)
    }

    /// Bullet or ordered.
    public var kind: Kind
    /// A tight list (no blank lines between items) renders its paragraphs without `<p>`.
    public var isTight: Bool
    /// The list items in order.
    public var items: [MarkdownListItem]

    /// Creates a list.
    public init(kind: Kind, isTight: Bool, items: [MarkdownListItem]) {
        self.kind = kind
        self.isTight = isTight
        self.items = items
    }
}
