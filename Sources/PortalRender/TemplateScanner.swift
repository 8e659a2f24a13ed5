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

extension Substring {
    /// The text without leading and trailing spaces and tabs.
    fileprivate func trimmingWhitespace() -> Substring {
        var text = self
        while let first = text.first, first == " " || first == "\t" { text = text.dropFirst() }
        while let last = text.last, last == " " || last == "\t" { text = text.dropLast() }
        return text
    }
}

extension TemplateScanner {
    /// The template with every `{{t.key}}` (escaped) and `{{{t.key}}}` / `{{& t.key}}` (as it is) replaced by its
    /// label, so labels – the same on every page – are looked up once per build instead of once per page.
    /// Tags whose label is missing stay as they are (and are reported by `TemplateSet`).
    static func substitutingLabels(in text: String, labels: Labels) -> String {
        var result = ""
        result.reserveCapacity(text.utf8.count)
        var index = text.startIndex
        while let open = text.range(of: "{{", range: index..<text.endIndex) {
            result += text[index..<open.lowerBound]
            let isTriple = text[open.upperBound...].hasPrefix("{")
            let bodyStart = isTriple ? text.index(after: open.upperBound) : open.upperBound
            let closing = isTriple ? "}}}" : "}}"
            guard let close = text.range(of: closing, range: bodyStart..<text.endIndex) else {
                index = open.lowerBound
                break
            }
            var body = text[bodyStart..<close.lowerBound].trimmingWhitespace()
            var raw = isTriple
            if body.hasPrefix("&") {
                raw = true
                body = body.dropFirst().trimmingWhitespace()
            }
            let key = body.hasPrefix("t.") ? String(body.dropFirst(2)) : ""
            if !key.isEmpty, key.allSatisfy({ $0.isLetter || $0.isNumber || "._-".contains($0) }), labels.has(key) {
                let label = raw ? labels[key] : HTMLEscaping.escape(labels[key])
                // A label must not open a tag of its own.
                result += label.replacing("{{", with: "&#123;&#123;")
            } else {
                result += text[open.lowerBound..<close.upperBound]
            }
            index = close.upperBound
        }
        result += text[index...]
        return result
    }
}
