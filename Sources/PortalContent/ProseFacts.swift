import PortalMarkdown
import PortalModel

/// What checking a Markdown text needs to know about it, without its parsed tree.
///
/// The first prose pass parses every text and keeps only these facts (a few hundred bytes per text) until the
/// second pass, which checks links against every anchor of the site; holding the trees instead took several
/// times the memory of the texts themselves, and parsing twice took a tenth of the check (both measured on
/// 10,000 articles).
struct ProseFacts: Sendable {
    /// Every link and image, in document order.
    var links: [MarkdownLink]
    /// The first piece of raw HTML that is not a comment, and how many there are.
    var firstRawHTML: SourcePosition?
    var rawHTMLCount: Int
    /// Where nesting first went beyond the parser's limit, if it did.
    var nestingLimitPosition: SourcePosition?
    /// The headings with their ids and positions.
    var headings: [MarkdownHeading]
    /// The start of the plain text (see `RichText.leadText`).
    var lead: String

    init(_ document: MarkdownDocument) {
        links = document.links
        let rawHTML = document.rawHTML.filter { !$0.isComment }
        firstRawHTML = rawHTML.first?.position
        rawHTMLCount = rawHTML.count
        nestingLimitPosition = document.nestingLimitPosition
        headings = document.headings
        lead = RichText.lead(of: document.plainText)
    }
}
