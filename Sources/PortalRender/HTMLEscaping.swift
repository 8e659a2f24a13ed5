import Mustache

/// The content type every template renders with: HTML escaping exactly as Mustache's own (`& < > " '`), but
/// working on UTF-8 bytes instead of looking up every character in a dictionary – escaping is most of the
/// rendering time of a large site.
///
/// Templates select it with a `{{%CONTENT_TYPE:PORTAL_HTML}}` tag that `TemplateSet` puts in front of every
/// template when it compiles it.
struct HTMLEscaping: MustacheContentType {
    /// The name the content type is registered under.
    static let name = "PORTAL_HTML"
    /// The tag that selects it, put in front of every template.
    static let pragma = "{{%CONTENT_TYPE:\(name)}}"

    /// Registers the content type with Mustache (idempotent; needed before templates are parsed).
    static func register() {
        MustacheContentTypes.register(HTMLEscaping(), named: name)
    }

    func escapeText(_ text: String) -> String {
        Self.escape(text)
    }

    /// `&`, `<`, `>`, `"` and `'` replaced by character references; everything else unchanged.
    static func escape(_ text: String) -> String {
        let utf8 = text.utf8
        // Most texts need no escaping at all.
        guard utf8.contains(where: { $0 == 0x26 || $0 == 0x3C || $0 == 0x3E || $0 == 0x22 || $0 == 0x27 }) else { return text }
        var bytes: [UInt8] = []
        bytes.reserveCapacity(utf8.count + 16)
        for byte in utf8 {
            switch byte {
            case 0x26: bytes.append(contentsOf: [0x26, 0x61, 0x6D, 0x70, 0x3B]) // &amp;
            case 0x3C: bytes.append(contentsOf: [0x26, 0x6C, 0x74, 0x3B]) // &lt;
            case 0x3E: bytes.append(contentsOf: [0x26, 0x67, 0x74, 0x3B]) // &gt;
            case 0x22: bytes.append(contentsOf: [0x26, 0x71, 0x75, 0x6F, 0x74, 0x3B]) // &quot;
            case 0x27: bytes.append(contentsOf: [0x26, 0x23, 0x33, 0x39, 0x3B]) // &#39;
            default: bytes.append(byte)
            }
        }
        return String(decoding: bytes, as: UTF8.self)
    }
}
