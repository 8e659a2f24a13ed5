/// Prose written in Markdown, already rendered: safe HTML with resolved links, plain text, and its headings.
public struct RichText: Sendable, Hashable {
    /// The Markdown as the author wrote it.
    public var markdown: String
    /// Safe HTML (raw HTML and unsafe URLs dropped, links to content files rewritten to page URLs).
    public var html: String
    /// The text without markup, for summaries, feeds and search.
    public var plainText: String
    /// The headings, for tables of contents and anchors.
    public var headings: [Heading]

    public init(markdown: String, html: String, plainText: String, headings: [Heading] = []) {
        self.markdown = markdown
        self.html = html
        self.plainText = plainText
        self.headings = headings
    }

    /// Empty prose.
    public static let empty = RichText(markdown: "", html: "", plainText: "")

    public var isEmpty: Bool { markdown.allSatisfy(\.isWhitespace) }

    /// A heading in rendered prose.
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
