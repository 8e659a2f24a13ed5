@testable import PortalMarkdown
import Testing

/// The tree builder copes with event streams cmark never produces, so conversion cannot break on them either.
@Suite("Tree builder")
struct MarkdownTreeBuilderTests {
    static let here = SourcePosition(line: 1, column: 1)

    @Test("Unbalanced events: extra leaves are ignored, open containers are closed at the end")
    func unbalancedEvents() {
        var builder = MarkdownTreeBuilder(reservedHeadingIDs: [])
        builder.leave()
        builder.enter(.blockQuote, at: Self.here)
        builder.enter(.paragraph, at: SourcePosition(line: 2, column: 3))
        builder.addInline(.text("offen"), at: nil)
        let document = builder.finish()
        let paragraph = MarkdownBlock(
            .paragraph([MarkdownInline(.text("offen"), at: SourcePosition(line: 2, column: 3))]),
            at: SourcePosition(line: 2, column: 3)
        )
        #expect(document.blocks == [MarkdownBlock(.blockQuote([paragraph]), at: Self.here)])
    }

    @Test("Misplaced nodes are flattened into or dropped from the nearest fitting container")
    func misplacedNodes() {
        var builder = MarkdownTreeBuilder(reservedHeadingIDs: [])
        builder.addInline(.text("ohne Absatz"), at: Self.here)
        builder.enter(.item, at: Self.here)
        builder.enterFlattened()
        builder.enter(.paragraph, at: Self.here)
        builder.addInline(.text("im Punkt"), at: Self.here)
        builder.leave()
        builder.leave()
        builder.leave()
        builder.addBlock(.thematicBreak, at: nil)
        let document = builder.finish()
        #expect(document.plainText == "im Punkt")
        #expect(document.blocks.map(\.kind) == [
            .paragraph([MarkdownInline(.text("im Punkt"), at: Self.here)]), .thematicBreak,
        ])
    }

    @Test("Nesting beyond the limit opens no further containers")
    func nestingLimit() {
        var builder = MarkdownTreeBuilder(reservedHeadingIDs: [])
        for line in 1...40 {
            builder.enter(.blockQuote, at: SourcePosition(line: line, column: 1))
        }
        builder.addBlock(.codeBlock(info: "", code: "x\n"), at: nil)
        let document = builder.finish()
        var depth = 0
        var blocks = document.blocks
        while case .blockQuote(let children)? = blocks.first?.kind {
            depth += 1
            blocks = children
        }
        #expect(depth == MarkdownDocument.maximumNestingDepth)
        #expect(blocks.first?.kind == .codeBlock(info: "", code: "x\n"))
        #expect(document.nestingLimitPosition == SourcePosition(line: 33, column: 1))
    }
}
