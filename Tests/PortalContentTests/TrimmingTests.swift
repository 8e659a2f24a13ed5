import Foundation
import PortalModel
import Testing

/// The model's own trimming gives what Foundation's `trimmingCharacters(in:)` gives, which it replaces.
@Suite struct TrimmingTests {
    /// Every white-space and line-break scalar Unicode knows, some that are not white space but look like it, and
    /// ordinary text around them.
    static let pieces: [String] = [
        " ", "\t", "\n", "\r", "\u{0B}", "\u{0C}", "\u{85}", "\u{A0}", "\u{1680}", "\u{2000}", "\u{2005}", "\u{200A}",
        "\u{200B}", "\u{2028}", "\u{2029}", "\u{202F}", "\u{205F}", "\u{3000}", "\u{FEFF}", "\u{180E}", "\r\n",
        "a", "Ä", "e\u{301}", "\u{301}", "🇩🇪", "-", "",
    ]

    static var cases: [String] {
        var cases: [String] = []
        for first in pieces {
            for middle in ["", "x", "Straße", " a b ", "\u{A0}"] {
                for last in pieces {
                    cases.append(first + middle + last)
                }
            }
        }
        return cases + ["", "   ", " \t\n ", "  Text mit  Lücken  ", "\n\nAbsatz\n\n"]
    }

    @Test func matchesFoundationWithNewlines() {
        for text in Self.cases {
            #expect(text.trimmingWhitespaceAndNewlines() == text.trimmingCharacters(in: .whitespacesAndNewlines),
                    "\(text.unicodeScalars.map { String($0.value, radix: 16) })")
        }
    }

    @Test func matchesFoundationWithoutNewlines() {
        for text in Self.cases {
            #expect(text.trimmingHorizontalWhitespace() == text.trimmingCharacters(in: .whitespaces),
                    "\(text.unicodeScalars.map { String($0.value, radix: 16) })")
        }
    }

    @Test func trimsSubstrings() {
        let text = "[  innen \n]"
        let inner = text.dropFirst().dropLast()
        #expect(inner.trimmingWhitespaceAndNewlines() == "innen")
        #expect(inner.trimmingHorizontalWhitespace() == "innen \n")
    }
}
