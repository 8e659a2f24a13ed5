/// Writes text as a JSON string literal, for every JSON file the portal writes from text.
///
/// Quotes, backslashes and control characters are escaped, and U+2028/U+2029 too, so the literal is also valid
/// JavaScript; everything else is written as it is (UTF-8). The search index writes its own byte-level variant of
/// the same rules (`PortalSearch/JSONValue`), as it has no dependency on this module and writes bytes.
public enum JSONString {
    /// Appends `text` as a quoted JSON string to `output`. `alsoEscaping` names further characters to write as
    /// `\u` escapes (YAML, which shares these escapes, needs more of them than JSON).
    public static func write(_ text: String, to output: inout String, alsoEscaping: ((Unicode.Scalar) -> Bool)? = nil) {
        guard let alsoEscaping else { return writeBytes(text, to: &output) }
        output += "\""
        for scalar in text.unicodeScalars {
            if let escape = escape(scalar) {
                output += escape
            } else if alsoEscaping(scalar) {
                output += unicodeEscape(scalar.value)
            } else {
                output.unicodeScalars.append(scalar)
            }
        }
        output += "\""
    }

    /// The escape JSON (as JavaScript) needs for a character, or nil when it is written as it is.
    static func escape(_ scalar: Unicode.Scalar) -> String? {
        switch scalar {
        case "\"": "\\\""
        case "\\": "\\\\"
        case "\n": "\\n"
        case "\r": "\\r"
        case "\t": "\\t"
        case "\u{08}": "\\b"
        case "\u{0C}": "\\f"
        default: scalar.value < 0x20 || scalar.value == 0x2028 || scalar.value == 0x2029 ? unicodeEscape(scalar.value) : nil
        }
    }

    /// `\u` and four lowercase hex digits.
    private static func unicodeEscape(_ value: UInt32) -> String {
        let hex = String(value, radix: 16)
        return "\\u" + String(repeating: "0", count: max(0, 4 - hex.count)) + hex
    }

    /// The same literal as the scalar loop, made from the UTF-8 bytes: runs of bytes that need no escape are copied
    /// at once (a feed of 50 articles' HTML, full of quoted attributes, took a tenth of a text edit's render time
    /// one scalar at a time).
    private static func writeBytes(_ text: String, to output: inout String) {
        var text = text
        let literal = text.withUTF8 { bytes -> String in
            var result: [UInt8] = []
            result.reserveCapacity(bytes.count + 2)
            result.append(UInt8(ascii: "\""))
            var runStart = 0
            var index = 0
            while index < bytes.count {
                let byte = bytes[index]
                var length = 1
                let needsEscape: Bool
                if byte == UInt8(ascii: "\"") || byte == UInt8(ascii: "\\") || byte < 0x20 {
                    needsEscape = true
                } else if byte == 0xE2, index + 2 < bytes.count, bytes[index + 1] == 0x80, bytes[index + 2] == 0xA8 || bytes[index + 2] == 0xA9 {
                    // U+2028 and U+2029, line and paragraph separators.
                    needsEscape = true
                    length = 3
                } else {
                    needsEscape = false
                }
                guard needsEscape else {
                    index += 1
                    continue
                }
                result.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[runStart..<index]))
                let value = length == 3 ? 0x2028 + UInt32(bytes[index + 2] - 0xA8) : UInt32(byte)
                if let scalar = Unicode.Scalar(value), let escape = escape(scalar) { result.append(contentsOf: escape.utf8) }
                index += length
                runStart = index
            }
            result.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[runStart..<bytes.count]))
            result.append(UInt8(ascii: "\""))
            return String(decoding: result, as: UTF8.self)
        }
        output += literal
    }
}
