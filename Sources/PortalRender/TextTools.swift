/// Small text helpers shared by pages and feeds.
enum TextTools {
    /// The text shortened at a word boundary to at most `limit` characters, with an ellipsis when cut.
    static func excerpt(_ text: String, limit: Int = 160) -> String {
        // Short single-spaced text is returned as it is (the common case: summaries).
        if text.utf8.count <= limit, isSingleSpaced(text), text.first?.isWhitespace != true, text.last?.isWhitespace != true {
            return text
        }
        let collapsed = text.split(whereSeparator: \.isWhitespace).joined(separator: " ")
        guard collapsed.count > limit else { return collapsed }
        var cut = String(collapsed.prefix(limit))
        if let space = cut.lastIndex(of: " "), cut.distance(from: cut.startIndex, to: space) > limit / 2 {
            cut = String(cut[..<space])
        }
        while let last = cut.last, last.isPunctuation || last.isWhitespace { cut.removeLast() }
        return cut + "…"
    }

    /// Whether the text has no tab or line break and no two spaces in a row (checked on its bytes: Foundation's
    /// `contains("  ")` bridged every summary to `NSString`).
    private static func isSingleSpaced(_ text: String) -> Bool {
        var previous: UInt8 = 0
        for byte in text.utf8 {
            if byte == 0x0A || byte == 0x0D || byte == 0x09 || (byte == 0x20 && previous == 0x20) { return false }
            previous = byte
        }
        return true
    }

    /// Text escaped for XML and HTML content and attribute values.
    static func escapeXML(_ text: String) -> String {
        var result = ""
        result.reserveCapacity(text.utf8.count)
        for scalar in text.unicodeScalars {
            switch scalar {
            case "&": result += "&amp;"
            case "<": result += "&lt;"
            case ">": result += "&gt;"
            case "\"": result += "&quot;"
            case "'": result += "&apos;"
            default:
                // Control characters other than tab and newlines are not allowed in XML 1.0.
                if scalar.value < 0x20, scalar != "\t", scalar != "\n", scalar != "\r" { continue }
                if scalar.value == 0xFFFE || scalar.value == 0xFFFF { continue }
                result.unicodeScalars.append(scalar)
            }
        }
        return result
    }

    /// `text` with every occurrence of `target` (not empty) replaced by `replacement`, matched byte by byte in
    /// UTF-8: for markup, where `String.replacing`, which matches whole characters, is many times slower.
    static func replacingBytes(_ target: String, with replacement: String, in text: String) -> String {
        let needle = Array(target.utf8)
        guard let first = needle.first else { return text }
        var text = text
        let replaced = text.withUTF8 { bytes -> String? in
            var result: [UInt8] = []
            var runStart = 0
            var index = 0
            while index + needle.count <= bytes.count {
                if bytes[index] == first, needle.indices.allSatisfy({ bytes[index + $0] == needle[$0] }) {
                    if result.isEmpty { result.reserveCapacity(bytes.count + 64) }
                    result.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[runStart..<index]))
                    result.append(contentsOf: replacement.utf8)
                    index += needle.count
                    runStart = index
                } else {
                    index += 1
                }
            }
            guard runStart > 0 else { return nil }
            result.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[runStart..<bytes.count]))
            return String(decoding: result, as: UTF8.self)
        }
        return replaced ?? text
    }

    /// The host of a URL such as `https://ki.stadt.example/pfad`, or the whole text when it has none.
    static func host(of url: String) -> String {
        var rest = Substring(url)
        if let scheme = rest.range(of: "://") { rest = rest[scheme.upperBound...] }
        return String(rest.prefix { $0 != "/" && $0 != ":" && $0 != "?" && $0 != "#" })
    }

    /// Whether a link leaves the site (absolute with a scheme, or protocol-relative).
    static func isExternal(_ url: String) -> Bool {
        url.contains("://") || url.hasPrefix("//")
    }
}
