import Foundation

/// Renders compiled templates with view data straight into UTF-8 bytes.
///
/// Values are found by key in `ViewData` (no reflection, no dynamic casts) and written into one growing buffer,
/// which makes rendering several times faster than with swift-mustache; the results are the same bytes
/// (`TemplateEngineTests`). Names are looked up as Mustache does: in the innermost object on the context stack
/// that has them; a key set to null stops the lookup. Sections iterate lists, show for `true`, and otherwise
/// render once with the value as the innermost object (numbers, even 0, and texts included).
struct TemplateRenderer {
    /// Compiled templates by name, for partials and parents.
    let templates: [String: [TemplateNode]]
    private(set) var output: [UInt8] = []
    /// The context stack, innermost last.
    private var stack: [ViewData.Value] = []
    /// How many partials, parents, blocks and sections enclose the current node.
    private var depth = 0
    /// The first partial (or block or section) left out because they nested too deeply (a partial that includes
    /// itself, say).
    private(set) var refusedInclusion: String?

    /// Partials, parents, blocks and sections nested deeper than this together are left out: it bounds the
    /// recursion of a partial that includes itself without end (and the stack it needs).
    static let maximumDepth = 128

    /// Where in a list the current item is, for `first()`, `last()`, `index()`, `even()` and `odd()`.
    private struct ListPosition {
        var first: Bool
        var last: Bool
        var index: Int
    }

    /// What a piece of template is rendered with besides the data.
    private struct Frame {
        /// Whether `{{name}}` escapes for HTML (`{{%CONTENT_TYPE:TEXT}}` turns it off).
        var escapes = true
        /// Put in front of every line a standalone partial or block renders.
        var indentation: [UInt8] = []
        /// Block overrides of the templates that include this one as their parent; the outermost wins.
        var blocks: [String: [TemplateNode]] = [:]
        var listPosition: ListPosition?
    }

    init(templates: [String: [TemplateNode]]) {
        self.templates = templates
    }

    /// The template `name` rendered with `view`, and the first partial left out for nesting too deeply; nil when
    /// there is no such template.
    static func render(
        _ view: ViewData, template name: String, templates: [String: [TemplateNode]], capacity: Int = 16_384
    ) -> (bytes: [UInt8], refusedInclusion: String?)? {
        guard let nodes = templates[name] else { return nil }
        var renderer = TemplateRenderer(templates: templates)
        renderer.output.reserveCapacity(capacity)
        renderer.stack.append(.object(view))
        renderer.render(nodes, frame: Frame())
        return (renderer.output, renderer.refusedInclusion)
    }

    // MARK: - Nodes

    private mutating func render(_ nodes: [TemplateNode], frame: Frame) {
        var frame = frame
        guard !frame.indentation.isEmpty else {
            for node in nodes { render(node, frame: &frame) }
            return
        }
        // Indented: output that starts a new line (of this piece) gets the indentation first.
        let start = output.count
        for node in nodes {
            let atLineStart = endsWithLineFeed(since: start)
            let before = output.count
            render(node, frame: &frame)
            if atLineStart, output.count > before {
                output.insert(contentsOf: frame.indentation, at: before)
            }
        }
    }

    /// Whether the output written since `start` ends with a line feed that is not part of CR LF.
    private func endsWithLineFeed(since start: Int) -> Bool {
        let count = output.count
        guard count > start, output[count - 1] == 0x0A else { return false }
        return count - 1 == start || output[count - 2] != 0x0D
    }

