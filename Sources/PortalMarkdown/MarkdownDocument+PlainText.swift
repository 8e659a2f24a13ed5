extension MarkdownDocument {
    /// The readable text of the whole document for search and summaries: one line per paragraph, heading and
    /// code block (list items and quotes included), soft line breaks as spaces, no markup, entities decoded,
    /// raw HTML left out.
    public var plainText: String {
        PlainTextExtractor.text(of: blocks)
    }

    /// The first paragraph with visible text, in document order (inside quotes and lists too), or nil.
    public var firstParagraph: MarkdownBlock? {
        var pending = Array(blocks.reversed())
        while let block = pending.popLast() {
            switch block.kind {
            case .paragraph(let content):
                if !PlainTextExtractor.text(of: content).allSatisfy(\.isWhitespace) {
                    return block
                }
            case .blockQuote(let children):
                pending.append(contentsOf: children.reversed())
            case .list(let list):
                for item in list.items.reversed() {
                    pending.append(contentsOf: item.blocks.reversed())
                }
            case .heading, .codeBlock, .htmlBlock, .thematicBreak:
                break
            }
        }
        return nil
    }

    /// The plain text of ``firstParagraph`` on a single line (line breaks as spaces), or nil.
    public var firstParagraphText: String? {
        guard let paragraph = firstParagraph, case .paragraph(let content) = paragraph.kind else { return nil }
        return PlainTextExtractor.text(of: content, singleLine: true)
    }
}
