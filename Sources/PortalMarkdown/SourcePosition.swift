/// A place in the Markdown text: 1-based line and column.
///
/// Lines are counted the way CommonMark counts them (`\n`, `\r\n` and `\r` each end a line). Columns count
/// Unicode scalars (characters as an editor shows them; a tab counts as one), not bytes, so `Ä` is one column.
/// Positions are relative to the text given to ``MarkdownDocument/parse(_:reservedHeadingIDs:)``; a caller that
/// cut the text out of a larger file (after front matter, say) adds its own line offset.
public struct SourcePosition: Sendable, Hashable, Comparable, CustomStringConvertible {
    /// The 1-based line number.
    public var line: Int
    /// The 1-based column, in Unicode scalars.
    public var column: Int

    /// Creates a position from a 1-based line and column.
    public init(line: Int, column: Int) {
        self.line = line
        self.column = column
    }

    /// The position of the first character of a text.
    public static let start = SourcePosition(line: 1, column: 1)

    public static func < (lhs: SourcePosition, rhs: SourcePosition) -> Bool {
        (lhs.line, lhs.column) < (rhs.line, rhs.column)
    }

    /// `line:column`, as compilers print positions.
    public var description: String { "\(line):\(column)" }
}
