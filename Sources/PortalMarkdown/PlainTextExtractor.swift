/// Extracts the readable text of Markdown content: no markup, entities decoded, raw HTML left out.
///
/// Inline content keeps its text, code spans and image descriptions; a soft line break becomes a space, a hard
/// line break a newline (or a space where a single line is wanted, as in alt text and headings). Blocks become
/// lines: the text of each paragraph, heading and code block, joined by newlines, with empty ones left out.
enum PlainTextExtractor {
    /// The text of inline content.
    ///
    /// - Parameter singleLine: Whether hard line breaks become spaces (for alt text, headings, summaries).
    static func text(of inlines: [MarkdownInline], singleLine: Bool = false) -> String {
        var text = ""
        append(inlines, singleLine: singleLine, to: &text)
        return text
    }

    /// The text of blocks: one line per paragraph, heading or code block, list items and quotes included.
    static func text(of blocks: [MarkdownBlock]) -> String {
        var lines: [String] = []
        appendLines(of: blocks, to: &lines)
        return lines.joined(separator: "\n")
    }

    /// Appends the text of inline content to `text`.
    private static func append(_ inlines: [MarkdownInline], singleLine: Bool, to text: inout String) {
        for inline in inlines {
            switch inline.kind {
            case .text(let literal), .code(let literal):
                text.append(literal)
            case .softBreak:
                text.append(" ")
            case .lineBreak:
                text.append(singleLine ? " " : "\n")
            case .html:
                break
            case .emphasis(let content), .strong(let content):
                append(content, singleLine: singleLine, to: &text)
            case .link(_, _, let content):
                append(content, singleLine: singleLine, to: &text)
            case .image(_, _, let description):
                append(description, singleLine: true, to: &text)
            }
        }
    }

    /// Appends one line for each non-empty leaf block to `lines`.
    private static func appendLines(of blocks: [MarkdownBlock], to lines: inout [String]) {
        for block in blocks {
            let line: String
            switch block.kind {
            case .paragraph(let content), .heading(_, let content, _):
                line = text(of: content)
            case .codeBlock(_, let code):
                var trimmed = Substring(code)
                while trimmed.last?.isNewline == true {
                    trimmed.removeLast()
                }
                line = String(trimmed)
            case .blockQuote(let children):
                appendLines(of: children, to: &lines)
                continue
            case .list(let list):
                for item in list.items {
                    appendLines(of: item.blocks, to: &lines)
                }
                continue
            case .htmlBlock, .thematicBreak:
                continue
            }
            if !line.allSatisfy(\.isWhitespace) {
                lines.append(line)
            }
        }
    }
}
