/// An independent checker for the renderer's output: well-formed, only the markup the renderer may emit, and
/// no dangerous URL. It does not reuse any code of the module under test.
enum HTMLSafetyChecker {
    /// Attributes each element may carry; everything else is a problem.
    private static let allowedAttributes: [String: Set<String>] = [
        "p": [], "blockquote": [], "ul": [], "ol": ["start"], "li": [], "pre": [], "code": ["class"],
        "em": [], "strong": [], "a": ["href", "title"], "img": ["src", "alt", "title", "loading"],
        "hr": [], "br": [],
        "h1": ["id"], "h2": ["id"], "h3": ["id"], "h4": ["id"], "h5": ["id"], "h6": ["id"],
    ]
    /// Elements written as `<x />` without a closing tag.
    private static let voidElements: Set<String> = ["img", "hr", "br"]
    /// The only entities the renderer writes.
    private static let entities = ["&amp;", "&lt;", "&gt;", "&quot;", "&#x27;"]

    /// Every problem found in `html`; empty if the output is acceptable.
    static func problems(in html: String) -> [String] {
        var problems: [String] = []
        var openElements: [String] = []
        let characters = Array(html.unicodeScalars)
        var index = 0
        while index < characters.count {
            let character = characters[index]
            switch character {
            case "<":
                guard let end = characters[index...].firstIndex(of: ">") else {
                    problems.append("unterminated tag at \(index)")
                    return problems
                }
                let tag = String(String.UnicodeScalarView(characters[(index + 1)..<end]))
                check(tag: tag, openElements: &openElements, problems: &problems)
                index = end + 1
                continue
            case ">", "\"":
                problems.append("unescaped \(character) in text at \(index)")
            case "&":
                let rest = String(String.UnicodeScalarView(characters[index..<min(index + 6, characters.count)]))
                if !entities.contains(where: rest.hasPrefix) {
                    problems.append("bare & in text at \(index)")
                }
            default:
                break
            }
            index += 1
        }
        if !openElements.isEmpty {
            problems.append("unclosed elements \(openElements)")
        }
        return problems
    }

    /// Checks the inside of one tag (between `<` and `>`).
    private static func check(tag: String, openElements: inout [String], problems: inout [String]) {
        if tag.hasPrefix("/") {
            let name = String(tag.dropFirst())
            if openElements.last == name {
                openElements.removeLast()
            } else {
                problems.append("closing </\(name)> while \(openElements.last ?? "nothing") is open")
            }
            return
        }
        var rest = Substring(tag)
        let name = String(rest.prefix { $0.isLetter || $0.isNumber })
        rest = rest.dropFirst(name.count)
        guard let allowed = allowedAttributes[name] else {
            problems.append("element <\(name)> not allowed")
            return
        }
        let isVoid = voidElements.contains(name)
        if isVoid {
            guard rest.hasSuffix(" /") else {
                problems.append("void element <\(name)> not written as <\(name) />")
                return
            }
            rest = rest.dropLast(2)
        }
        while !rest.isEmpty {
            guard rest.first == " " else {
                problems.append("junk in <\(name)>: \(rest)")
                return
            }
            rest = rest.dropFirst()
            let attribute = String(rest.prefix { $0 != "=" })
            rest = rest.dropFirst(attribute.count)
            guard rest.hasPrefix("=\""), let closingQuote = rest.dropFirst(2).firstIndex(of: "\"") else {
                problems.append("attribute \(attribute) in <\(name)> without quoted value")
                return
            }
            let value = rest[rest.index(rest.startIndex, offsetBy: 2)..<closingQuote]
            rest = rest[rest.index(after: closingQuote)...]
            if !allowed.contains(attribute) {
                problems.append("attribute \(attribute) not allowed on <\(name)>")
            }
            if value.contains("<") || value.contains(">") {
                problems.append("unescaped < or > in \(attribute)")
            }
            if attribute == "href" || attribute == "src", isDangerous(url: String(value), inImage: name == "img") {
                problems.append("dangerous URL \(value) in \(attribute)")
            }
        }
        if !isVoid {
            openElements.append(name)
        }
    }

    /// Whether an attribute value (still HTML-escaped) would run script or load local files in a browser.
    private static func isDangerous(url: String, inImage: Bool) -> Bool {
        var decoded = url
        for (entity, character) in [("&#x27;", "'"), ("&quot;", "\""), ("&lt;", "<"), ("&gt;", ">"), ("&amp;", "&")] {
            decoded = decoded.replacing(entity, with: character)
        }
        let scalars = decoded.unicodeScalars
            .drop { $0.value <= 0x20 }
            .filter { $0 != "\t" && $0 != "\n" && $0 != "\r" }
        let normalized = String(String.UnicodeScalarView(scalars)).lowercased()
        for scheme in ["javascript:", "vbscript:", "file:"] where normalized.hasPrefix(scheme) {
            return true
        }
        guard normalized.hasPrefix("data:") else { return false }
        guard inImage else { return true }
        let allowed = ["png", "gif", "jpeg", "webp"].flatMap { ["data:image/\($0);", "data:image/\($0),"] }
        return !allowed.contains(where: normalized.hasPrefix)
    }
}
