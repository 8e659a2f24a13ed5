import PortalDiagnostics

/// Adds entries to a list file such as `bodies.yml` by inserting lines, so that everything the author wrote —
/// comments, order, quoting, blank lines — stays as it was.
///
/// The loader accepts two forms (`SchemaValidator.validateRootList`): a bare list (`- id: …` at the root) and a
/// mapping whose list key holds the list (`bodies:` followed by the items, indented or not). The new entries go
/// right after the last line of the existing list, at the column of its dashes, under a comment line; a key after
/// the list (`x-note: …`) stays after it. An empty or missing file becomes a bare list. A list in brackets
/// (`bodies: [ … ]`) cannot take block entries and is refused with a diagnostic, as is any text that would not
/// load as the same list with the new entries at its end afterwards — the file is never left broken.
///
/// Line endings (LF or CRLF) and a byte order mark are kept.
enum BodiesListAppender {
    /// The new text of `file` (nil: no file yet) with `entries` added under the comment `heading`, or a
    /// diagnostic that says why they cannot be added and what to do.
    static func append(_ entries: [YAMLNode], heading: String, to file: ContentFile?, listKey: String) -> Result<String, Diagnostic> {
        guard let file else { return .success(block(entries, heading: heading, indent: 0)) }
        let text: String
        switch SourceText.decode(file) {
        case .success(let decoded): text = decoded
        case .failure(let diagnostic): return .failure(diagnostic)
        }
        let root: YAMLNode
        switch YAMLReader.parse(text, firstLine: 1, file: file) {
        case .success(let parsed): root = parsed
        case .failure(let diagnostic): return .failure(diagnostic)
        }
        var lines = text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        if lines.last == "" { lines.removeLast() }
        let insertion: (after: Int, indent: Int)
        switch insertionPoint(root, lines: lines, file: file, listKey: listKey) {
        case .success(let point): insertion = point
        case .failure(let diagnostic): return .failure(diagnostic)
        }
        let added = block(entries, heading: heading, indent: insertion.indent)
            .split(separator: "\n", omittingEmptySubsequences: true).map(String.init)
        lines.insert(contentsOf: added, at: insertion.after)
        let result = lines.joined(separator: "\n") + "\n"
        if let problem = check(result, adds: entries.count, to: root, file: file, listKey: listKey) { return .failure(problem) }
        return .success(restoringForm(of: file, result))
    }

    /// The entries as block YAML, each line indented by `indent` spaces, after the heading comment.
    private static func block(_ entries: [YAMLNode], heading: String, indent: Int) -> String {
        let padding = String(repeating: " ", count: indent)
        let yaml = YAMLWriter.write(YAMLNode(kind: .sequence(entries), line: 1, column: 1))
        let lines = ["# " + heading] + yaml.split(separator: "\n").map(String.init)
        return lines.map { padding + $0 }.joined(separator: "\n") + "\n"
    }

    /// Where the entries go: the index in `lines` to insert at, and the column of the list's dashes.
    private static func insertionPoint(_ root: YAMLNode, lines: [String], file: ContentFile, listKey: String) -> Result<(after: Int, indent: Int), Diagnostic> {
        switch root.kind {
        case .null:
            return .success((after: lines.count, indent: 0))
        case .sequence:
            guard isBlock(root, lines: lines) else { return .failure(flowList(root, file: file, listKey: listKey)) }
            return .success((after: lastContentLine(before: lines.count, in: lines), indent: root.column - 1))
        case .mapping(let pairs):
            guard let index = pairs.firstIndex(where: { $0.key == listKey }) else {
                return .failure(.error(.missingKey, "This file has no '\(listKey):' list to add the imported entries to. Write the entries as a list ('- id: …'), or under '\(listKey):', then import again.", at: file.location(line: root.line, column: root.column)))
            }
            let pair = pairs[index]
            let nextKeyLine = pairs.map(\.keyLine).filter { $0 > pair.keyLine }.min() ?? lines.count + 1
            switch pair.value.kind {
            case .null:
                return .success((after: pair.keyLine, indent: pair.keyColumn - 1 + 2))
            case .sequence where isBlock(pair.value, lines: lines):
                return .success((after: lastContentLine(before: nextKeyLine - 1, in: lines), indent: pair.value.column - 1))
            case .sequence:
                return .failure(flowList(pair.value, file: file, listKey: listKey))
            default:
                return .failure(.error(.wrongType, "'\(listKey):' holds \(pair.value.kindDescription), not a list; the imported entries cannot be added. Write the entries as a list ('- id: …') under '\(listKey):', then import again.", at: file.location(line: pair.value.line, column: pair.value.column)))
            }
        case .scalar:
            return .failure(.error(.wrongType, "This file holds \(root.kindDescription), not a list; the imported entries cannot be added. Write the entries as a list ('- id: …'), then import again.", at: file.location(line: root.line, column: root.column)))
        }
    }

