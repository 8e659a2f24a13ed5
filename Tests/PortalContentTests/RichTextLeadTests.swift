@testable import PortalModel
import PortalTestSupport
import Testing

/// `RichText.lead(of:)` counts by scalars where it can; it keeps exactly what counting by characters keeps.
@Suite struct RichTextLeadTests {
    /// Pieces that are characters of their own, pieces that join (combining marks, emoji sequences, flags), and
    /// white space of every kind.
    static let pieces: [String] = [
        "Wort", " ", "  ", "\n", "\r\n", "\t", "\u{A0}", "ä", "ß", "„Zitat“", "–", "…", "€", "\u{AD}", "‼",
        "e\u{301}", "\u{301}", "👩‍💻", "🇩🇪", "\u{2003}", "\u{200B}", "한", "\u{200D}", "x\u{FE0F}",
    ]

    /// Deterministic texts of 300 to 500 pieces, so that the cut falls on every kind of piece.
    static var texts: [String] {
        var generator = SeededGenerator(seed: 0x5eed)
        return (0..<400).map { _ in
            let count = 300 + generator.below(200)
            return (0..<count).map { _ in pieces[generator.below(pieces.count)] }.joined()
        }
    }

    @Test func matchesCountingByCharacters() {
        for text in Self.texts {
            #expect(RichText.lead(of: text) == RichText.leadByCharacters(of: text), "\(text.debugDescription)")
        }
    }

    @Test(arguments: ["", "kurz", String(repeating: "Wort ", count: 200), String(repeating: "a", count: 401) + "e\u{301}b",
                      String(repeating: "a ", count: 200) + "„b“ " + String(repeating: "c", count: 10)])
    func matchesOnEdges(text: String) {
        #expect(RichText.lead(of: text) == RichText.leadByCharacters(of: text))
    }

    @Test func cutsAfterTheLeadLength() {
        let text = String(repeating: "ä", count: 1000)
        #expect(RichText.lead(of: text).count == RichText.leadLength + 1)
        let spaced = String(repeating: "a   ", count: 300)
        #expect(RichText.lead(of: spaced) == String(repeating: "a   ", count: 200) + "a")
    }
}

extension RichTextLeadTests {
    /// Every scalar of the ranges counted by scalars is white space exactly when Unicode says so.
    @Test func whitespaceOfOwnCharacters() {
        for range in [0..<0x300, 0x2010..<0x2028, 0x2030..<0x2060, 0x20A0..<0x20C1] {
            for value in range {
                let scalar = Unicode.Scalar(UInt32(value))!
                let text = String(repeating: "a", count: RichText.leadLength) + String(scalar) + "bc"
                #expect(RichText.lead(of: text) == RichText.leadByCharacters(of: text), "U+\(String(value, radix: 16))")
            }
        }
    }
}
