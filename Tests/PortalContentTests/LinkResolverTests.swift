@testable import PortalContent
import Testing

/// The link resolver's path helpers: the quick ways for common links give what the general ways give.
@Suite struct LinkResolverTests {
    /// `normalise` as it works for every path: parts pushed and popped one by one.
    static func referenceNormalise(_ path: String, relativeTo sourcePath: String) -> String? {
        var parts = sourcePath.split(separator: "/").dropLast().map(String.init)
        for part in path.split(separator: "/", omittingEmptySubsequences: true) {
            switch part {
            case ".": continue
            case "..":
                guard !parts.isEmpty else { return nil }
                parts.removeLast()
            default: parts.append(String(part))
            }
        }
        return parts.joined(separator: "/")
    }

    static let paths = [
        "x.md", "massnahmen/x.md", "../x.md", "./x.md", "a/./b.md", "a//b.md", "a/", "/a.md", ".", "..", "../../x.md",
        ".hidden.md", "a/..b/c.md", "...", "ä/ö.md", "a/../../b.md", "a/b/../c.md",
    ]
    static let sources = ["updates/u.md", "site.yml", "a/b/c.md", "a//b.md", "./a/b.md", "../a.md", "/a/b.md", "a/./b.md"]

    @Test func normaliseMatchesTheGeneralWay() {
        for path in Self.paths {
            for source in Self.sources {
                #expect(LinkResolver.normalise(path, relativeTo: source) == Self.referenceNormalise(path, relativeTo: source),
                        "\(path) from \(source)")
            }
        }
    }

    /// `hasScheme` as it works for every text: on characters.
    static func referenceHasScheme(_ text: String) -> Bool {
        guard let colon = text.firstIndex(of: ":"), colon != text.startIndex else { return false }
        let scheme = text[..<colon]
        guard let first = scheme.first, first.isASCII, first.isLetter else { return false }
        return scheme.allSatisfy { $0.isASCII && ($0.isLetter || $0.isNumber || $0 == "+" || $0 == "-" || $0 == ".") }
    }

    @Test(arguments: [
        "https://example.de", "mailto:a@b.de", "tel:+49", "x-y.z+1:rest", "1http:x", ":x", "", "a", "../x.md",
        "ä:x", "a\u{301}:x", "a:\u{301}b", "a:\u{301}", "ab:\u{301}c:d", "a b:c", "a:", "https", "+a:b", "a1:b", "-:b",
    ])
    func hasSchemeMatchesTheGeneralWay(text: String) {
        #expect(LinkResolver.hasScheme(text) == Self.referenceHasScheme(text))
    }
}
