/// Renders a ``MarkdownDocument`` as an HTML fragment, in safe mode.
///
/// The markup follows cmark's HTML renderer (so cmark's output is an oracle for structure), with these
/// differences:
/// - Raw HTML is dropped without a trace (cmark writes `<!-- raw HTML omitted -->`), and so is a paragraph
///   that consisted only of raw HTML. Inline HTML is dropped tag by tag: in `Das ist <b>neu</b>` the tags go
///   and the Markdown text between them, `neu`, stays.
/// - A link whose destination is unsafe (see ``MarkdownURLPolicy``) renders as its text only; an image with an
///   unsafe source renders as its alt text.
/// - Headings carry their id (`<h2 id="ziele">`) and are shifted by ``headingLevelOffset``.
/// - Images get `loading="lazy"`.
/// - Destinations pass through the ``linkRewriter`` first.
///
/// Text is escaped (`&`, `<`, `>`, `"`), URLs are percent-encoded where needed and `&`/`'` written as entities.
/// Rendering is pure: the same document and settings always give the same bytes.
public struct MarkdownHTMLRenderer: Sendable {
    /// Added to every heading level, the result clamped to 1…6: with 1, `#` renders as `<h2>` (for pages whose
    /// title is the `<h1>`).
    public var headingLevelOffset: Int
    /// Maps destinations to the URLs to emit; nil keeps every destination as written.
    public var linkRewriter: MarkdownLinkRewriter?

    /// Creates a renderer.
    public init(headingLevelOffset: Int = 0, linkRewriter: MarkdownLinkRewriter? = nil) {
        self.headingLevelOffset = headingLevelOffset
        self.linkRewriter = linkRewriter
    }

    /// The HTML of a whole document.
    public func render(_ document: MarkdownDocument) -> String {
        render(document.blocks)
    }

    /// The HTML of a sequence of blocks (e.g. ``MarkdownDocument/firstParagraph`` alone).
    public func render(_ blocks: [MarkdownBlock]) -> String {
        var html = ""
        appendBlocks(blocks, inTightList: false, to: &html)
        return html
    }

    /// The HTML of inline content without a surrounding `<p>`, for one-paragraph texts used inside other markup.
    public func renderInlines(_ inlines: [MarkdownInline]) -> String {
        var html = ""
        appendInlines(inlines, to: &html)
        return html
    }

    // MARK: - Blocks

    /// Appends blocks; paragraphs directly inside an item of a tight list are written without `<p>`.
    private func appendBlocks(_ blocks: [MarkdownBlock], inTightList: Bool, to html: inout String) {
        for block in blocks {
            appendBlock(block, inTightList: inTightList, to: &html)
        }
    }

    /// Appends one block.
    private func appendBlock(_ block: MarkdownBlock, inTightList: Bool, to html: inout String) {
        switch block.kind {
        case .paragraph(let content):
            guard Self.hasVisibleContent(content) else { return }
            if inTightList {
                appendInlines(content, to: &html)
            } else {
                Self.startLine(&html)
                html.append("<p>")
                appendInlines(content, to: &html)
                html.append("</p>\n")
            }
        case .heading(let level, let content, let id):
            let offset = min(6, max(-6, headingLevelOffset))
            let tag = "h\(min(6, max(1, level + offset)))"
            Self.startLine(&html)
            html.append("<\(tag) id=\"")
            HTMLEscaping.appendEscapedText(id, to: &html)
            html.append("\">")
            appendInlines(content, to: &html)
            html.append("</\(tag)>\n")
        case .blockQuote(let children):
            Self.startLine(&html)
            html.append("<blockquote>\n")
            appendBlocks(children, inTightList: false, to: &html)
            Self.startLine(&html)
            html.append("</blockquote>\n")
        case .list(let list):
            appendList(list, to: &html)
        case .codeBlock(let info, let code):
            Self.startLine(&html)
            let language = info.prefix { $0 != " " && $0 != "\t" }
            if language.isEmpty {
                html.append("<pre><code>")
            } else {
                html.append("<pre><code class=\"language-")
                HTMLEscaping.appendEscapedText(language, to: &html)
                html.append("\">")
            }
            HTMLEscaping.appendEscapedText(code, to: &html)
            html.append("</code></pre>\n")
        case .htmlBlock:
            break
        case .thematicBreak:
            Self.startLine(&html)
            html.append("<hr />\n")
        }
    }

