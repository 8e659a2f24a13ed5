/// Collects every link and image of a block tree in document order, with its text and safety.
enum LinkCollector {
    /// The links and images in `blocks`, in document order (a link before the images inside its text).
    static func links(in blocks: [MarkdownBlock]) -> [MarkdownLink] {
        var links: [MarkdownLink] = []
        for block in blocks {
            collect(from: block, into: &links)
        }
        return links
    }

    /// Collects from one block and everything inside it.
    private static func collect(from block: MarkdownBlock, into links: inout [MarkdownLink]) {
        switch block.kind {
        case .paragraph(let content), .heading(_, let content, _):
            collect(from: content, into: &links)
        case .blockQuote(let children):
            for child in children {
                collect(from: child, into: &links)
            }
        case .list(let list):
            for item in list.items {
                for child in item.blocks {
                    collect(from: child, into: &links)
                }
            }
        case .codeBlock, .htmlBlock, .thematicBreak:
            break
        }
    }

    /// Collects from inline content.
    private static func collect(from inlines: [MarkdownInline], into links: inout [MarkdownLink]) {
        for inline in inlines {
            switch inline.kind {
            case .link(let destination, let title, let content):
                links.append(MarkdownLink(
                    kind: .link, destination: destination, title: title,
                    text: PlainTextExtractor.text(of: content, singleLine: true), position: inline.position,
                    isSafe: MarkdownURLPolicy.isSafe(destination, for: .link)
                ))
                collect(from: content, into: &links)
            case .image(let source, let title, let description):
                links.append(MarkdownLink(
                    kind: .image, destination: source, title: title,
                    text: PlainTextExtractor.text(of: description, singleLine: true), position: inline.position,
                    isSafe: MarkdownURLPolicy.isSafe(source, for: .image)
                ))
                collect(from: description, into: &links)
            case .emphasis(let content), .strong(let content):
                collect(from: content, into: &links)
            case .text, .softBreak, .lineBreak, .code, .html:
                break
            }
        }
    }
}
