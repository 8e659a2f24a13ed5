import PortalMarkdown
import Testing

/// Link and image collection (destinations, text, positions) and link rewriting.
@Suite("Links and images")
struct LinkTests {
    /// A short description of a link for comparisons: kind, position, destination, text.
    static func summary(_ link: MarkdownLink) -> String {
        "\(link.kind == .link ? "link" : "image") \(link.position) \(link.destination) [\(link.text)]"
    }

    @Test("Positions are 1-based lines and character columns, inside quotes and lists too")
    func positions() {
        let markdown = """
            > Ein Absatz mit
            > einem [Link](a.md) und
            > noch einem [zweiten](b.md).

            - Liste mit
              [drittem](c.md) Link

            ÄÖÜ [ü](d.md) *x* ![Alt](i.png)

            ## Siehe [Antrag](AT-0047-2025.md#begruendung)
            """
        let links = MarkdownDocument.parse(markdown).links.map(Self.summary)
        #expect(links == [
            "link 2:9 a.md [Link]",
            "link 3:14 b.md [zweiten]",
            "link 6:3 c.md [drittem]",
            "link 8:5 d.md [ü]",
            "image 8:19 i.png [Alt]",
            "link 10:10 AT-0047-2025.md#begruendung [Antrag]",
        ])
    }

    /// Columns count Unicode scalars: a tab, an emoji and the combining mark of a decomposed `ü` count one each.
    @Test("Line endings, tabs and a byte order mark do not shift positions",
          arguments: [
              ("a\r\nb [x](y)", "2:3"), ("a\rb [x](y)", "2:3"), ("a\nb\r\n\r\nc [x](y)", "4:3"),
              ("Text\t[x](y)", "1:6"), ("\u{FEFF}[x](y)", "1:1"), ("💡 [x](y)", "1:3"),
              ("Gru\u{308}ße [x](y)", "1:8"),
          ])
    func positionEdgeCases(markdown: String, position: String) {
        #expect(MarkdownDocument.parse(markdown).links.map(\.position.description) == [position])
    }

    @Test("Reference links, autolinks, titles and link text")
    func kindsOfLinks() {
        let markdown = """
            Siehe [den *Antrag* mit `Code`][antrag], <https://example.org/x> und <presse@example.org>.

            [antrag]: ../motions/AT-0047-2025.md "Antrag 47"
            """
        let links = MarkdownDocument.parse(markdown).links
        #expect(links.map(Self.summary) == [
            "link 1:7 ../motions/AT-0047-2025.md [den Antrag mit Code]",
            "link 1:42 https://example.org/x [https://example.org/x]",
            "link 1:70 mailto:presse@example.org [presse@example.org]",
        ])
        #expect(links[0].title == "Antrag 47")
        #expect(links.allSatisfy { $0.isSafe })
    }

    @Test("Images without alt text are reportable; images inside links are listed after the link")
    func imagesWithoutAltText() {
        let markdown = "[![Logo](logo.png)](https://example.org) ![](leer.png) ![  ](leer2.png)"
        let document = MarkdownDocument.parse(markdown)
        #expect(document.links.map(Self.summary) == [
            "link 1:1 https://example.org [Logo]",
            "image 1:2 logo.png [Logo]",
            "image 1:42 leer.png []",
            "image 1:56 leer2.png [  ]",
        ])
        #expect(document.images.map(\.isImageWithoutAltText) == [false, true, true])
    }

    /// Rewrites `.md` links as a site would, sends images to `/assets/`, and tries to sneak in a script URL.
    static let rewriter: MarkdownLinkRewriter = { destination, kind in
        if kind == .image {
            return "/assets/" + destination
        }
        if destination.hasPrefix("boese.md") {
            return "javascript:alert(1)"
        }
        if destination.hasPrefix("AT-0047-2025.md") {
            return "/antraege/at-0047-2025/" + destination.dropFirst("AT-0047-2025.md".count)
        }
        if destination.hasPrefix("../measures/") && destination.hasSuffix(".md") {
            return "/massnahmen/" + destination.dropFirst("../measures/".count).dropLast(3) + "/"
        }
        return nil
    }

    @Test("The rewriter decides the emitted URL; its results are checked and escaped too")
    func rewriting() {
        let markdown = """
            [Antrag](AT-0047-2025.md#begruendung) [Maßnahme](../measures/ki-post.md) [Anker](#ziele) \
            [Extern](https://example.org/?a=1&b=2) [Böse](boese.md) [Gefährlich](javascript:alert(1)) \
            ![Foto](bilder/straße 1.png)
            """
        let html = MarkdownHTMLRenderer(linkRewriter: Self.rewriter).render(MarkdownDocument.parse(markdown))
        let expected = """
            <p><a href="/antraege/at-0047-2025/#begruendung">Antrag</a> \
            <a href="/massnahmen/ki-post/">Maßnahme</a> <a href="#ziele">Anker</a> \
            <a href="https://example.org/?a=1&amp;b=2">Extern</a> Böse Gefährlich \
            ![Foto](bilder/straße 1.png)</p>

            """
        #expect(html == expected)
        let image = MarkdownHTMLRenderer(linkRewriter: Self.rewriter)
            .render(MarkdownDocument.parse("![Foto](<bilder/straße 1.png> \"Titel\")"))
        #expect(image == "<p><img src=\"/assets/bilder/stra%C3%9Fe%201.png\" alt=\"Foto\" title=\"Titel\" loading=\"lazy\" /></p>\n")
    }

    @Test("Without a rewriter destinations are emitted as written")
    func noRewriter() {
        let html = MarkdownHTMLRenderer().render(MarkdownDocument.parse("[Antrag](AT-0047-2025.md#begruendung)"))
        #expect(html == "<p><a href=\"AT-0047-2025.md#begruendung\">Antrag</a></p>\n")
    }
}
