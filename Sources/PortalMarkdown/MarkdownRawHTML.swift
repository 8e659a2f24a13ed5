/// A piece of raw HTML found in Markdown, which the portal does not render.
///
/// Safe mode drops raw HTML completely instead of showing it escaped: an HTML block disappears with everything
/// in it (its text too, so no `alert(1)` or `<style>` content leaks onto the page), and an inline tag disappears
/// as a tag. Text between inline tags is ordinary Markdown text to cmark and stays: `Das ist <b>neu</b>` renders
/// as `Das ist neu`. The content loader reports each occurrence so the author can replace it with Markdown.
public struct MarkdownRawHTML: Sendable, Hashable {
    /// The HTML as written (a whole HTML block, or one inline tag such as `<span class="x">`).
    public var html: String
    /// Whether this is an HTML block (`true`) or inline HTML inside a paragraph (`false`).
    public var isBlock: Bool
    /// Where the HTML starts.
    public var position: SourcePosition

    /// Creates a record of raw HTML.
    public init(html: String, isBlock: Bool, at position: SourcePosition) {
        self.html = html
        self.isBlock = isBlock
        self.position = position
    }

    /// Whether the HTML is only a comment (`<!-- … -->`), which a loader may choose not to warn about.
    public var isComment: Bool {
        guard let first = html.firstIndex(where: { !$0.isWhitespace }),
              let last = html.lastIndex(where: { !$0.isWhitespace })
        else { return false }
        let trimmed = html[first...last]
        guard trimmed.hasPrefix("<!--"), let close = trimmed.dropFirst(4).firstRange(of: "-->") else { return false }
        return close.upperBound == trimmed.endIndex
    }
}
