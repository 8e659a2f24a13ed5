import CMark

/// The only place that talks to libcmark: parses Markdown and converts cmark's node tree into value types.
///
/// Parsing uses `CMARK_OPT_SOURCEPOS` (positions for every node) and `CMARK_OPT_VALIDATE_UTF8`; smart
/// punctuation stays off, so quotes and dashes remain as the author typed them. The conversion walks the tree
/// with cmark's iterator (no recursion) and feeds a ``MarkdownTreeBuilder``; every cmark object is freed before
/// the function returns, and no pointer leaves this file.
enum CommonMarkConverter {
    /// The parser options: source positions and UTF-8 validation, nothing else.
    private static let parseOptions = CMARK_OPT_SOURCEPOS | CMARK_OPT_VALIDATE_UTF8

    /// Parses `text` and returns it as a ``MarkdownDocument``; without `positions`, its nodes have none: rendering
    /// needs none, and locating every node took a tenth of the render's processor time at 10,000 articles (6.6–8.1
    /// → 5.2–7.2 s in three alternating clean builds, output identical).
    /// Without `headingIDs`, headings get an empty id: finding ids (slugs, kept unique) was a quarter of making
    /// the plain text of 10,000 articles for the search index, which shows none.
    static func convert(_ text: String, reservedHeadingIDs: Set<String>, positions: Bool = true, headingIDs: Bool = true) -> MarkdownDocument {
        // cmark replaces NUL with U+FFFD and counts that character's three bytes in its columns; replacing it
        // first keeps cmark's bytes and the locator's the same.
        // (Searched in the contiguous bytes: `utf8.contains` goes byte by byte through the string's index API.)
        let hasNUL = text.utf8.withContiguousStorageIfAvailable { $0.contains(0) } ?? text.utf8.contains(0)
        let text = hasNUL ? text.replacing("\u{0}", with: "\u{FFFD}") : text
        var builder = MarkdownTreeBuilder(reservedHeadingIDs: reservedHeadingIDs, assigningHeadingIDs: headingIDs)
        guard let root = parse(text) else { return builder.finish() }
        defer { cmark_node_free(root) }
        guard let iterator = cmark_iter_new(root) else { return builder.finish() }
        defer { cmark_iter_free(iterator) }

        var locator = SourceLocator(text: positions ? text : "")
        // Where the paragraph or heading whose inlines are being walked starts.
        var leafBlock = (line: 1, byteColumn: 1)
        while true {
            let event = cmark_iter_next(iterator)
            if event == CMARK_EVENT_DONE { break }
            guard let node = cmark_iter_get_node(iterator), node != root else { continue }
            if event == CMARK_EVENT_EXIT {
                builder.leave()
                continue
            }
            guard positions else {
                add(node, at: nil, to: &builder)
                continue
            }
            var start = sourceStart(of: node)
            switch cmark_node_get_type(node) {
            case CMARK_NODE_PARAGRAPH, CMARK_NODE_HEADING:
                leafBlock = start
            case CMARK_NODE_TEXT, CMARK_NODE_SOFTBREAK, CMARK_NODE_LINEBREAK, CMARK_NODE_CODE, CMARK_NODE_HTML_INLINE,
                 CMARK_NODE_EMPH, CMARK_NODE_STRONG, CMARK_NODE_LINK, CMARK_NODE_IMAGE:
                start.byteColumn = continuationLineColumn(start, leafBlock: leafBlock, locator: &locator)
            default:
                break
            }
            let position = locator.position(line: start.line, byteColumn: start.byteColumn)
            add(node, at: position, to: &builder)
        }
        return builder.finish()
    }

    /// The byte column of an inline node, corrected on the continuation lines of its paragraph.
    ///
    /// cmark 0.30 counts the columns of inlines on a paragraph's later lines from where the line's text starts,
    /// but then adds the indentation of the paragraph's first line instead of the line's own. That puts them too
    /// far right on a lazy line (`> Zitat`, then `weiter` without `>`) and too far left on a line indented more
    /// than the first, even beyond the end of the line. The line's own indentation (spaces, tabs and `>`
    /// markers before its text) corrects it.
    private static func continuationLineColumn(
        _ start: (line: Int, byteColumn: Int), leafBlock: (line: Int, byteColumn: Int), locator: inout SourceLocator
    ) -> Int {
        guard start.line > leafBlock.line, start.byteColumn > 0 else { return start.byteColumn }
        let lineIndentation = locator.textColumn(line: start.line) - 1
        return max(1, start.byteColumn - (leafBlock.byteColumn - 1) + lineIndentation)
    }

