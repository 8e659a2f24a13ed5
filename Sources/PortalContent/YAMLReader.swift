import PortalDiagnostics
import Yams

/// Parses YAML text into `YAMLNode`s, turning every problem into a diagnostic with its position.
enum YAMLReader {
    /// Nodes (after alias expansion) beyond which a document is refused, against alias bombs.
    static let maximumNodeCount = 200_000
    /// Nesting depth beyond which a document is refused.
    static let maximumDepth = 64

    /// Parses `yaml`, whose first line is line `firstLine` of `file`.
    static func parse(_ yaml: String, firstLine: Int, file: ContentFile) -> Result<YAMLNode, Diagnostic> {
        let lineOffset = firstLine - 1
        if isBlank(yaml) {
            return .success(YAMLNode(kind: .null, line: firstLine, column: 1))
        }
        if let tab = firstIndentingTab(in: yaml) {
            return .failure(.error(
                .yamlSyntax,
                "YAML does not allow tabs for indentation. Replace the tab with spaces.",
                at: file.location(line: tab.line + lineOffset, column: tab.column)))
        }
        let root: Node?
        do {
            // Tags are never read, so the basic resolver (no pattern matching per scalar, which Yams does for
            // every key it compares against duplicates); UTF-8 named, because Yams' default reads the whole
            // environment on every call (both together: a tenth of the check phase at 10,000 files).
            root = try Yams.compose(yaml: yaml, .basic, .default, .utf8)
        } catch let error as YamlError {
            return .failure(diagnostic(for: error, yaml: yaml, lineOffset: lineOffset, file: file))
        } catch {
            return .failure(.error(.yamlSyntax, "The YAML could not be read: \(error).", at: file.location(line: firstLine)))
        }
        guard let root else { return .success(YAMLNode(kind: .null, line: firstLine, column: 1)) }
        var budget = maximumNodeCount
        do {
            return .success(try convert(root, lineOffset: lineOffset, depth: 0, budget: &budget))
        } catch let failure as ConversionFailure {
            let message = switch failure.reason {
            case .tooDeep: "The YAML nests deeper than \(maximumDepth) levels. Flatten the structure."
            case .tooLarge: "The YAML expands to more than \(maximumNodeCount) values (are aliases repeating each other?). Write the values out instead of using aliases."
            }
            return .failure(.error(.yamlTooComplex, message, at: file.location(line: failure.line, column: failure.column)))
        } catch {
            return .failure(.error(.yamlTooComplex, "The YAML could not be read.", at: file.location(line: firstLine)))
        }
    }

    private struct ConversionFailure: Error {
        enum Reason { case tooDeep, tooLarge }
        var reason: Reason
        var line: Int
        var column: Int
    }

    private static func convert(_ node: Node, lineOffset: Int, depth: Int, budget: inout Int) throws -> YAMLNode {
        let line = (node.mark?.line ?? 1) + lineOffset
        let column = node.mark?.column ?? 1
        budget -= 1
        if budget < 0 { throw ConversionFailure(reason: .tooLarge, line: line, column: column) }
        if depth > maximumDepth { throw ConversionFailure(reason: .tooDeep, line: line, column: column) }
        switch node {
        case .scalar(let scalar):
            let isPlain = scalar.style == .plain || scalar.style == .any
            if isPlain, ["", "~", "null", "Null", "NULL"].contains(scalar.string) {
                return YAMLNode(kind: .null, line: line, column: column)
            }
            return YAMLNode(kind: .scalar(scalar.string, isPlain: isPlain), line: line, column: column)
        case .sequence(let sequence):
            var items: [YAMLNode] = []
            items.reserveCapacity(sequence.count)
            for item in sequence {
                items.append(try convert(item, lineOffset: lineOffset, depth: depth + 1, budget: &budget))
            }
            return YAMLNode(kind: .sequence(items), line: line, column: column)
        case .mapping(let mapping):
            var pairs: [YAMLNode.Pair] = []
            for (key, value) in mapping {
                let keyText = key.scalar?.string ?? "\(key)"
                let converted = try convert(value, lineOffset: lineOffset, depth: depth + 1, budget: &budget)
                pairs.append(YAMLNode.Pair(
                    key: keyText,
                    keyLine: (key.mark?.line ?? 1) + lineOffset,
                    keyColumn: key.mark?.column ?? 1,
                    value: converted))
            }
            return YAMLNode(kind: .mapping(pairs), line: line, column: column)
        case .alias:
            return YAMLNode(kind: .null, line: line, column: column)
        }
    }

