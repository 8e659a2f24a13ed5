/// Checks that every internal link of a rendered site leads somewhere: each `href="/…"` and `src="/…"` must name
/// a rendered file (or an asset copied by the build), and each `#fragment` an `id` on the target page.
///
/// Reusable: give it the output files (path → bytes) and the asset paths; it returns every broken link.
struct LinkChecker {
    /// A link that leads nowhere.
    struct BrokenLink: Hashable, CustomStringConvertible {
        /// The page the link is on.
        var page: String
        var link: String
        var reason: String

        var description: String { "\(page): \(link) – \(reason)" }
    }

    private let files: [String: [UInt8]]
    private let assets: Set<String>
    private var idCache: [String: Set<String>] = [:]

    /// - Parameters:
    ///   - files: Output files by path below the site root (`massnahmen/index.html`).
    ///   - assets: Paths below the site root of files the build copies besides the output (`assets/x.pdf`).
    init(files: [String: [UInt8]], assets: [String] = []) {
        self.files = files
        self.assets = Set(assets)
    }

    /// The file a site path is served from: `/a/` → `a/index.html`, `/` → `index.html`, `/a.xml` → `a.xml`.
    static func file(forSitePath path: String) -> String {
        let relative = String(path.drop { $0 == "/" })
        if relative.isEmpty { return "index.html" }
        return relative.hasSuffix("/") ? relative + "index.html" : relative
    }

    /// Every broken internal link on every HTML page.
    mutating func brokenLinks() -> [BrokenLink] {
        var broken: [BrokenLink] = []
        for page in files.keys.sorted() where page.hasSuffix(".html") {
            let html = String(decoding: files[page] ?? [], as: UTF8.self)
            for link in Self.attributeValues(in: html, names: ["href", "src"]) {
                if let problem = check(link, on: page) {
                    broken.append(BrokenLink(page: page, link: link, reason: problem))
                }
            }
        }
        return broken
    }

    /// Why a link is broken, or nil when it resolves.
    private mutating func check(_ link: String, on page: String) -> String? {
        let decoded = link.replacing("&amp;", with: "&")
        if decoded.hasPrefix("#") {
            let fragment = String(decoded.dropFirst())
            return ids(in: page).contains(fragment) ? nil : "no element with id '\(fragment)' on this page"
        }
        guard decoded.hasPrefix("/"), !decoded.hasPrefix("//") else { return nil }
        var path = decoded
        var fragment: String?
        if let hash = path.firstIndex(of: "#") {
            fragment = String(path[path.index(after: hash)...])
            path = String(path[..<hash])
        }
        if let query = path.firstIndex(of: "?") { path = String(path[..<query]) }
        let target = Self.file(forSitePath: path)
        if assets.contains(target) { return fragment == nil ? nil : "fragment on an asset" }
        guard files[target] != nil else { return "no file \(target)" }
        if let fragment, !fragment.isEmpty, !ids(in: target).contains(fragment) {
            return "no element with id '\(fragment)' in \(target)"
        }
        return nil
    }

    /// The ids on a page.
    private mutating func ids(in page: String) -> Set<String> {
        if let cached = idCache[page] { return cached }
        let html = String(decoding: files[page] ?? [], as: UTF8.self)
        let ids = Set(Self.attributeValues(in: html, names: ["id"]))
        idCache[page] = ids
        return ids
    }

    /// The values of the named attributes (double-quoted, as the theme writes them) in document order.
    static func attributeValues(in html: String, names: [String]) -> [String] {
        let names = names.map { Array(" \($0)".utf8) }
        var values: [String] = []
        do {
            let bytes = Array(html.utf8)
            let quote = UInt8(ascii: "\""), equals = UInt8(ascii: "=")
            var index = 1
            while index + 1 < bytes.count {
                defer { index += 1 }
                guard bytes[index] == equals, bytes[index + 1] == quote else { continue }
                let matches = names.contains { name in
                    index >= name.count && bytes[(index - name.count)..<index].elementsEqual(name)
                }
                guard matches else { continue }
                var end = index + 2
                while end < bytes.count, bytes[end] != quote { end += 1 }
                values.append(String(decoding: bytes[(index + 2)..<end], as: UTF8.self))
                index = end
            }
        }
        return values
    }
}
