@testable import PortalContent
import Testing

/// The link resolver's path helpers: the quick ways for common links give what the general ways give.
@Suite struct LinkResolverTests {
    static let paths = [
        "x.md", "massnahmen/x.md", "../x.md", "./x.md", "a/./b.md", "a//b.md", "a/", "/a.md", ".", "..", "../../x.md",
        ".hidden.md", "a/..b/c.md", "...", "ä/ö.md", "a/../../b.md", "a/b/../c.md",
    ]
    static let sources = ["updates/u.md", "site.yml", "a/b/c.md", "a//b.md", "./a/b.md", "../a.md", "/a/b.md", "a/./b.md"]

    @Test func normaliseMatchesTheGeneralWay() {
        for path in Self.paths {
            for source in Self.sources {
                #expect(LinkResolver.normalise(path, relativeTo: source) == LinkResolver.normaliseByParts(path, relativeTo: source),
                        "\(path) from \(source)")
            }
        }
    }

    @Test func normaliseResolvesAgainstTheSourceFolder() {
        #expect(LinkResolver.normalise("x.md", relativeTo: "updates/u.md") == "updates/x.md")
        #expect(LinkResolver.normalise("../massnahmen/x.md", relativeTo: "updates/u.md") == "massnahmen/x.md")
        #expect(LinkResolver.normalise("x.md", relativeTo: "site.yml") == "x.md")
        #expect(LinkResolver.normalise("../../x.md", relativeTo: "updates/u.md") == nil)
    }

    @Test(arguments: [
        "https://example.de", "mailto:a@b.de", "tel:+49", "x-y.z+1:rest", "1http:x", ":x", "", "a", "../x.md",
        "ä:x", "a\u{301}:x", "a:\u{301}b", "a:\u{301}", "ab:\u{301}c:d", "a b:c", "a:", "https", "+a:b", "a1:b", "-:b",
    ])
    func hasSchemeMatchesTheGeneralWay(text: String) {
        #expect(LinkResolver.hasScheme(text) == LinkResolver.hasSchemeByCharacters(text))
    }

    @Test func schemesAreRecognised() {
        #expect(LinkResolver.hasScheme("https://example.de"))
        #expect(LinkResolver.hasScheme("mailto:a@b.de"))
        #expect(!LinkResolver.hasScheme("../x.md"))
        #expect(!LinkResolver.hasScheme("1http:x"))
    }
}