    /// cmark's 1-based line and byte column where `node` starts.
    ///
    /// cmark 0.30 gets the start of some links wrong: an autolink's (`<https://…>`) column is counted from the
    /// start of its paragraph instead of its line, and a link whose text runs over a line break gets the line
    /// of its end with the column of its start. Either can point far beyond the end of a line. The first text
    /// inside a link or image has the right position, and the link starts one byte (`[` or `<`), the image
    /// two (`![`), before it.
    private static func sourceStart(of node: OpaquePointer) -> (line: Int, byteColumn: Int) {
        let type = cmark_node_get_type(node)
        let openerLength: Int32 = type == CMARK_NODE_LINK ? 1 : type == CMARK_NODE_IMAGE ? 2 : 0
        if openerLength > 0, let text = cmark_node_first_child(node), cmark_node_get_type(text) == CMARK_NODE_TEXT,
           cmark_node_get_start_line(text) > 0, cmark_node_get_start_column(text) > openerLength {
            return (Int(cmark_node_get_start_line(text)), Int(cmark_node_get_start_column(text) - openerLength))
        }
        return (Int(cmark_node_get_start_line(node)), Int(cmark_node_get_start_column(node)))
    }

    /// Runs cmark's parser over the UTF-8 bytes of `text`; the caller frees the returned document node.
    private static func parse(_ text: String) -> OpaquePointer? {
        guard let parser = cmark_parser_new(parseOptions) else { return nil }
        defer { cmark_parser_free(parser) }
        var text = text
        text.withUTF8 { bytes in
            guard let base = bytes.baseAddress, !bytes.isEmpty else { return }
            base.withMemoryRebound(to: CChar.self, capacity: bytes.count) { characters in
                cmark_parser_feed(parser, characters, bytes.count)
            }
        }
        return cmark_parser_finish(parser)
    }

    /// Hands one entered node to the builder: containers are entered, leaves added.
    private static func add(_ node: OpaquePointer, at position: SourcePosition?, to builder: inout MarkdownTreeBuilder) {
        switch cmark_node_get_type(node) {
        case CMARK_NODE_BLOCK_QUOTE:
            builder.enter(.blockQuote, at: position)
        case CMARK_NODE_LIST:
            let kind: MarkdownList.Kind = cmark_node_get_list_type(node) == CMARK_ORDERED_LIST
                ? .ordered(start: Int(cmark_node_get_list_start(node)))
                : .bullet
            builder.enter(.list(kind, isTight: cmark_node_get_list_tight(node) != 0), at: position)
        case CMARK_NODE_ITEM:
            builder.enter(.item, at: position)
        case CMARK_NODE_PARAGRAPH:
            builder.enter(.paragraph, at: position)
        case CMARK_NODE_HEADING:
            builder.enter(.heading(level: Int(cmark_node_get_heading_level(node))), at: position)
        case CMARK_NODE_CODE_BLOCK:
            let info = string(cmark_node_get_fence_info(node))
            builder.addBlock(.codeBlock(info: info, code: literal(of: node)), at: position)
        case CMARK_NODE_HTML_BLOCK:
            builder.addBlock(.htmlBlock(literal(of: node)), at: position)
        case CMARK_NODE_THEMATIC_BREAK:
            builder.addBlock(.thematicBreak, at: position)
        case CMARK_NODE_TEXT:
            builder.addInline(.text(literal(of: node)), at: position)
        case CMARK_NODE_SOFTBREAK:
            builder.addInline(.softBreak, at: position)
        case CMARK_NODE_LINEBREAK:
            builder.addInline(.lineBreak, at: position)
        case CMARK_NODE_CODE:
            builder.addInline(.code(literal(of: node)), at: position)
        case CMARK_NODE_HTML_INLINE:
            builder.addInline(.html(literal(of: node)), at: position)
        case CMARK_NODE_EMPH:
            builder.enter(.emphasis, at: position)
        case CMARK_NODE_STRONG:
            builder.enter(.strong, at: position)
        case CMARK_NODE_LINK:
            let link = MarkdownTreeBuilder.Container.link(
                destination: string(cmark_node_get_url(node)), title: string(cmark_node_get_title(node))
            )
            builder.enter(link, at: position)
        case CMARK_NODE_IMAGE:
            let image = MarkdownTreeBuilder.Container.image(
                source: string(cmark_node_get_url(node)), title: string(cmark_node_get_title(node))
            )
            builder.enter(image, at: position)
        default:
            // Custom nodes, which the parser never produces, are containers with an exit event: keep their
            // content in the enclosing container.
            builder.enterFlattened()
        }
    }

    /// The literal content of a text, code or HTML node.
    private static func literal(of node: OpaquePointer) -> String {
        string(cmark_node_get_literal(node))
    }

    /// A Swift string from a C string cmark owns; empty for NULL.
    private static func string(_ characters: UnsafePointer<CChar>?) -> String {
        guard let characters else { return "" }
        return String(cString: characters)
    }
}

extension CommonMarkConverter {
    /// cmark's own HTML for `text` (`cmark_markdown_to_html`, safe mode, no source positions).
    ///
    /// Test-only: the oracle for structure tests and the baseline for throughput measurements.
    static func cmarkReferenceHTML(_ text: String) -> String {
        let html = text.withCString { characters in
            cmark_markdown_to_html(characters, text.utf8.count, CMARK_OPT_SAFE)
        }
        guard let html else { return "" }
        defer { cmark_get_default_mem_allocator().pointee.free(html) }
        return String(cString: html)
    }
}
