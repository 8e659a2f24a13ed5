import PortalModel
import PortalTestSupport
import Testing
@testable import PortalRender

/// The byte-level text writers against the character-level code they replaced, on seeded random texts.
@Suite("Byte-level text writing: the same text as character by character")
struct ByteLevelTextTests {
    /// Pieces that need care: quotes, backslashes, control characters, line and paragraph separators (and a
    /// character sharing their first two bytes), multi-byte letters, combining marks, emoji, markup.
    static let pieces = ["a", "ä", "a\u{308}", "\"", "\\", "\n", "\r", "\t", "\u{08}", "\u{0C}", "\u{01}", "\u{1F}",
                         "\u{7F}", "\u{2028}", "\u{2029}", "\u{2027}", "€", "🇩🇪", "<a href=\"/x\">", "src=\"/", " "]

    static func texts(count: Int, seed: UInt64) -> [String] {
        var random = SeededGenerator(seed: seed)
        return (0..<count).map { _ in
            (0..<Int.random(in: 0...40, using: &random)).map { _ in pieces.randomElement(using: &random)! }.joined()
        }
    }

    /// The literal as the scalar loop writes it (the code before the byte-level writer).
    static func scalarLiteral(_ text: String) -> String {
        var output = ""
        JSONString.write(text, to: &output, alsoEscaping: { _ in false })
        return output
    }

    @Test("JSON string literals: bytes and scalars agree", arguments: [1, 2, 3] as [UInt64])
    func jsonLiterals(seed: UInt64) {
        for text in Self.texts(count: 500, seed: seed) {
            var output = "x"
            JSONString.write(text, to: &output)
            #expect(output == "x" + Self.scalarLiteral(text), "\(text.unicodeScalars.map { String($0.value, radix: 16) })")
        }
    }

    @Test("JSON string literals: the escapes themselves")
    func jsonEscapes() {
        var output = ""
        JSONString.write("\"\\\n\r\t\u{08}\u{0C}\u{01}\u{1F}\u{2028}\u{2029}\u{2027}ä€", to: &output)
        #expect(output == "\"\\\"\\\\\\n\\r\\t\\b\\f\\u0001\\u001f\\u2028\\u2029\u{2027}ä€\"")
    }

    @Test("markup replacements: bytes and characters agree where characters can match", arguments: [4, 5] as [UInt64])
    func replacements(seed: UInt64) {
        for text in Self.texts(count: 500, seed: seed) where !text.contains("/\u{308}") {
            #expect(TextTools.replacingBytes("src=\"/", with: "src=\"https://x.example/", in: text)
                    == text.replacing("src=\"/", with: "src=\"https://x.example/"))
            #expect(TextTools.replacingBytes("a", with: "", in: text) == String(text.unicodeScalars.filter { $0 != "a" }))
        }
        #expect(TextTools.replacingBytes("aa", with: "b", in: "aaaaa") == "bba")
        #expect(TextTools.replacingBytes("", with: "b", in: "abc") == "abc")
        #expect(TextTools.replacingBytes("abc", with: "", in: "ab") == "ab")
    }
}
