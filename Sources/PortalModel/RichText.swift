/// Prose written in Markdown, already rendered: safe HTML with resolved links, plain text, and its headings.
public struct RichText: Sendable, Hashable {
    /// The Markdown as the author wrote it, while the content stage works with it; empty in a loaded `Site`
    /// (see `withoutSource()`): nothing after the content stage needs it, and long bodies are the largest part of a
    /// site's memory.
    public private(set) var markdown: String
    /// Safe HTML (raw HTML and unsafe URLs dropped, links to content files rewritten to page URLs).
    public var html: String
    /// The text without markup, for summaries, feeds and search.
    public var plainText: String
    /// The headings, for tables of contents and anchors.
    public var headings: [Heading]
    /// Whether the author wrote nothing but white space (kept when the source is let go).
    public private(set) var isEmpty: Bool

    public init(markdown: String, html: String, plainText: String, headings: [Heading] = []) {
        self.markdown = markdown
        self.html = html
        self.plainText = plainText
        self.headings = headings
        isEmpty = markdown.allSatisfy(\.isWhitespace)
    }

    /// Empty prose.
    public static let empty = RichText(markdown: "", html: "", plainText: "")

    /// The same prose without its Markdown source; `isEmpty` still tells whether the author wrote anything.
    public func withoutSource() -> RichText {
        var copy = self
        copy.markdown = ""
        return copy
    }

    public struct Heading: Sendable, Hashable {
        public var level: Int
        public var text: String
        public var id: String

        public init(level: Int, text: String, id: String) {
            self.level = level
            self.text = text
            self.id = id
        }
    }
}