    private mutating func render(_ node: TemplateNode, frame: inout Frame) {
        switch node {
        case .text(let bytes):
            output.append(contentsOf: bytes)
        case .variable(let reference, let escaped):
            guard let value = lookup(reference, frame: frame) else { return }
            write(value, escaped: escaped && frame.escapes)
        case .section(let reference, let inverted, let body):
            guard enter("{{\(inverted ? "^" : "#")\(reference.written)}}") else { return }
            defer { depth -= 1 }
            let value = lookup(reference, frame: frame)
            if inverted {
                renderInverted(value, body: body, frame: frame)
            } else {
                renderSection(value, body: body, frame: frame)
            }
        case .partial(let name, let dynamic, let indentation, let blocks):
            let templateName: String
            if dynamic {
                guard case .text(let text)? = lookup(TemplateReference(name: name, transforms: []), frame: frame) else { return }
                templateName = text
            } else {
                templateName = name
            }
            guard let partial = templates[templateName], enter(templateName) else { return }
            defer { depth -= 1 }
            var inner = Frame(indentation: frame.indentation + (indentation ?? []), blocks: frame.blocks)
            if let blocks { inner.blocks.merge(blocks) { outer, _ in outer } }
            render(partial, frame: inner)
        case .block(let name, let body, let indentation):
            guard enter("{{$\(name)}}") else { return }
            defer { depth -= 1 }
            var inner = frame
            inner.indentation += indentation
            inner.listPosition = nil
            render(frame.blocks[name] ?? body, frame: inner)
        case .blockDefinition:
            break
        case .contentType(let escapes):
            frame.escapes = escapes
        }
    }

    /// Goes one level deeper, or records that the limit was reached at `name` and returns false.
    ///
    /// `name` is made only when it is needed: made for every section entered, it was a string per section.
    private mutating func enter(_ name: @autoclosure () -> String) -> Bool {
        guard depth < Self.maximumDepth else {
            if refusedInclusion == nil { refusedInclusion = name() }
            return false
        }
        depth += 1
        return true
    }

    private mutating func renderSection(_ value: ViewData.Value?, body: [TemplateNode], frame: Frame) {
        switch value {
        case .list(let items):
            renderItems(items.count, body: body, frame: frame) { .object(items[$0]) }
        case .items(let items):
            renderItems(items.count, body: body, frame: frame) { .object(items.item($0)) }
        case .texts(let texts):
            renderItems(texts.count, body: body, frame: frame) { .text(texts[$0]) }
        case .flag(let flag):
            if flag { render(body, frame: frame) }
        case .null, nil:
            break
        case .text, .number, .object:
            renderInside(value!, body: body, frame: frame)
        }
    }

    private mutating func renderInverted(_ value: ViewData.Value?, body: [TemplateNode], frame: Frame) {
        switch value {
        case .list(let items):
            if items.isEmpty { renderInside(value!, body: body, frame: frame) }
        case .items(let items):
            if items.count == 0 { renderInside(value!, body: body, frame: frame) }
        case .texts(let texts):
            if texts.isEmpty { renderInside(value!, body: body, frame: frame) }
        case .flag(let flag):
            if !flag { render(body, frame: frame) }
        case .null, nil:
            render(body, frame: frame)
        case .text, .number, .object:
            break
        }
    }

    /// Renders `body` once per item, each item the innermost object.
    private mutating func renderItems(_ count: Int, body: [TemplateNode], frame: Frame, item: (Int) -> ViewData.Value) {
        var inner = frame
        for index in 0..<count {
            inner.listPosition = ListPosition(first: index == 0, last: index == count - 1, index: index)
            stack.append(item(index))
            render(body, frame: inner)
            stack.removeLast()
        }
    }

    /// Renders `body` with `value` as the innermost object.
    private mutating func renderInside(_ value: ViewData.Value, body: [TemplateNode], frame: Frame) {
        var inner = frame
        inner.listPosition = nil
        stack.append(value)
        render(body, frame: inner)
        stack.removeLast()
    }

    private mutating func write(_ value: ViewData.Value, escaped: Bool) {
        switch value {
        case .text(let text):
            if escaped {
                HTMLEscaping.append(text, to: &output)
            } else {
                output.append(contentsOf: text.utf8)
            }
        case .number(let number):
            output.append(contentsOf: String(number).utf8)
        case .flag(let flag):
            output.append(contentsOf: (flag ? "true" : "false").utf8)
        case .null, .list, .items, .texts, .object:
            break
        }
    }

    // MARK: - Lookup

    private func lookup(_ reference: TemplateReference, frame: Frame) -> ViewData.Value? {
        var value: ViewData.Value?
        switch reference.scope {
        case .current:
            value = stack.last
        case .listPosition:
            guard let position = frame.listPosition else { return nil }
            var transforms = reference.transforms
            let innermost = transforms.removeLast()
            switch innermost {
            case "first": value = .flag(position.first)
            case "last": value = .flag(position.last)
            case "index": value = .number(position.index)
            case "even": value = .flag(position.index & 1 == 0)
            case "odd": value = .flag(position.index & 1 == 1)
            default: return nil
            }
            return Self.transform(value!, by: transforms)
        case .currentOnly:
            guard let last = stack.last else { return nil }
            value = Self.resolve(reference.path[...], in: last)
        case .stack:
            let first = reference.path[0]
            for object in stack.reversed() {
                if let child = Self.child(first, of: object) {
                    value = Self.resolve(reference.path.dropFirst(), in: child)
                    break
                }
            }
        }
        guard let value else { return nil }
        return Self.transform(value, by: reference.transforms)
    }

    /// The value at `path` below `value` (the value itself for an empty path).
    private static func resolve(_ path: ArraySlice<String>, in value: ViewData.Value) -> ViewData.Value? {
        var value = value
        for name in path {
            guard let child = child(name, of: value) else { return nil }
            value = child
        }
        return value
    }

    /// A named value of an object; nothing else has named values.
    private static func child(_ name: String, of value: ViewData.Value) -> ViewData.Value? {
        guard case .object(let object) = value else { return nil }
        return object.values[name]
    }

    /// Applies transforms, the innermost (last written) first; nil when one does not apply.
    private static func transform(_ value: ViewData.Value, by transforms: [String]) -> ViewData.Value? {
        var value = value
        for name in transforms.reversed() {
            guard let transformed = transform(value, name) else { return nil }
            value = transformed
        }
        return value
    }

    /// The transforms of swift-mustache, on the values a view holds.
    private static func transform(_ value: ViewData.Value, _ name: String) -> ViewData.Value? {
        switch value {
        case .list(let list):
            return transform(.items(ViewData.ItemList(count: list.count) { list[$0] }), name)
        case .items(let items):
            switch name {
            case "empty": return .flag(items.count == 0)
            case "count": return .number(items.count)
            case "first": return items.count == 0 ? nil : .object(items.item(0))
            case "last": return items.count == 0 ? nil : .object(items.item(items.count - 1))
            case "reversed": return .items(items.reversed)
            default: return nil
            }
        case .texts(let texts):
            switch name {
            case "empty": return .flag(texts.isEmpty)
            case "count": return .number(texts.count)
            case "first": return texts.first.map(ViewData.Value.text)
            case "last": return texts.last.map(ViewData.Value.text)
            case "reversed": return .texts(texts.reversed())
            case "sorted": return .texts(texts.sorted())
            default: return nil
            }
        case .text(let text):
            switch name {
            case "empty": return .flag(text.isEmpty)
            case "lowercased": return .text(text.lowercased())
            case "uppercased": return .text(text.uppercased())
            case "capitalized": return .text(text.capitalized)
            case "reversed": return .text(String(text.reversed()))
            default: return nil
            }
        case .number(let number):
            switch name {
            case "equalzero": return .flag(number == 0)
            case "plusone": return number == .max ? nil : .number(number + 1)
            case "minusone": return number == .min ? nil : .number(number - 1)
            case "even": return .flag(number & 1 == 0)
            case "odd": return .flag(number & 1 == 1)
            default: return nil
            }
        case .flag, .object, .null:
            return nil
        }
    }
}
