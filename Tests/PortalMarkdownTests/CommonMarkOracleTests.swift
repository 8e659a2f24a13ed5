@testable import PortalMarkdown
import Testing
import PortalTestSupport

/// Compares the renderer with cmark's own HTML renderer on safe input (no raw HTML, no unsafe URLs), where both
/// must agree except for the portal's additions (heading ids, `loading="lazy"`), which are removed first.
@Suite("CommonMark structure matches cmark")
struct CommonMarkOracleTests {
    static let samples: [String] = [
        "",
        "Ein Absatz.",
        "Erster Absatz.\n\nZweiter Absatz\nmit zwei Zeilen.",
        "*betont* und **stark** und ***beides*** und _so_ und __so__",
        "Ein `code span` und ``mit ` Backtick``",
        "Zeile mit hartem Umbruch  \nnächste Zeile\\\nund noch eine",
        "# Überschrift 1\n## Überschrift 2\n### Drei\n#### Vier\n##### Fünf\n###### Sechs",
        "Setext eins\n===\n\nSetext zwei\n---",
        "# Titel mit *Betonung* und `Code`",
        "> Zitat\n> über zwei Zeilen\n>\n> > verschachtelt",
        "- eins\n- zwei\n- drei",
        "- locker\n\n- verteilt\n\n- Liste",
        "1. eins\n2. zwei\n3. drei",
        "3. beginnt bei drei\n4. vier",
        "0. beginnt bei null",
        "- außen\n  - innen\n    - ganz innen\n- wieder außen",
        "1. Punkt\n\n   Fortsetzung im Punkt\n\n   > Zitat im Punkt\n2. Zweiter",
        "- [ ] keine Aufgabenliste in CommonMark\n- Text",
        "```\nohne Sprache\n```",
        "```swift\nlet x = \"<b>\" && y\n```",
        "~~~ python extra info\nprint('hi')\n~~~",
        "    eingerückter Code\n    zweite Zeile",
        "---\n\n***\n\n___",
        "[Link](https://example.org)",
        "[Link mit Titel](https://example.org/seite \"Der Titel\")",
        "[relativ](../measures/x.md) und [Anker](#begruendung) und [Datei](AT-0047-2025.md#punkt-2)",
        "[Umlaute](https://example.org/straße?q=größe&x=1)",
        "[Leerzeichen](<pfad mit leerzeichen.md>)",
        "[leer]()",
        "<https://example.org/autolink> und <mail@example.org>",
        "![Alt-Text](bild.png)",
        "![Alt *mit* `Code`](bild.png \"Bildtitel\")",
        "![](ohne-alt.png)",
        "[![Bild im Link](b.png)](ziel.md)",
        "![außen ![innen](i.png) text](a.png)",
        "[Referenz][ref] und [ref]\n\n[ref]: /ziel \"Titel\"",
        "Entitäten: &amp; &auml; &copy; &#35; &#x41; &ouml;ffentlich &nbsp; &bogus;",
        "Zeichen < > & \" ' im Text",
        "Escapes: \\* \\_ \\` \\# \\[ \\] \\\\",
        "Anführungszeichen \"so\" und 'so' und -- Striche --- bleiben",
        "Tab\tim Text",
        "&#0; und &#xD800; werden ersetzt",
        "Emoji 💡 und CJK 漢字 und Ελληνικά",
        "- a\n- b\n\n\n- c",
        "> - Liste\n>   im Zitat\n> 1. geordnet",
        "Absatz\n- Liste direkt danach\n\nAbsatz\n1. geordnet",
        "* * *\n- - -",
        "\\# kein Titel",
        "#5 kein Titel, #Hashtag",
        "[nicht geschlossen](foo",
        "**nicht geschlossen",
        "Text mit `>` und **<kein html>** ",
    ]

    @Test("Rendering matches cmark", arguments: samples)
    func matchesCmark(_ markdown: String) {
        let document = MarkdownDocument.parse(markdown)
        #expect(document.rawHTML.isEmpty || markdown.contains("<kein html>"))
        let ours = Self.withoutPortalAdditions(MarkdownHTMLRenderer().render(document))
        if !markdown.contains("<kein html>") {
            #expect(ours == CommonMarkConverter.cmarkReferenceHTML(markdown))
        }
        #expect(HTMLSafetyChecker.problems(in: ours).isEmpty)
    }

    /// What a generated line may start with: block markers and indentation.
    static let linePrefixes: [String] = [
        "# ", "## ", "###### ", "> ", "> > ", "- ", "* ", "+ ", "1. ", "7) ", "    ", "  ", "   ", "\t",
        "```", "~~~", "```py ", "---", "***", "___", "===", "[ref]: /url \"t\"", "[ref]: ziel.md",
    ]

    /// Inline pieces for generated lines: every inline construct, but no `<` (so no raw HTML or autolinks)
    /// and no unsafe scheme, where both renderers must agree.
    static let inlineFragments: [String] = [
        "*", "**", "_", "__", "`", "``", "[", "]", "(", ")", "![", "\\", "\"", "'", "&amp;", "&ouml;", "&#35;",
        "&#x41;", "&bogus;", "&", ">", " ", "  ", "Wort", "Ämter", "Straße", "x", "foo bar", "1", ":", "!", "#",
        "|", "ä", "💡", "漢字", "[Link](ziel.md)", "[Link](https://example.org/a?b=1&c=2 \"Titel\")",
        "![Alt](bild.png)", "![](leer.png 'T')", "[ref]", "[x][ref]", "https://example.org", "mail@example.org",
        "  \n", "\\\n",
    ]

    @Test("Random documents render like cmark", arguments: 0..<8)
    func randomDocumentsMatchCmark(batch: Int) {
        var generator = SeededGenerator(seed: UInt64(batch) &* 7919 &+ 17)
        for _ in 0..<60 {
            let markdown = Self.randomDocument(using: &generator)
            let ours = Self.withoutPortalAdditions(MarkdownHTMLRenderer().render(MarkdownDocument.parse(markdown)))
            let reference = CommonMarkConverter.cmarkReferenceHTML(markdown)
            #expect(ours == reference, "input: \(String(reflecting: markdown))")
            #expect(HTMLSafetyChecker.problems(in: ours).isEmpty, "input: \(String(reflecting: markdown))")
        }
    }

    /// A document of up to 14 lines, each with up to three block markers and up to eight inline pieces.
    static func randomDocument(using generator: inout SeededGenerator) -> String {
        var markdown = ""
        for _ in 0..<Int.random(in: 1...14, using: &generator) {
            for _ in 0..<Int.random(in: 0...3, using: &generator) {
                markdown += linePrefixes.randomElement(using: &generator)!
            }
            for _ in 0..<Int.random(in: 0...8, using: &generator) {
                markdown += inlineFragments.randomElement(using: &generator)!
            }
            markdown += Bool.random(using: &generator) ? "\n" : "\n\n"
        }
        return markdown
    }

    /// Removes what the portal adds to cmark's markup: heading ids and lazy image loading.
    static func withoutPortalAdditions(_ html: String) -> String {
        html.replacing(#/<h([1-6]) id="[^"]*">/#) { "<h\($0.output.1)>" }
            .replacing(" loading=\"lazy\"", with: "")
    }
}
