import PortalMarkdown
import Testing
import PortalTestSupport

/// Same input, same output: across repeated runs, separate parses, and concurrent rendering.
@Suite("Determinism")
struct DeterminismTests {
    static let renderer = MarkdownHTMLRenderer(headingLevelOffset: 1) { destination, _ in
        destination.hasSuffix(".md") ? "/" + destination.dropLast(3) + "/" : nil
    }

    @Test("Parsing and rendering twice gives identical results")
    func repeatedRuns() {
        let markdown = SampleDocument.text + "\n\n# Ziele\n\n# Ziele\n\n<div>x</div>\n"
        let first = MarkdownDocument.parse(markdown)
        let second = MarkdownDocument.parse(markdown)
        #expect(first == second)
        #expect(Self.renderer.render(first) == Self.renderer.render(second))
        #expect(first.links == second.links)
        #expect(first.headings == second.headings)
        #expect(first.plainText == second.plainText)
        #expect(first.rawHTML == second.rawHTML)
    }

    @Test("Concurrent parsing and rendering agrees with serial rendering")
    func concurrentRendering() async {
        var generator = SeededGenerator(seed: 42)
        let inputs = (0..<64).map { _ in CommonMarkOracleTests.randomDocument(using: &generator) } + [SampleDocument.text]
        let serial = inputs.map { Self.renderer.render(MarkdownDocument.parse($0)) }
        let concurrent = await withTaskGroup(of: (Int, String).self) { group in
            for (index, input) in inputs.enumerated() {
                group.addTask { (index, Self.renderer.render(MarkdownDocument.parse(input))) }
            }
            var results = [String](repeating: "", count: inputs.count)
            for await (index, html) in group {
                results[index] = html
            }
            return results
        }
        #expect(concurrent == serial)
    }
}
