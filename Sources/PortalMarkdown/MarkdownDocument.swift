/// A parsed Markdown document: a tree of value types, free of any cmark state.
///
/// Parse with ``parse(_:reservedHeadingIDs:)``, render with ``MarkdownHTMLRenderer``, and read ``headings``,
/// ``links``, ``rawHTML`` and ``plainText`` to validate and index the content.
public struct MarkdownDocument: Sendable, Hashable {
    /// How deeply block containers (block quotes, lists) may nest, and separately how deeply inline containers
    /// (emphasis, links, images) may nest. Deeper containers are flattened: their content is kept and moves up
    /// into the innermost container still inside the limit. This bounds the recursion of every consumer of the
    /// tree; real documents stay far below it.
    public static let maximumNestingDepth = 32

    /// The top-level blocks in document order.
    public var blocks: [MarkdownBlock]
    /// Every piece of raw HTML in document order. None of it is rendered; the loader should warn about it.
    public var rawHTML: [MarkdownRawHTML]
    /// Where nesting first went beyond ``maximumNestingDepth`` and was flattened, or nil if it never did.
    public var nestingLimitPosition: SourcePosition?

    /// Creates a document from blocks that already carry their heading ids.
    public init(blocks: [MarkdownBlock], rawHTML: [MarkdownRawHTML] = [], nestingLimitPosition: SourcePosition? = nil) {
        self.blocks = blocks
        self.rawHTML = rawHTML
        self.nestingLimitPosition = nestingLimitPosition
    }

    /// Parses CommonMark text. Never fails: any input, including empty, binary or pathological text, yields
    /// a document.
    ///
    /// - Parameters:
    ///   - text: The Markdown (without front matter). Positions in the result are relative to it.
    ///   - reservedHeadingIDs: Ids the page template already uses (e.g. `inhalt` for a skip link); headings
    ///     never get one of them and are numbered on instead (`inhalt-2`).
    ///   - positions: Whether nodes carry their ``SourcePosition`` (for diagnostics); without, they carry none.
    public static func parse(_ text: String, reservedHeadingIDs: Set<String> = [], positions: Bool = true) -> MarkdownDocument {
        CommonMarkConverter.convert(text, reservedHeadingIDs: reservedHeadingIDs, positions: positions)
    }
}
