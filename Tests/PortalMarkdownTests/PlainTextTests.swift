import PortalMarkdown
import PortalModel
import Testing

/// Plain text for search and summaries, and the first-paragraph helper.
@Suite("Plain text")
struct PlainTextTests {
    @Test("Blocks become lines, markup disappears, entities are decoded, raw HTML is left out")
    func documentText() {
        let markdown = """
            # Über *uns*

            Die Stadt &amp; ihre &Auml;mter nutzen **KI**
            für [Anträge](a.md) &#x41;&#66;.

            <div>versteckt</div>

            - eins
            - zwei mit ![Diagramm](d.png)

            > Zitat mit <span>Tag</span>  
            > und Umbruch

            ```
            code()
            ```

            ---
            """
        let expected = """
            Über uns
            Die Stadt & ihre Ämter nutzen KI für Anträge AB.
            eins
            zwei mit Diagramm
            Zitat mit Tag
            und Umbruch
            code()
            """
        #expect(MarkdownDocument.parse(markdown).plainText == expected)
    }

    /// Prose's plain text is parsed without heading ids; it is the same text as with them.
    @Test("Prose's plain text does not depend on heading ids",
          arguments: ["# Ziele\n\nText\n\n## Ziele\n\n### *Über* [uns](a.md)\n\nMehr", "## Inhalt\n\n# !!!\n\n#", "Kein Titel", ""])
    func proseText(markdown: String) {
        let prose = RichText(markdown: markdown, reservedHeadingIDs: ["inhalt", "ziele"])
        #expect(prose.plainText == MarkdownDocument.parse(markdown, reservedHeadingIDs: ["inhalt", "ziele"]).plainText)
        #expect(prose.plainText == MarkdownDocument.parse(markdown).plainText)
    }

    @Test("First paragraph skips headings, code and paragraphs made only of raw HTML",
          arguments: [
              ("# Titel\n\n<span></span>\n\n```\nx\n```\n\nDer erste  \nAbsatz.\n\nZweiter.", "Der erste Absatz."),
              ("> - Im Zitat\n>   in der Liste\n\nDanach", "Im Zitat in der Liste"),
              ("# Nur ein Titel", nil),
              ("", nil),
          ] as [(String, String?)])
    func firstParagraph(markdown: String, text: String?) {
        let document = MarkdownDocument.parse(markdown)
        #expect(document.firstParagraphText == text)
        #expect((document.firstParagraph != nil) == (text != nil))
    }

    @Test("A first paragraph renders on its own, inline content without <p>")
    func renderFirstParagraph() throws {
        let document = MarkdownDocument.parse("# Titel\n\nEin *kurzer* Text.\n\nMehr.")
        let paragraph = try #require(document.firstParagraph)
        #expect(MarkdownHTMLRenderer().render([paragraph]) == "<p>Ein <em>kurzer</em> Text.</p>\n")
        guard case .paragraph(let content) = paragraph.kind else {
            Issue.record("first paragraph is not a paragraph")
            return
        }
        #expect(MarkdownHTMLRenderer().renderInlines(content) == "Ein <em>kurzer</em> Text.")
        #expect(content.plainText == "Ein kurzer Text.")
    }
}
