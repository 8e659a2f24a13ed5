/// An oracle for rendered prose, independent of PortalMarkdown's code: the HTML may contain only the elements
/// and attributes the renderer writes, every element is closed in order, text and attribute values are escaped,
/// and no `href` or `src` runs script or reads local files.
enum SafeHTMLChecker {
    /// The attributes each allowed element may carry.
    private static let allowedAttributes: [String: Set<String>] = [
        "p": [], "blockquote": [], "ul": [], "ol": ["start"], "li": [], "pre": [], "code": ["class"],
        "em": [], "strong": [], "a": ["href", "title"], "img": ["src", "alt", "title", "loading"],
        "hr": [], "br": [],
        "h1": ["id"], "h2": ["id"], "h3": ["id"], "h4": ["id"], "h5": ["id"], "h6": ["id"],
    ]
    /// Elements written as `<x />`.
    private static let voidElements: Set<String> = ["img", "hr", "br"]
    /// The entities the renderer writes.
    private static let entities = ["&amp;", "&lt;", "&gt;", "&quot;", "&#x27;"]

    /// Every problem in `html`, at most a few; empty when it is acceptable.
    static func problems(in html: String) -> [String] {
        // Bytes, not Characters: a combining mark after `>` would otherwise hide the `>` in a grapheme.
        let bytes = Array(html.utf8)
        var problems: [String] = []
        var open: [String] = []
        var index = 0
        while index < bytes.count, problems.count < 3 {
            switch bytes[index] {
            case UInt8(ascii: "<"):
                guard let end = bytes[index...].firstIndex(of: UInt8(ascii: ">")) else {
                    problems.append("unterminated tag")
                    return problems
                }
                check(tag: String(decoding: bytes[(index + 1)..<end], as: UTF8.self), open: &open, problems: &problems)
                index = end + 1
                continue
            case UInt8(ascii: "&"):
                let rest = bytes[index..<min(index + 6, bytes.count)]
                if !entities.contains(where: { rest.starts(with: $0.utf8) }) { problems.append("bare & in text") }
            case UInt8(ascii: ">"), UInt8(ascii: "\""):
                problems.append("unescaped \(Character(Unicode.Scalar(bytes[index]))) in text")
            default:
                break
            }
            index += 1
        }
        if !open.isEmpty, problems.isEmpty { problems.append("unclosed elements \(open)") }
        return problems
    }

    /// Checks the text between `<` and `>`.
    private static func check(tag: String, open: inout [String], problems: inout [String]) {
        if tag.unicodeScalars.first == "/" {
            let name = string(tag.unicodeScalars.dropFirst())
            if open.last == name {
                open.removeLast()
            } else {
                problems.append("</\(name)> closes \(open.last ?? "nothing")")
            }
            return
        }
        var rest = Array(tag.unicodeScalars)[...]
        let name = string(rest.prefix { ("a"..."z").contains($0) || ("0"..."9").contains($0) })
        rest = rest.dropFirst(name.unicodeScalars.count)
        guard let allowed = allowedAttributes[name] else {
            problems.append("element <\(tag.prefix(20))> not allowed")
            return
        }
        let isVoid = voidElements.contains(name)
        if isVoid {
            guard rest.suffix(2).elementsEqual(" /".unicodeScalars) else {
                problems.append("<\(name)> not written as <\(name) />")
                return
            }
            rest = rest.dropLast(2)
        }
        while let first = rest.first {
            guard first == " " else {
                problems.append("junk in <\(name)>: \(string(rest.prefix(20)))")
                return
            }
            rest = rest.dropFirst()
            let attribute = string(rest.prefix { $0 != "=" })
            rest = rest.dropFirst(attribute.unicodeScalars.count)
            guard rest.starts(with: "=\"".unicodeScalars), let closingQuote = rest.dropFirst(2).firstIndex(of: "\"") else {
                problems.append("attribute \(attribute.prefix(20)) of <\(name)> has no quoted value")
                return
            }
            let value = string(rest[(rest.startIndex + 2)..<closingQuote])
            rest = rest[(closingQuote + 1)...]
            if !allowed.contains(attribute) {
                problems.append("attribute \(attribute.prefix(20)) not allowed on <\(name)>")
            }
            if attribute == "href" || attribute == "src", isDangerous(url: value, inImage: name == "img") {
                problems.append("dangerous URL \(value.prefix(40)) in \(attribute)")
            }
        }
        if !isVoid { open.append(name) }
    }

    /// The values of every `href` and `src` attribute in `html`, with the renderer's entities decoded, in order.
    static func linkTargets(in html: String) -> [String] {
        html.matches(of: /\s(?:href|src)="([^"]*)"/).map { decoded(String($0.output.1)) }
    }

    /// An attribute value with the entities the renderer writes decoded.
    private static func decoded(_ value: String) -> String {
        var decoded = value
        for (entity, character) in [("&#x27;", "'"), ("&quot;", "\""), ("&lt;", "<"), ("&gt;", ">"), ("&amp;", "&")] {
            decoded = decoded.replacing(entity, with: character)
        }
        return decoded
    }

    /// A string of scalars.
    private static func string(_ scalars: some Sequence<Unicode.Scalar>) -> String {
        String(String.UnicodeScalarView(scalars))
    }

    /// Whether an (escaped) attribute value would run script or read files in a browser, which ignores leading
    /// spaces and control characters and every tab and line break, and compares schemes case-insensitively.
    private static func isDangerous(url: String, inImage: Bool) -> Bool {
        let scalars = decoded(url).unicodeScalars.drop { $0.value <= 0x20 }.filter { $0 != "\t" && $0 != "\n" && $0 != "\r" }
        let normalized = string(scalars).lowercased()
        if ["javascript:", "vbscript:", "file:"].contains(where: normalized.hasPrefix) { return true }
        guard normalized.hasPrefix("data:") else { return false }
        guard inImage else { return true }
        let allowed = ["png", "gif", "jpeg", "webp"].flatMap { ["data:image/\($0);", "data:image/\($0),"] }
        return !allowed.contains(where: normalized.hasPrefix)
    }
}
