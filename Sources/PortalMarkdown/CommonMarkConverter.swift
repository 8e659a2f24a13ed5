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

    /// Parses `text` and returns it as a ``MarkdownDocument``.
    static func convert(_ text: String, reservedHeadingIDs: Set<String>) -> MarkdownDocument {
        var builder = MarkdownTreeBuilder(reservedHeadingIDs: reservedHeadingIDs)
        guard let root = parse(text) else { return builder.finish() }
        defer { cmark_node_free(root) }
        guard let iterator = cmark_iter_new(root) else { return builder.finish() }
        defer { cmark_iter_free(iterator) }

        var locator = SourceLocator(text: text)
        while true {
            let event = cmark_iter_next(iterator)
            if event == CMARK_EVENT_DONE { break }
            guard let node = cmark_iter_get_node(iterator), node != root else { continue }
            if event == CMARK_EVENT_EXIT {
                builder.leave()
                continue
            }
            let position = locator.position(
                line: Int(cmark_node_get_start_line(node)),
                byteColumn: Int(cmark_node_get_start_column(node))
            )
            add(node, at: position, to: &builder)
        }
        return builder.finish()
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
