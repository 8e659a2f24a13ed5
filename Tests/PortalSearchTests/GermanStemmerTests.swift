import Testing
@testable import PortalSearch

@Suite("German stemmer")
struct GermanStemmerTests {
    @Test("reproduces all Snowball vectors (voc.txt → output.txt)")
    func snowballVectors() throws {
        let words = try Fixtures.text("snowball-german/voc.txt").split(separator: "\n", omittingEmptySubsequences: false)
        let stems = try Fixtures.text("snowball-german/output.txt").split(separator: "\n", omittingEmptySubsequences: false)
        #expect(words.count == stems.count)
        var checked = 0
        var mismatches: [String] = []
        for (word, expected) in zip(words, stems) where !word.isEmpty {
            checked += 1
            let actual = GermanStemmer.stem(String(word))
            if actual != expected, mismatches.count < 20 {
                mismatches.append("\(word): \(actual), expected \(expected)")
            }
        }
        #expect(checked == 35_033)
        #expect(mismatches.isEmpty, "\(mismatches.joined(separator: "; "))")
    }

    @Test("spelling variants share a stem", arguments: [
        ("straße", "strasse"), ("bürger", "buerger"), ("übersetzung", "uebersetzung"),
        ("bauanträge", "bauantrag"), ("größe", "groesse"),
    ])
    func variantsMeet(first: String, second: String) {
        #expect(GermanStemmer.stem(first) == GermanStemmer.stem(second))
    }

    @Test("stem alphabet keeps suffixes but maps umlauts and ß")
    func stemAlphabet() {
        #expect(GermanStemmer.stemAlphabet("straßenschäden") == "strassenschaden")
        #expect(GermanStemmer.stemAlphabet("buergerservice") == "burgerservice")
        #expect(GermanStemmer.stemAlphabet("quelle") == "quelle")
        #expect(GermanStemmer.stemAlphabet("bauer") == "bauer")
    }

    @Test("short and empty words are left alone", arguments: ["", "a", "ab", "ki"])
    func shortWords(word: String) {
        #expect(GermanStemmer.stem(word) == word)
    }
}
