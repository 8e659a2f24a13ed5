/// Writes text as a JSON string literal, for every JSON file the portal writes from text.
///
/// Quotes, backslashes and control characters are escaped, and U+2028/U+2029 too, so the literal is also valid
/// JavaScript; everything else is written as it is (UTF-8). The search index writes its own byte-level variant of
/// the same rules (`PortalSearch/JSONValue`), as it has no dependency on this module and writes bytes.
public enum JSONString {
    /// Appends `text` as a quoted JSON string to `output`. `alsoEscaping` names further characters to write as
    /// `\u` escapes (YAML, which shares these escapes, needs more of them than JSON).
    public static func write(_ text: String, to output: inout String, alsoEscaping: (Unicode.Scalar) -> Bool = { _ in false }) {
        output += "\""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\"": output += "\\\""
            case "\\": output += "\\\\"
            case "\n": output += "\\n"
            case "\r": output += "\\r"
            case "\t": output += "\\t"
            case "\u{08}": output += "\\b"
            case "\u{0C}": output += "\\f"
            default:
                if scalar.value < 0x20 || scalar.value == 0x2028 || scalar.value == 0x2029 || alsoEscaping(scalar) {
                    let hex = String(scalar.value, radix: 16)
                    output += "\\u" + String(repeating: "0", count: 4 - hex.count) + hex
                } else {
                    output.unicodeScalars.append(scalar)
                }
            }
        }
        output += "\""
    }
}
