import Testing
@testable import PortalRender

@Suite("Escaping, patterns, label substitution and excerpts")
struct TextToolsTests {
    @Test("The byte-level HTML escaper escapes exactly what Mustache's escaper does", arguments: [
        "plain text", "Äpfel & Birnen", "<script>alert('x')</script>", "\"quoted\" & 'single'", "", "€ 1.234,5 – ✓", "&amp;",
    ])
    func escaping(text: String) {
        var expected = ""
        for character in text {
            switch character {
            case "&": expected += "&amp;"
            case "<": expected += "&lt;"
            case ">": expected += "&gt;"
            case "\"": expected += "&quot;"
            case "'": expected += "&#39;"
            default: expected.append(character)
            }
        }
        #expect(HTMLEscaping.escape(text) == expected)
    }

    @Test("Patterns fill in placeholders and keep unknown ones and braces that are not placeholders")
    func patterns() {
        #expect(TextPattern("{day}. {month} {year}").filled(["day": "8", "month": "Mai", "year": "2025"]) == "8. Mai 2025")
        #expect(TextPattern("{amount} €").filled(["amount": "1.234"]) == "1.234 €")
        #expect(TextPattern("Punkt {item} von {total}").filled(["item": "3"]) == "Punkt 3 von {total}")
        #expect(TextPattern("{\"id\": \"pilot\"}").filled([:]) == "{\"id\": \"pilot\"}")
        #expect(TextPattern("kein Platzhalter").filled(["x": "y"]) == "kein Platzhalter")
    }

    @Test("Labels are put into templates at compile time, escaped unless the tag is triple")
    func labelSubstitution() {
        let labels = Labels(language: "de", displayPath: "de.yml", table: ["a.b": "Fragen & Antworten", "c": "<b>fett</b>", "d": "{{x}}"])
        let template = "<p>{{t.a.b}}</p><p>{{{t.c}}}</p><p>{{& t.c}}</p><p>{{ t.a.b }}</p><p>{{t.fehlt}}</p><p>{{title}}</p>{{#t.a.b}}x{{/t.a.b}}<p>{{t.d}}</p>"
        let result = TemplateScanner.substitutingLabels(in: template, labels: labels)
        #expect(result == "<p>Fragen &amp; Antworten</p><p><b>fett</b></p><p><b>fett</b></p><p>Fragen &amp; Antworten</p><p>{{t.fehlt}}</p><p>{{title}}</p>{{#t.a.b}}x{{/t.a.b}}<p>&#123;&#123;x}}</p>")
    }

    @Test("Excerpts cut at a word boundary and collapse white space", arguments: [
        ("Kurz und gut.", 160, "Kurz und gut."),
        ("Zeile eins\n\nZeile  zwei", 160, "Zeile eins Zeile zwei"),
        ("Ein langer Satz mit vielen Wörtern, der gekürzt werden muss.", 30, "Ein langer Satz mit vielen…"),
    ])
    func excerpts(text: String, limit: Int, expected: String) {
        #expect(TextTools.excerpt(text, limit: limit) == expected)
    }

    @Test("XML escaping drops characters XML does not allow")
    func xml() {
        #expect(TextTools.escapeXML("a<b & \"c\" 'd'\u{0001}") == "a&lt;b &amp; &quot;c&quot; &apos;d&apos;")
    }
}
