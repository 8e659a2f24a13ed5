import Testing
@testable import PortalRender

@Suite("German alphabetical order (DIN 5007-1)")
struct GermanCollationTests {
    @Test("Umlauts sort with their base letter, ß as ss, case ignored")
    func order() {
        let words = ["Zuständigkeit", "Übersetzung", "Ähnlichkeit", "Akte", "Straße", "Strasse", "öffentlich", "Ort", "ubahn", "Ärger"]
        let sorted = words.sorted(by: GermanCollation.precedes)
        #expect(sorted == ["Ähnlichkeit", "Akte", "Ärger", "öffentlich", "Ort", "Strasse", "Straße", "ubahn", "Übersetzung", "Zuständigkeit"])
    }

    @Test("Words are filed under their first letter; umlauts under the base letter, digits under #", arguments: [
        ("Ähnlichkeit", "A"), ("Übersetzung", "U"), ("öffentlich", "O"), ("ß-Regel", "S"), ("2025 im Rückblick", "#"),
        ("„Zitat“", "Z"), ("Chatbot", "C"),
    ])
    func letters(word: String, letter: String) {
        #expect(GermanCollation.letter(word) == letter)
    }

    @Test("Keys fold precomposed and decomposed letters alike and keep every other character")
    func keys() {
        #expect(GermanCollation.key("Größe ÄRGER Œuvre Ñandú") == "grosse arger oeuvre nandu")
        #expect(GermanCollation.key("Gro\u{0308}sse A\u{0308}rger") == GermanCollation.key("Grösse Ärger"))
        #expect(GermanCollation.key("Ärger") == "arger")
        #expect(GermanCollation.key("Łódź 東京 🚀") == "łodź 東京 🚀")
    }

    @Test("ASCII text is its key lowercased", arguments: ["KI-Chatbot 2025", "a\r\nB", "", "ABC xyz !?"])
    func asciiKeys(text: String) {
        #expect(GermanCollation.key(text) == text.lowercased())
        #expect(GermanCollation.key(text + "Ä") == text.lowercased() + "a")
    }
}

