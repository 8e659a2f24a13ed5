@testable import PortalMarkdown
import Testing
import PortalTestSupport

/// Pathological input: deep nesting, binary junk, huge text, empty text. Nothing may crash, the output stays
/// well-formed, and the content survives.
@Suite("Robustness")
struct RobustnessTests {
    /// Inputs nested 10,000 (or 5,000) levels deep, and the text each must still show.
    static let deepInputs: [(name: String, markdown: String)] = [
        ("block quotes", String(repeating: "> ", count: 10_000) + "tief"),
        ("bullet lists", String(repeating: "- ", count: 10_000) + "tief"),
        ("ordered lists", String(repeating: "1. ", count: 10_000) + "tief"),
        ("quotes and lists", String(repeating: "> - ", count: 5_000) + "tief"),
        ("emphasis", String(repeating: "*", count: 10_000) + "tief" + String(repeating: "*", count: 10_000)),
        ("alternating emphasis", String(repeating: "*a _b ", count: 5_000) + "tief"
            + String(repeating: "_ c*", count: 5_000)),
        ("images", String(repeating: "![", count: 5_000) + "tief" + String(repeating: "](b.png)", count: 5_000)),
        ("links with images", String(repeating: "[![", count: 3_000) + "tief"
            + String(repeating: "](b.png)](l.md)", count: 3_000)),
        ("brackets", String(repeating: "[", count: 10_000) + "tief" + String(repeating: "](u)", count: 10_000)),
    ]

    @Test("Deep nesting is flattened, not recursed into", arguments: deepInputs.indices)
    func deepNesting(_ index: Int) {
        let (_, markdown) = Self.deepInputs[index]
        let document = MarkdownDocument.parse(markdown)
        let html = MarkdownHTMLRenderer().render(document)
        #expect(HTMLSafetyChecker.problems(in: html).isEmpty)
        #expect(document.plainText.contains("tief"))
        #expect(Self.depth(of: html) <= 2 * MarkdownDocument.maximumNestingDepth + 4)
        #expect(document == MarkdownDocument.parse(markdown))
    }

    @Test("Flattening keeps the nesting up to the limit and reports where it was cut")
    func flatteningDetails() throws {
        let markdown = "Oben\n\n" + String(repeating: "> ", count: 100) + "tief"
        let document = MarkdownDocument.parse(markdown)
        let html = MarkdownHTMLRenderer().render(document)
        #expect(html.ranges(of: "<blockquote>").count == MarkdownDocument.maximumNestingDepth)
        #expect(html.hasSuffix("<p>tief</p>\n" + String(repeating: "</blockquote>\n", count: 32)))
        let position = try #require(document.nestingLimitPosition)
        #expect(position == SourcePosition(line: 3, column: 2 * MarkdownDocument.maximumNestingDepth + 1))
        #expect(MarkdownDocument.parse("> > normal").nestingLimitPosition == nil)
    }

    @Test("Binary junk and control characters", arguments: 0..<20)
    func binaryJunk(seed: Int) {
        var generator = SeededGenerator(seed: UInt64(seed) + 1_000)
        let bytes = (0..<Int.random(in: 0...4_000, using: &generator)).map { _ in
            // Mostly low bytes and Markdown punctuation, so the junk also exercises the parser.
            Bool.random(using: &generator)
                ? UInt8.random(in: 0...0x7F, using: &generator)
                : Array("<>*_[]()!`#-\n\r\t &;:\\".utf8).randomElement(using: &generator)!
        } + (0..<Int.random(in: 0...200, using: &generator)).map { _ in UInt8.random(in: 0...255, using: &generator) }
        let markdown = String(decoding: bytes, as: UTF8.self)
        let document = MarkdownDocument.parse(markdown)
        let html = MarkdownHTMLRenderer().render(document)
        #expect(HTMLSafetyChecker.problems(in: html).isEmpty, "\(String(reflecting: markdown))")
        for link in document.links {
            #expect(link.position.line >= 1 && link.position.column >= 1)
        }
        _ = document.plainText
        _ = document.headings
    }

    @Test("NUL characters become U+FFFD and keep positions sane")
    func nulCharacters() {
        let document = MarkdownDocument.parse("a\u{0}\u{0}b [x](y\u{0})\n\u{0}")
        #expect(document.plainText == "a\u{FFFD}\u{FFFD}b x \u{FFFD}")
        #expect(document.links.map(\.destination) == ["y\u{FFFD}"])
        #expect(document.links.first?.position.line == 1)
    }

    @Test("Empty and blank input", arguments: ["", " ", "\n\n\n", "\t\r\n  \r", "\u{FEFF}"])
    func emptyInput(_ markdown: String) {
        let document = MarkdownDocument.parse(markdown)
        #expect(document.blocks.isEmpty)
        #expect(MarkdownHTMLRenderer().render(document) == "")
        #expect(document.plainText == "")
        #expect(document.firstParagraph == nil)
    }

    @Test("A megabyte of Markdown")
    func hugeInput() {
        let markdown = String(repeating: SampleDocument.text + "\n\n", count: 300)
        #expect(markdown.utf8.count > 1_000_000)
        let document = MarkdownDocument.parse(markdown)
        let html = MarkdownHTMLRenderer().render(document)
        #expect(CommonMarkOracleTests.withoutPortalAdditions(html) == CommonMarkConverter.cmarkReferenceHTML(markdown))
        #expect(document.headings.count == 300 * SampleDocument.headingCount)
        #expect(Set(document.headings.map(\.id)).count == document.headings.count)
    }

    /// The deepest nesting of elements in well-formed output.
    static func depth(of html: String) -> Int {
        var depth = 0
        var deepest = 0
        var index = html.startIndex
        while let open = html[index...].firstIndex(of: "<") {
            let close = html[open...].firstIndex(of: ">") ?? html.endIndex
            let tag = html[open..<close]
            if tag.hasPrefix("</") {
                depth -= 1
            } else if !tag.hasSuffix("/") {
                depth += 1
                deepest = max(deepest, depth)
            }
            index = close == html.endIndex ? close : html.index(after: close)
        }
        return deepest
    }
}
