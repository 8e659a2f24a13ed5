extension MarkdownDocument {
    /// Every heading in document order (inside quotes and lists too) with its level, text, id and position.
    public var headings: [MarkdownHeading] {
        var headings: [MarkdownHeading] = []
        var pending = Array(blocks.reversed())
        while let block = pending.popLast() {
            switch block.kind {
            case .heading(let level, let content, let id):
                let text = PlainTextExtractor.text(of: content, singleLine: true)
                headings.append(MarkdownHeading(level: level, text: text, id: id, position: block.position))
            case .blockQuote(let children):
                pending.append(contentsOf: children.reversed())
            case .list(let list):
                for item in list.items.reversed() {
                    pending.append(contentsOf: item.blocks.reversed())
                }
            case .paragraph, .codeBlock, .htmlBlock, .thematicBreak:
                break
            }
        }
        return headings
    }
}
