import PortalMarkdown
import Testing
import PortalTestSupport

/// Positions the fuzzers in `Fuzz/` found out of their line: cmark 0.30 reports some inline positions wrongly,
/// and the converter corrects them. The whole inputs are replayed in PortalContentTests' `FuzzRegressionTests`.
@Suite("Fuzz regressions: positions")
struct FuzzRegressionTests {
    /// Each position of links and images, then of raw HTML, as `line:column`, in document order.
    static func positions(_ markdown: String) -> [String] {
        let document = MarkdownDocument.parse(markdown)
        return document.links.map(\.position.description) + document.rawHTML.map(\.position.description)
    }

    @Test("Autolinks on later lines of a paragraph, also inside a quote",
          arguments: [
              ("Erste Zeile\n<https://example.de> und <a@b.de>", ["2:1", "2:26"]),
              ("Erste Zeile\nzweite <javascript:alert(1)>", ["2:8"]),
              ("> Zitat\n> weiter <https://example.de>", ["2:10"]),
              ("- Punkt\n  mit <https://example.de>", ["2:7"]),
          ])
    func autolinks(markdown: String, expected: [String]) {
        #expect(Self.positions(markdown) == expected)
    }

    @Test("A link or image whose text runs over a line break starts where its bracket is",
          arguments: [
              ("Siehe [Mitteilung\nMI/0008](x.md) dazu", ["1:7"]),
              ("Ä ![Ein langes\nBild](b.png)", ["1:3"]),
              ("[a](x.md) und [b\nc](y.md)", ["1:1", "1:15"]),
          ])
    func linksOverLineBreaks(markdown: String, expected: [String]) {
        #expect(Self.positions(markdown) == expected)
    }

    @Test("Inlines after backslash line breaks are on their own line",
          arguments: [
              ("a\\\nb [x](y)", ["2:3"]),
              ("a\\\nb\\\ncc [x](y) <b>", ["3:4", "3:11"]),
              ("a\\\\\nb [x](y)", ["2:3"]),
          ])
    func afterBackslashBreaks(markdown: String, expected: [String]) {
        #expect(Self.positions(markdown) == expected)
    }

    /// cmark adds the indentation of a paragraph's first line to the columns on its later lines, whatever
    /// their own indentation: too much on a lazy line, too little on a line indented more than the first.
    @Test("Inlines on later lines of a paragraph are at their column, however the line is indented",
          arguments: [
              ("- - - Punkt\nweiter <b>", ["2:8"]),
              ("> > Zitat\nw <b>", ["2:3"]),
              ("> Zitat\n[x](y)", ["2:1"]),
              ("> Zitat\n>    weiter <b>", ["2:13"]),
              ("Absatz\n   eingerückt [x](y)", ["2:15"]),
              ("- Punkt\n  weiter [x](y) und\nlazy ![b](c.png)", ["2:10", "3:6"]),
          ])
    func continuationLines(markdown: String, expected: [String]) {
        #expect(Self.positions(markdown) == expected)
    }

    @Test("A NUL counts as one character, as the U+FFFD that replaces it")
    func nulCharacters() {
        #expect(Self.positions("a\u{0}\u{0}b [x](y)\n\u{0}[z](w)") == ["1:6", "2:2"])
    }

    @Test("Every position lies on its line, whatever the input", arguments: 0..<10)
    func positionsStayOnTheirLines(seed: Int) {
        var generator = SeededGenerator(seed: UInt64(seed) + 7_000)
        let pieces = ["\n", "\\\n", "> ", "- ", "  ", "<https://a.de>", "[x](y)", "[a\nb](c)", "![i\nj](k)", "<b>", "Ä", "text ", "\u{0}", "\r\n", "1. "]
        for _ in 0..<50 {
            let markdown = (0..<Int.random(in: 1...40, using: &generator)).map { _ in pieces.randomElement(using: &generator)! }.joined()
            let lines = markdown.replacing("\r\n", with: "\n").split(separator: "\n", omittingEmptySubsequences: false)
            let document = MarkdownDocument.parse(markdown)
            let positions = document.links.map(\.position) + document.rawHTML.map(\.position)
            for position in positions {
                let line = position.line <= lines.count ? lines[position.line - 1] : ""
                #expect(position.line >= 1 && position.line <= lines.count, "\(String(reflecting: markdown)): \(position)")
                // A column may stand on the line break itself, where a container's prefix shifts it.
                #expect(position.column >= 1 && position.column <= line.unicodeScalars.count + 2, "\(String(reflecting: markdown)): \(position)")
            }
        }
    }
}