    /// Whether a sequence is written as block items (`- …`) rather than in brackets.
    private static func isBlock(_ sequence: YAMLNode, lines: [String]) -> Bool {
        guard sequence.line >= 1, sequence.line <= lines.count else { return false }
        let line = Array(lines[sequence.line - 1])
        guard sequence.column >= 1, sequence.column <= line.count else { return false }
        return line[sequence.column - 1] == "-"
    }

    private static func flowList(_ node: YAMLNode, file: ContentFile, listKey: String) -> Diagnostic {
        .error(.wrongType, "The list is written in brackets ([…]); imported entries can only be added to a list of '- id: …' lines. Write each entry on lines starting with '- ', then import again.", at: file.location(line: node.line, column: node.column))
    }

    /// The number of lines up to and including the last line before line `limit` (1-based, inclusive) that is
    /// neither blank nor a comment: the end of the list's own text, before comments that introduce what follows.
    private static func lastContentLine(before limit: Int, in lines: [String]) -> Int {
        var line = min(limit, lines.count)
        while line > 0 {
            let trimmed = lines[line - 1].drop { $0 == " " || $0 == "\t" }
            if !trimmed.isEmpty && !trimmed.hasPrefix("#") { break }
            line -= 1
        }
        return line
    }

    /// A diagnostic unless `text` loads as the old list with `count` more entries at its end.
    private static func check(_ text: String, adds count: Int, to old: YAMLNode, file: ContentFile, listKey: String) -> Diagnostic? {
        let refused = Diagnostic.error(.yamlSyntax, "portal could not add the imported entries without changing the meaning of this file, so it left it as it was. Add them by hand at the end of the list.", at: file.location(line: 1))
        guard case .success(let new) = YAMLReader.parse(text, firstLine: 1, file: file) else { return refused }
        let before = items(of: old, listKey: listKey), after = items(of: new, listKey: listKey)
        guard let before, let after, after.count == before.count + count,
              zip(before, after).allSatisfy({ $0.kind == $1.kind })
        else { return refused }
        if case .mapping(let oldPairs) = old.kind, case .mapping(let newPairs) = new.kind {
            guard oldPairs.map(\.key) == newPairs.map(\.key) else { return refused }
        }
        return nil
    }

    /// The items of the list in a parsed file of either form (none for an empty file).
    private static func items(of root: YAMLNode, listKey: String) -> [YAMLNode]? {
        switch root.kind {
        case .null: return []
        case .sequence(let items): return items
        case .mapping(let pairs):
            guard let value = pairs.first(where: { $0.key == listKey })?.value else { return nil }
            if case .sequence(let items) = value.kind { return items }
            if case .null = value.kind { return [] }
            return nil
        case .scalar: return nil
        }
    }

    /// `text` with the file's original line endings and byte order mark.
    private static func restoringForm(of file: ContentFile, _ text: String) -> String {
        let bytes = file.bytes
        var result = bytes.firstIndex(of: 0x0A).map { $0 > 0 && bytes[$0 - 1] == 0x0D } == true ? text.replacing("\n", with: "\r\n") : text
        if bytes.starts(with: [0xEF, 0xBB, 0xBF]) { result = "\u{FEFF}" + result }
        return result
    }
}
