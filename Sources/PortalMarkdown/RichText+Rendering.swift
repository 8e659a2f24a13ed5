import PortalModel

extension RichText {
    /// The prose as safe HTML: raw HTML and unsafe URLs dropped, links to content files pointing at their pages,
    /// headings with their ids and shifted so the text's top level is `<h2>`.
    ///
    /// Parses the Markdown on every call (a site keeps no HTML, see `RichText`): read it once per page.
    public var html: String {
        let document = document()
        let topLevel = document.headings.map(\.level).min() ?? 2
        let targets = linkTargets
        let renderer = MarkdownHTMLRenderer(
            headingLevelOffset: max(0, 2 - topLevel),
            linkRewriter: { destination, _ in targets[destination] })
        if isInline, document.blocks.count == 1, case .paragraph(let inlines) = document.blocks[0].kind {
            return renderer.renderInlines(inlines)
        }
        return renderer.render(document)
    }

    /// The text without markup, for feeds, open data and the search index: one line per paragraph, heading and
    /// code block. Parses the Markdown on every call; for excerpts and descriptions, `leadText` is enough.
    public var plainText: String {
        CommonMarkConverter.convert(markdown, reservedHeadingIDs: [], positions: false, headingIDs: false).plainText
    }

    /// The Markdown parsed as the content stage parsed it when it checked it (same reserved heading ids), without
    /// source positions, which only diagnostics need.
    private func document() -> MarkdownDocument {
        MarkdownDocument.parse(markdown, reservedHeadingIDs: Set(reservedHeadingIDs), positions: false)
    }
}
