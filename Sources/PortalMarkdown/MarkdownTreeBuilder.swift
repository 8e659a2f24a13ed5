/// Builds a ``MarkdownDocument`` from a depth-first walk: containers are entered and left, leaves are added.
///
/// The builder keeps an explicit stack of open containers, so no depth of input nests Swift calls. Containers
/// deeper than ``MarkdownDocument/maximumNestingDepth`` are flattened: they open no frame, and their content
/// goes to the innermost open container that can hold it. A container that cannot hold what arrives (which
/// cmark never produces) is flattened the same way, so malformed event streams cannot break the tree either.
/// Heading ids are assigned as headings close, which is document order.
struct MarkdownTreeBuilder {
    /// A node that has children.
    enum Container {
        case document
        case blockQuote
        case list(MarkdownList.Kind, isTight: Bool)
        case item
        case paragraph
        case heading(level: Int)
        case emphasis
        case strong
        case link(destination: String, title: String)
        case image(source: String, title: String)
    }

    /// An open container and the children collected so far.
    private struct Frame {
        var container: Container
        var position: SourcePosition
        /// Block quotes and lists around and including this container.
        var blockDepth: Int
        /// Inline containers around and including this container.
        var inlineDepth: Int
        var blocks: [MarkdownBlock] = []
        var items: [MarkdownListItem] = []
        var inlines: [MarkdownInline] = []

        /// Whether blocks may be added (document, block quote, list item).
        var holdsBlocks: Bool {
            switch container {
            case .document, .blockQuote, .item: true
            default: false
            }
        }

        /// Whether inline content may be added (paragraph, heading, emphasis, strong, link, image).
        var holdsInlines: Bool {
            switch container {
            case .paragraph, .heading, .emphasis, .strong, .link, .image: true
            default: false
            }
        }

        /// Whether this is a list, which holds items.
        var holdsItems: Bool {
            if case .list = container { true } else { false }
        }
    }

    /// The open containers; the first is the document and is never closed.
    private var frames: [Frame] = [Frame(container: .document, position: .start, blockDepth: 0, inlineDepth: 0)]
    /// For every entered container, whether it opened a frame (`false`: flattened into its parent).
    private var openedFrames: [Bool] = []
    private var rawHTML: [MarkdownRawHTML] = []
    private var nestingLimitPosition: SourcePosition?
    /// Nil when headings get no ids (an empty one each).
    private var headingIDs: HeadingIDAssigner?

    /// Creates a builder whose headings never get one of `reservedHeadingIDs`; without `assigningHeadingIDs`, they
    /// get none at all (plain text shows none).
    init(reservedHeadingIDs: Set<String>, assigningHeadingIDs: Bool = true) {
        headingIDs = assigningHeadingIDs ? HeadingIDAssigner(reservedIDs: reservedHeadingIDs) : nil
    }

    /// The innermost open container's position, for nodes cmark gives no position.
    private var currentPosition: SourcePosition { frames[frames.count - 1].position }

    /// Opens a container; its children follow until the matching ``leave()``.
    mutating func enter(_ container: Container, at position: SourcePosition?) {
        let parent = frames[frames.count - 1]
        let position = position ?? parent.position
        var blockDepth = parent.blockDepth
        var inlineDepth = parent.inlineDepth
        let fits: Bool
        switch container {
        case .document:
            fits = false
        case .blockQuote, .list:
            blockDepth += 1
            fits = parent.holdsBlocks && noteDepth(blockDepth, at: position)
        case .item:
            fits = parent.holdsItems
        case .paragraph, .heading:
            fits = parent.holdsBlocks
        case .emphasis, .strong, .link, .image:
            inlineDepth += 1
            fits = parent.holdsInlines && noteDepth(inlineDepth, at: position)
        }
        openedFrames.append(fits)
        if fits {
            frames.append(Frame(container: container, position: position, blockDepth: blockDepth, inlineDepth: inlineDepth))
        }
    }

    /// Opens a container that adds no node of its own; its children go to the enclosing container.
    mutating func enterFlattened() {
        openedFrames.append(false)
    }

    /// Closes the innermost open container and adds the finished node to its parent.
    mutating func leave() {
        guard let opened = openedFrames.popLast(), opened, frames.count > 1 else { return }
        let frame = frames.removeLast()
        let position = frame.position
        switch frame.container {
        case .document:
            break
        case .blockQuote:
            addBlock(.blockQuote(frame.blocks), at: position)
        case .list(let kind, let isTight):
            addBlock(.list(MarkdownList(kind: kind, isTight: isTight, items: frame.items)), at: position)
        case .item:
            frames[frames.count - 1].items.append(MarkdownListItem(blocks: frame.blocks, at: position))
        case .paragraph:
            addBlock(.paragraph(frame.inlines), at: position)
        case .heading(let level):
            let id = headingIDs?.assignID(forHeadingText: PlainTextExtractor.text(of: frame.inlines, singleLine: true)) ?? ""
            addBlock(.heading(level: level, content: frame.inlines, id: id), at: position)
        case .emphasis:
            addInline(.emphasis(frame.inlines), at: position)
        case .strong:
            addInline(.strong(frame.inlines), at: position)
        case .link(let destination, let title):
            addInline(.link(destination: destination, title: title, content: frame.inlines), at: position)
        case .image(let source, let title):
            addInline(.image(source: source, title: title, description: frame.inlines), at: position)
        }
    }

    /// Adds a block without children (code block, HTML block, thematic break) or a finished container block.
    mutating func addBlock(_ kind: MarkdownBlock.Kind, at position: SourcePosition?) {
        guard let index = frames.lastIndex(where: \.holdsBlocks) else { return }
        let position = position ?? currentPosition
        if case .htmlBlock(let html) = kind {
            rawHTML.append(MarkdownRawHTML(html: html, isBlock: true, at: position))
        }
        frames[index].blocks.append(MarkdownBlock(kind, at: position))
    }

    /// Adds an inline without children (text, code, breaks, HTML) or a finished inline container.
    mutating func addInline(_ kind: MarkdownInline.Kind, at position: SourcePosition?) {
        let index = frames.count - 1
        guard frames[index].holdsInlines else { return }
        let position = position ?? currentPosition
        if case .html(let html) = kind {
            rawHTML.append(MarkdownRawHTML(html: html, isBlock: false, at: position))
        }
        frames[index].inlines.append(MarkdownInline(kind, at: position))
    }

    /// Closes whatever is still open and returns the document.
    mutating func finish() -> MarkdownDocument {
        while !openedFrames.isEmpty {
            leave()
        }
        return MarkdownDocument(blocks: frames[0].blocks, rawHTML: rawHTML, nestingLimitPosition: nestingLimitPosition)
    }

    /// Whether `depth` is within the limit; records the first place where it is not.
    private mutating func noteDepth(_ depth: Int, at position: SourcePosition) -> Bool {
        guard depth > MarkdownDocument.maximumNestingDepth else { return true }
        if nestingLimitPosition == nil {
            nestingLimitPosition = position
        }
        return false
    }
}