    /// Turns a Yams error into a diagnostic at its position, in words an author can act on.
    private static func diagnostic(for error: YamlError, yaml: String, lineOffset: Int, file: ContentFile) -> Diagnostic {
        switch error {
        case .scanner(let context, let problem, let mark, _),
             .parser(let context, let problem, let mark, _),
             .composer(let context, let problem, let mark, _):
            var message = "The YAML is malformed: \(problem)"
            if let context { message += " \(context.text)" }
            message += ". " + advice(for: problem)
            return .error(.yamlSyntax, message, at: file.location(line: mark.line + lineOffset, column: mark.column))
        case .duplicatedKeysInMapping(let duplicates, let context):
            let key = duplicates.first ?? ""
            let position = secondOccurrence(ofKey: key, in: yaml)
            let line = (position?.line ?? context.mark.line) + lineOffset
            let column = position?.column ?? context.mark.column
            let keys = duplicates.map { "'\($0)'" }.joined(separator: ", ")
            return .error(.duplicateKey, "The key \(keys) appears more than once here. Keep one and delete the other.",
                          at: file.location(line: line, column: column))
        case .reader(let problem, _, _, _):
            return .error(.yamlSyntax, "The YAML could not be read: \(problem).", at: file.location(line: 1 + lineOffset))
        default:
            return .error(.yamlSyntax, "The YAML could not be read: \(error).", at: file.location(line: 1 + lineOffset))
        }
    }

    /// A hint for the most common YAML mistakes.
    private static func advice(for problem: String) -> String {
        if problem.contains("mapping values are not allowed") {
            return "A value contains ': ' — put the value in double quotes."
        }
        if problem.contains("could not find expected ':'") {
            return "Each line needs 'key: value'; check the indentation and quotes of this and the previous line."
        }
        if problem.contains("did not find expected") || problem.contains("expected <block end>") {
            return "Check the indentation: items of one list or mapping must start in the same column."
        }
        if problem.contains("found character that cannot start any token") {
            return "A value starts with a special character (such as @, ` or %) — put it in double quotes."
        }
        if problem.contains("found undefined alias") {
            return "An alias (*name) refers to an anchor (&name) that does not exist."
        }
        return "Check quotes and indentation on this line and the one before."
    }

    /// The position of the second line that starts with `key:` (for duplicate-key errors).
    private static func secondOccurrence(ofKey key: String, in yaml: String) -> (line: Int, column: Int)? {
        var seen = false
        for (index, line) in yaml.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            var trimmed = line.drop { $0 == " " }
            var column = line.count - trimmed.count + 1
            if trimmed.hasPrefix("- ") {
                trimmed = trimmed.dropFirst(2).drop { $0 == " " }
                column = line.count - trimmed.count + 1
            }
            let unquoted = trimmed.hasPrefix("\"\(key)\":") || trimmed.hasPrefix("'\(key)':")
            if trimmed.hasPrefix("\(key):") || unquoted {
                if seen { return (index + 1, column) }
                seen = true
            }
        }
        return nil
    }

    /// Whether the text is nothing but white space (checked on its bytes while they are ASCII).
    private static func isBlank(_ text: String) -> Bool {
        for byte in text.utf8 {
            switch byte {
            case 0x09...0x0D, 0x20: continue
            case 0x80...: return text.allSatisfy(\.isWhitespace)
            default: return false
            }
        }
        return true
    }

    /// The line and column of the first tab that indents a line with content. Line breaks are `\n` only (the
    /// source text has normalised them); the scan runs on bytes, since the indentation it looks at is ASCII.
    private static func firstIndentingTab(in yaml: String) -> (line: Int, column: Int)? {
        var line = 1
        var column = 1
        var atLineStart = true
        var tabColumn: Int?
        for byte in yaml.utf8 {
            if byte == 0x0A {
                line += 1
                column = 1
                atLineStart = true
                tabColumn = nil
                continue
            }
            guard atLineStart else { continue }
            switch byte {
            case 0x20:
                column += 1
            case 0x09:
                if tabColumn == nil { tabColumn = column }
                column += 1
            default:
                // Content after the indentation: a tab before it indented the line. A line of spaces and
                // tabs only is blank and never reaches here.
                if let tabColumn { return (line, tabColumn) }
                atLineStart = false
            }
        }
        return nil
    }
}
