import Foundation
import PortalDiagnostics
import PortalModel
import Yams

/// The theme's translations for one language: every text a reader sees that does not come from the content.
///
/// The translation file nests keys (`status: { pilot: Pilotphase }`); code and templates use the dotted form
/// (`status.pilot`, `{{t.status.pilot}}`).
struct Labels: Sendable {
    /// The language these labels are in, such as `de`.
    let language: String
    /// Where the labels came from, for diagnostics.
    let displayPath: String
    /// Every label by dotted key.
    private let table: [String: String]
    /// Every label as a pattern with `{placeholders}`.
    private let patterns: [String: TextPattern]
    /// The keys looked up but missing, shared by every copy (rendering runs in parallel).
    private let misses = MissLog()

    init(language: String, displayPath: String, table: [String: String]) {
        self.language = language
        self.displayPath = displayPath
        self.table = table
        self.patterns = table.mapValues(TextPattern.init)
    }

    /// Parses a translation file; a syntax error or a non-text value is a `template-error` diagnostic.
    static func parse(_ file: Theme.File, language: String) -> (Labels, [Diagnostic]) {
        var table: [String: String] = [:]
        var diagnostics: [Diagnostic] = []
        do {
            if let root = try Yams.compose(yaml: file.text) {
                flatten(root, prefix: "", into: &table, diagnostics: &diagnostics, file: file)
            }
        } catch let error as YamlError {
            diagnostics.append(.error(.templateError, "The translation file could not be read: \(Self.problem(of: error))", at: Self.location(of: error, file: file)))
        } catch {
            diagnostics.append(.error(.templateError, "The translation file could not be read: \(error)", at: SourceLocation(file: file.displayPath)))
        }
        return (Labels(language: language, displayPath: file.displayPath, table: table), diagnostics)
    }

    private static func flatten(
        _ node: Yams.Node, prefix: String, into table: inout [String: String], diagnostics: inout [Diagnostic], file: Theme.File
    ) {
        switch node {
        case .mapping(let mapping):
            for (keyNode, valueNode) in mapping {
                let key = keyNode.scalar?.string ?? ""
                let path = prefix.isEmpty ? key : prefix + "." + key
                flatten(valueNode, prefix: path, into: &table, diagnostics: &diagnostics, file: file)
            }
        case .scalar(let scalar):
            table[prefix] = scalar.string
        default:
            let mark = node.mark
            diagnostics.append(.error(
                .templateError, "The label '\(prefix)' must be a text or a group of labels, not a list.",
                at: SourceLocation(file: file.displayPath, line: mark?.line, column: mark?.column)
            ))
        }
    }

    private static func location(of error: YamlError, file: Theme.File) -> SourceLocation {
        switch error {
        case .scanner(_, _, let mark, _), .parser(_, _, let mark, _), .composer(_, _, let mark, _):
            SourceLocation(file: file.displayPath, line: mark.line, column: mark.column)
        default:
            SourceLocation(file: file.displayPath)
        }
    }

    private static func problem(of error: YamlError) -> String {
        switch error {
        case .scanner(_, let problem, _, _), .parser(_, let problem, _, _), .composer(_, let problem, _, _):
            problem
        default:
            "\(error)"
        }
    }

    /// The label for `key`; a missing one is logged (see `missingKeyDiagnostics`) and shows as the key itself.
    subscript(key: String) -> String {
        if let text = table[key] { return text }
        misses.insert(key)
        return key
    }

    /// The label of a vocabulary value, such as "Pilotphase" for `MeasureStatus.pilot`.
    func label<V: Vocabulary>(_ value: V) -> String {
        self[value.labelKey]
    }

    /// Whether a label exists.
    func has(_ key: String) -> Bool {
        table[key] != nil
    }

    /// The label with `{name}` placeholders replaced, such as `"Stand: {date}"`.
    func format(_ key: String, _ values: KeyValuePairs<String, String>) -> String {
        guard let pattern = patterns[key] else {
            misses.insert(key)
            return key
        }
        return pattern.filled(values)
    }

    /// A counted phrase: `key.one` for 1, `key.other` otherwise, with `{count}` replaced.
    func count(_ key: String, _ count: Int, formatted: String) -> String {
        format(count == 1 ? key + ".one" : key + ".other", ["count": formatted])
    }

    /// A diagnostic for every key that was looked up but is missing, sorted.
    func missingKeyDiagnostics() -> [Diagnostic] {
        misses.keys.sorted().map { key in
            .error(.templateError, "The label '\(key)' is missing in the translation file; add it (nested as \(key.split(separator: ".").joined(separator: " → "))).", at: SourceLocation(file: displayPath))
        }
    }

    /// Collects missing keys from every rendering task; locked, and only touched when a label is missing.
    private final class MissLog: @unchecked Sendable {
        private let lock = NSLock()
        private var storage = Set<String>()

        func insert(_ key: String) {
            lock.lock()
            storage.insert(key)
            lock.unlock()
        }

        var keys: Set<String> {
            lock.lock()
            defer { lock.unlock() }
            return storage
        }
    }

    /// The labels as a nested object for templates: `{{t.nav.measures}}`.
    var tree: ViewData {
        var root = TreeNode()
        for (key, text) in table {
            root.insert(text, at: key.split(separator: ".").map(String.init)[...])
        }
        return root.view
    }

    /// A temporary tree used to build the nested view.
    private struct TreeNode {
        var text: String?
        var children: [String: TreeNode] = [:]

        mutating func insert(_ value: String, at path: ArraySlice<String>) {
            guard let first = path.first else {
                text = value
                return
            }
            children[first, default: TreeNode()].insert(value, at: path.dropFirst())
        }

        var view: ViewData {
            var view = ViewData()
            for (key, child) in children {
                if child.children.isEmpty {
                    view[key] = child.text
                } else {
                    view[object: key] = child.view
                }
            }
            return view
        }
    }
}
