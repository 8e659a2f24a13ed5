import PortalModel

/// Writes a `YAMLNode` as block-style YAML: plain scalars as they are, all other text double-quoted with
/// escapes, so any text round-trips unchanged.
enum YAMLWriter {
    /// The YAML text of `node` (a mapping or a sequence), ending in a newline.
    static func write(_ node: YAMLNode) -> String {
        var output = ""
        writeBlock(node, indent: 0, to: &output)
        return output
    }

    private static func writeBlock(_ node: YAMLNode, indent: Int, to output: inout String) {
        let padding = String(repeating: " ", count: indent)
        switch node.kind {
        case .mapping(let pairs):
            for pair in pairs {
                output += padding + pair.key + ":"
                writeValue(pair.value, indent: indent, to: &output)
            }
        case .sequence(let items):
            for item in items {
                output += padding + "-"
                if case .mapping(let pairs) = item.kind, !pairs.isEmpty {
                    // The first key goes on the dash line; the rest line up under it.
                    var first = ""
                    writeBlock(item, indent: indent + 2, to: &first)
                    output += " " + first.dropFirst(indent + 2)
                } else {
                    writeValue(item, indent: indent, to: &output)
                }
            }
        case .scalar, .null:
            writeValue(node, indent: indent, to: &output)
        }
    }

    /// Writes what follows `key:` or `-`: an inline scalar, or a nested block on the next lines.
    private static func writeValue(_ node: YAMLNode, indent: Int, to output: inout String) {
        switch node.kind {
        case .scalar(let text, let isPlain):
            output += " " + (isPlain ? text : quoted(text)) + "\n"
        case .null:
            output += "\n"
        case .sequence(let items) where items.isEmpty:
            output += " []\n"
        case .mapping(let pairs) where pairs.isEmpty:
            output += " {}\n"
        case .sequence, .mapping:
            output += "\n"
            writeBlock(node, indent: indent + 2, to: &output)
        }
    }

    /// A double-quoted YAML scalar that reads back as exactly `text`.
    ///
    /// The escapes are JSON's (`\"`, `\\`, `\n`, `\uXXXX`), which YAML shares, for more characters than JSON
    /// needs: every control (C0, DEL, C1), which YAML does not allow raw; the characters YAML 1.1 reads as line
    /// breaks (NEL U+0085, LS U+2028, PS U+2029); and U+FEFF, U+FFFE and U+FFFF.
    static func quoted(_ text: String) -> String {
        var output = ""
        JSONString.write(text, to: &output, alsoEscaping: needsEscape)
        return output
    }

    /// Whether ``quoted(_:)`` writes a character as a `\u` escape.
    static func needsEscape(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0..<0x20, 0x7F...0x9F, 0x2028, 0x2029, 0xFEFF, 0xFFFE, 0xFFFF: true
        default: false
        }
    }
}
