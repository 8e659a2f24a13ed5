extension [MarkdownInline] {
    /// The readable text of inline content: no markup, entities decoded, raw HTML left out, image descriptions
    /// included, soft line breaks as spaces, hard line breaks as newlines.
    public var plainText: String {
        PlainTextExtractor.text(of: self)
    }
}
