/// HTML escaping of values in templates and labels: `&`, `<`, `>`, `"` and `'` become character references,
/// working on UTF-8 bytes (escaping is a large part of rendering a big site).
enum HTMLEscaping {
    /// `text` with `&`, `<`, `>`, `"` and `'` replaced by character references; everything else unchanged.
    static func escape(_ text: String) -> String {
        // Most texts need no escaping at all.
        guard needsEscaping(text) else { return text }
        var bytes: [UInt8] = []
        bytes.reserveCapacity(text.utf8.count + 16)
        append(text, to: &bytes)
        return String(decoding: bytes, as: UTF8.self)
    }

    /// Appends `text` escaped as `escape` does to UTF-8 `output`.
    static func append(_ text: String, to output: inout [UInt8]) {
        guard needsEscaping(text) else {
            output.append(contentsOf: text.utf8)
            return
        }
        for byte in text.utf8 {
            switch byte {
            case 0x26: output.append(contentsOf: [0x26, 0x61, 0x6D, 0x70, 0x3B]) // &amp;
            case 0x3C: output.append(contentsOf: [0x26, 0x6C, 0x74, 0x3B]) // &lt;
            case 0x3E: output.append(contentsOf: [0x26, 0x67, 0x74, 0x3B]) // &gt;
            case 0x22: output.append(contentsOf: [0x26, 0x71, 0x75, 0x6F, 0x74, 0x3B]) // &quot;
            case 0x27: output.append(contentsOf: [0x26, 0x23, 0x33, 0x39, 0x3B]) // &#39;
            default: output.append(byte)
            }
        }
    }

    private static func needsEscaping(_ text: String) -> Bool {
        func special(_ byte: UInt8) -> Bool { byte == 0x26 || byte == 0x3C || byte == 0x3E || byte == 0x22 || byte == 0x27 }
        return text.utf8.withContiguousStorageIfAvailable { $0.contains(where: special) } ?? text.utf8.contains(where: special)
    }
}
