import PortalMarkdown
import Testing

/// Heading ids (German-aware slugs, unique, never empty), the heading list, and the level offset.
@Suite("Headings")
struct HeadingTests {
    static let slugs: [(text: String, slug: String)] = [
        ("Künstliche Intelligenz – Überblick", "kuenstliche-intelligenz-ueberblick"),
        ("Straße & Größe", "strasse-groesse"),
        ("ÄÖÜ äöü ß ẞ", "aeoeue-aeoeue-ss-ss"),
        ("  --Hallo,   Welt!--  ", "hallo-welt"),
        ("Ziele 2025", "ziele-2025"),
        ("Café naïve Łódź Ærø", "cafe-naive-lodz-aero"),
        ("Gru\u{308}n (zerlegt geschrieben)", "gruen-zerlegt-geschrieben"),
        ("Ελληνικά Τέλος", "ελληνικά-τέλος"),
        ("AT/0047/2025", "at-0047-2025"),
        ("!!!", ""),
        ("", ""),
    ]

    @Test("Slugs", arguments: slugs.indices)
    func slug(_ index: Int) {
        #expect(Slug.make(from: Self.slugs[index].text) == Self.slugs[index].slug)
    }

    @Test("Duplicate headings are numbered, empty ones fall back to 'abschnitt'")
    func duplicatesAndEmptyHeadings() {
        let markdown = """
            # Ziele
            ## Ziele
            ### Ziele 2
            #### Ziele
            #
            ## !!!
            ## ![](bild.png)
            """
        let ids = MarkdownDocument.parse(markdown).headings.map(\.id)
        #expect(ids == ["ziele", "ziele-2", "ziele-2-2", "ziele-3", "abschnitt", "abschnitt-2", "abschnitt-3"])
    }

    @Test("Reserved ids are skipped")
    func reservedIDs() {
        let document = MarkdownDocument.parse("# Inhalt\n# Inhalt", reservedHeadingIDs: ["inhalt", "inhalt-2"])
        #expect(document.headings.map(\.id) == ["inhalt-3", "inhalt-4"])
    }

    @Test("Heading list: level, plain text, id and position, also inside quotes and lists")
    func headingList() {
        let markdown = """
            Einleitung

            ## Was *wir* mit `KI` tun

            > ### Zitierte Überschrift

            - #### In einer Liste

            Setext
            ======
            """
        let headings = MarkdownDocument.parse(markdown).headings
        let expected = [
            MarkdownHeading(level: 2, text: "Was wir mit KI tun", id: "was-wir-mit-ki-tun",
                            position: SourcePosition(line: 3, column: 1)),
            MarkdownHeading(level: 3, text: "Zitierte Überschrift", id: "zitierte-ueberschrift",
                            position: SourcePosition(line: 5, column: 3)),
            MarkdownHeading(level: 4, text: "In einer Liste", id: "in-einer-liste",
                            position: SourcePosition(line: 7, column: 3)),
            MarkdownHeading(level: 1, text: "Setext", id: "setext", position: SourcePosition(line: 9, column: 1)),
        ]
        #expect(headings == expected)
    }

    @Test("Rendered headings carry their ids, shifted and clamped by the level offset",
          arguments: [(0, "h1", "h6"), (1, "h2", "h6"), (2, "h3", "h6"), (-3, "h1", "h3"), (10, "h6", "h6"),
                     (Int.max, "h6", "h6"), (Int.min, "h1", "h1")])
    func levelOffset(offset: Int, firstTag: String, lastTag: String) {
        let document = MarkdownDocument.parse("# Erste\n\n###### Letzte")
        let html = MarkdownHTMLRenderer(headingLevelOffset: offset).render(document)
        #expect(html == "<\(firstTag) id=\"erste\">Erste</\(firstTag)>\n<\(lastTag) id=\"letzte\">Letzte</\(lastTag)>\n")
    }

    @Test("Ten thousand equal headings get ten thousand ids")
    func manyDuplicates() {
        let document = MarkdownDocument.parse(String(repeating: "# Punkt\n", count: 10_000))
        let ids = document.headings.map(\.id)
        #expect(Set(ids).count == 10_000)
        #expect(ids.last == "punkt-10000")
    }
}
