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