    /// Appends a bullet or ordered list.
    private func appendList(_ list: MarkdownList, to html: inout String) {
        Self.startLine(&html)
        let closingTag: String
        switch list.kind {
        case .bullet:
            html.append("<ul>\n")
            closingTag = "</ul>\n"
        case .ordered(let start):
            html.append(start == 1 ? "<ol>\n" : "<ol start=\"\(start)\">\n")
            closingTag = "</ol>\n"
        }
        for item in list.items {
            Self.startLine(&html)
            html.append("<li>")
            appendBlocks(item.blocks, inTightList: list.isTight, to: &html)
            html.append("</li>\n")
        }
        html.append(closingTag)
    }

    // MARK: - Inlines

    /// Appends inline content.
    private func appendInlines(_ inlines: [MarkdownInline], to html: inout String) {
        for inline in inlines {
            switch inline.kind {
            case .text(let text):
                HTMLEscaping.appendEscapedText(text, to: &html)
            case .softBreak:
                html.append("\n")
            case .lineBreak:
                html.append("<br />\n")
            case .code(let code):
                html.append("<code>")
                HTMLEscaping.appendEscapedText(code, to: &html)
                html.append("</code>")
            case .html:
                break
            case .emphasis(let content):
                html.append("<em>")
                appendInlines(content, to: &html)
                html.append("</em>")
            case .strong(let content):
                html.append("<strong>")
                appendInlines(content, to: &html)
                html.append("</strong>")
            case .link(let destination, let title, let content):
                guard let url = emittedURL(for: destination, kind: .link) else {
                    appendInlines(content, to: &html)
                    continue
                }
                html.append("<a href=\"")
                HTMLEscaping.appendEscapedURL(url, to: &html)
                Self.appendTitle(title, to: &html)
                html.append("\">")
                appendInlines(content, to: &html)
                html.append("</a>")
            case .image(let source, let title, let description):
                let altText = PlainTextExtractor.text(of: description, singleLine: true)
                guard let url = emittedURL(for: source, kind: .image) else {
                    HTMLEscaping.appendEscapedText(altText, to: &html)
                    continue
                }
                html.append("<img src=\"")
                HTMLEscaping.appendEscapedURL(url, to: &html)
                html.append("\" alt=\"")
                HTMLEscaping.appendEscapedText(altText, to: &html)
                Self.appendTitle(title, to: &html)
                html.append("\" loading=\"lazy\" />")
            }
        }
    }

    /// The URL to write for a destination, or nil if it (or what the rewriter made of it) is unsafe.
    private func emittedURL(for destination: String, kind: MarkdownLink.Kind) -> String? {
        guard MarkdownURLPolicy.isSafe(destination, for: kind) else { return nil }
        guard let rewritten = linkRewriter?(destination, kind) else { return destination }
        return MarkdownURLPolicy.isSafe(rewritten, for: kind) ? rewritten : nil
    }

    /// Closes the open attribute value and adds `title="…"` if there is a title; leaves the new value open.
    private static func appendTitle(_ title: String, to html: inout String) {
        guard !title.isEmpty else { return }
        html.append("\" title=\"")
        HTMLEscaping.appendEscapedText(title, to: &html)
    }

    /// Starts a new line unless the output is empty or already at the start of a line (cmark's `cr()`).
    private static func startLine(_ html: inout String) {
        if let last = html.utf8.last, last != UInt8(ascii: "\n") {
            html.append("\n")
        }
    }

    /// Whether a paragraph still shows something once raw HTML is dropped: false only for one made of raw HTML
    /// with nothing but whitespace and line breaks around it (paragraphs without raw HTML always render).
    private static func hasVisibleContent(_ inlines: [MarkdownInline]) -> Bool {
        let containsHTML = inlines.contains { inline in
            if case .html = inline.kind { true } else { false }
        }
        guard containsHTML else { return true }
        return inlines.contains { inline in
            switch inline.kind {
            case .html, .softBreak, .lineBreak: false
            case .text(let text): !text.allSatisfy(\.isWhitespace)
            default: true
            }
        }
    }
}
