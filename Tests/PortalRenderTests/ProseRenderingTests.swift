import PortalMarkdown
import PortalModel
import Testing
@testable import PortalRender

/// A site keeps prose as Markdown with the start of its plain text; pages render the rest when they need it.
@Suite("Prose kept as Markdown: leads and rendering")
struct ProseRenderingTests {
    /// Plain texts around the lead's limit: long paragraphs, runs of spaces and line breaks, a cut inside a run.
    static let texts: [String] = {
        let sentence = "Die Stadtverwaltung prüft Anträge schneller, seit ein Sprachmodell Entwürfe vorbereitet."
        let words = (0..<120).map { "Wort\($0)" }
        return [
            "",
            "Kurz.",
            String(repeating: sentence + " ", count: 12),
            String(repeating: sentence + "\n\n", count: 12),
            words.joined(separator: "          "),
            words.joined(separator: " \n\t "),
            "   " + String(repeating: "a", count: 500),
            String(repeating: "x", count: RichText.leadLength) + "     \n\n   " + String(repeating: "y ", count: 50),
            String(repeating: "Ä", count: RichText.leadLength - 1) + "   ende",
            String(repeating: "👩‍⚖️ ", count: 300),
        ]
    }()

    @Test("an excerpt of the lead equals the excerpt of the whole text, for every length pages use", arguments: texts)
    func excerptsFromTheLead(text: String) {
        let lead = RichText.lead(of: text)
        #expect(text.hasPrefix(lead))
        for limit in [140, 160, 200, 240, 300] {
            #expect(TextTools.excerpt(lead, limit: limit) == TextTools.excerpt(text, limit: limit), "limit \(limit)")
        }
    }

    @Test("the lead of a long text is cut, of a short one not")
    func leadLength() {
        let long = String(repeating: "Verwaltung ", count: 1_000)
        #expect(RichText.lead(of: long).count < 500)
        #expect(RichText.lead(of: "Ein Satz.") == "Ein Satz.")
    }

    @Test("HTML is rendered from the Markdown with the checked link targets, heading ids and offset")
    func rendering() {
        let text = RichText(
            markdown: "# Ziel\n\nSiehe [Chatbot](../measures/chatbot.md) und [extern](https://example.org).\n\n## Inhalt\n",
            linkTargets: ["../measures/chatbot.md": "/massnahmen/chatbot/"], reservedHeadingIDs: ["inhalt"])
        #expect(text.html == """
            <h2 id="ziel">Ziel</h2>
            <p>Siehe <a href="/massnahmen/chatbot/">Chatbot</a> und <a href="https://example.org">extern</a>.</p>
            <h3 id="inhalt-2">Inhalt</h3>

            """)
        #expect(text.plainText == "Ziel\nSiehe Chatbot und extern.\nInhalt")
    }

    @Test("a text from a YAML value renders without its paragraph")
    func inline() {
        #expect(RichText(markdown: "Ein *Konzept* erarbeiten.", isInline: true).html == "Ein <em>Konzept</em> erarbeiten.")
        #expect(RichText(markdown: "Ein *Konzept* erarbeiten.").html == "<p>Ein <em>Konzept</em> erarbeiten.</p>\n")
    }
}
