/// Finds the tags of a Mustache template with their positions, to check partial names and label keys.
enum TemplateScanner {
    /// A tag that names something.
    struct Tag: Sendable, Hashable {
        enum Kind: Sendable {
            /// `{{> name}}`
            case partial
            /// `{{< name}}`
            case parent
            /// `{{name}}`, `{{{name}}}`, `{{& name}}`, `{{# name}}`, `{{^ name}}`
            case value
        }

        var kind: Kind
        var name: String
        /// 1-based line and column of the tag's opening braces.
        var line: Int
        var column: Int
    }

    /// Every naming tag in `text`, in order. Comments, closing tags, blocks and delimiter changes are skipped.
    static func tags(in text: String) -> [Tag] {
        var tags: [Tag] = []
        var line = 1, column = 1
        var index = text.startIndex
        while index < text.endIndex {
            if text[index...].hasPrefix("{{") {
                let tagLine = line, tagColumn = column
                guard let close = text.range(of: "}}", range: text.index(index, offsetBy: 2)..<text.endIndex) else { break }
                var body = text[text.index(index, offsetBy: 2)..<close.lowerBound]
                var end = close.upperBound
                if body.hasPrefix("{"), end < text.endIndex, text[end] == "}" {
                    body = body.dropFirst()
                    end = text.index(after: end)
                }
                if let tag = tag(from: body, line: tagLine, column: tagColumn) { tags.append(tag) }
                for character in text[index..<end] {
                    if character == "\n" { line += 1; column = 1 } else { column += 1 }
                }
                index = end
                continue
            }
            if text[index] == "\n" { line += 1; column = 1 } else { column += 1 }
            index = text.index(after: index)
        }
        return tags
    }

    private static func tag(from body: Substring, line: Int, column: Int) -> Tag? {
        let trimmed = body.trimmingWhitespace()
        guard let sigil = trimmed.first else { return nil }
        let kind: Tag.Kind
        var name = trimmed
        switch sigil {
        case "!", "/", "=", "$": return nil
        case ">":
            kind = .partial
            name = trimmed.dropFirst()
        case "<":
            kind = .parent
            name = trimmed.dropFirst()
        case "#", "^", "&", "{":
            kind = .value
            name = trimmed.dropFirst()
        default:
            kind = .value
        }
        let cleaned = name.trimmingWhitespace()
        guard !cleaned.isEmpty else { return nil }
        // Transforms such as `uppercase(name)` wrap the name in brackets.
        let bare = cleaned.split(separator: "(").last.map { $0.split(separator: ")").first ?? $0 } ?? cleaned
        return Tag(kind: kind, name: String(bare), line: line, column: column)
    }
}
