/// Escaping of text and URLs for HTML output, byte-compatible with cmark's HTML renderer.
enum HTMLEscaping {
    /// Appends `text` to `output` with `&`, `<`, `>` and `"` replaced by entities, safe both as element
    /// content and inside a double-quoted attribute.
    static func appendEscapedText(_ text: some StringProtocol, to output: inout String) {
        let needsEscaping = text.utf8.withContiguousStorageIfAvailable { bytes in
            bytes.contains { $0 == UInt8(ascii: "&") || $0 == UInt8(ascii: "<") || $0 == UInt8(ascii: ">")
                || $0 == UInt8(ascii: "\"") }
        }
        guard needsEscaping ?? true else {
            output.append(contentsOf: text)
            return
        }
        var runStart = text.utf8.startIndex
        var index = runStart
        let end = text.utf8.endIndex
        while index != end {
            let entity: String
            switch text.utf8[index] {
            case UInt8(ascii: "&"): entity = "&amp;"
            case UInt8(ascii: "<"): entity = "&lt;"
            case UInt8(ascii: ">"): entity = "&gt;"
            case UInt8(ascii: "\""): entity = "&quot;"
            default:
                text.utf8.formIndex(after: &index)
                continue
            }
            output.append(contentsOf: text[runStart..<index])
            output.append(entity)
            text.utf8.formIndex(after: &index)
            runStart = index
        }
        output.append(contentsOf: text[runStart..<end])
    }

    /// Appends `url` for use in a double-quoted `href` or `src` attribute: `&` and `'` become entities, URL
    /// punctuation and letters stay, and every other byte (spaces, quotes, `<`, non-ASCII …) is percent-encoded.
    /// Existing `%XX` sequences are kept, so an already encoded URL is not encoded twice.
    static func appendEscapedURL(_ url: String, to output: inout String) {
        let needsEscaping = url.utf8.withContiguousStorageIfAvailable { bytes in
            bytes.contains { !isURLSafe($0) }
        }
        guard needsEscaping ?? true else {
            output.append(url)
            return
        }
        var runStart = url.utf8.startIndex
        var index = runStart
        let end = url.utf8.endIndex
        while index != end {
            let byte = url.utf8[index]
            if isURLSafe(byte) {
                url.utf8.formIndex(after: &index)
                continue
            }
            if runStart != index {
                output.append(contentsOf: url[runStart..<index])
            }
            switch byte {
            case UInt8(ascii: "&"): output.append("&amp;")
            case UInt8(ascii: "'"): output.append("&#x27;")
            default:
                output.append("%")
                output.append(hexDigit(byte >> 4))
                output.append(hexDigit(byte & 0x0F))
            }
            url.utf8.formIndex(after: &index)
            runStart = index
        }
        if runStart != end {
            output.append(contentsOf: url[runStart..<end])
        }
    }

    /// Whether a URL byte is written as it is: ASCII letters, digits and `-_.+!*(),%#@?=;:/$~`.
    private static func isURLSafe(_ byte: UInt8) -> Bool {
        switch byte {
        case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "A")...UInt8(ascii: "Z"),
             UInt8(ascii: "0")...UInt8(ascii: "9"):
            return true
        case UInt8(ascii: "-"), UInt8(ascii: "_"), UInt8(ascii: "."), UInt8(ascii: "+"), UInt8(ascii: "!"),
             UInt8(ascii: "*"), UInt8(ascii: "("), UInt8(ascii: ")"), UInt8(ascii: ","), UInt8(ascii: "%"),
             UInt8(ascii: "#"), UInt8(ascii: "@"), UInt8(ascii: "?"), UInt8(ascii: "="), UInt8(ascii: ";"),
             UInt8(ascii: ":"), UInt8(ascii: "/"), UInt8(ascii: "$"), UInt8(ascii: "~"):
            return true
        default:
            return false
        }
    }

    /// The uppercase hexadecimal digit for a value 0–15.
    private static func hexDigit(_ value: UInt8) -> Character {
        Character(Unicode.Scalar(value < 10 ? UInt8(ascii: "0") + value : UInt8(ascii: "A") + value - 10))
    }
}
