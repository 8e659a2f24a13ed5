@testable import PortalMarkdown
import Testing
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Throughput on a ~600-word page against cmark's own `cmark_markdown_to_html`.
///
/// Off by default (timings mean little in debug builds or on a busy machine). Run in release:
/// `PORTAL_MARKDOWN_BENCHMARK=1 swift test -c release -Xswiftc -enable-testing --filter ThroughputTests`
@Suite("Throughput")
struct ThroughputTests {
    /// How many times slower than cmark parse-and-render may be before the test fails.
    static let allowedSlowdown = 4.0

    @Test("Parse and render stays within a small factor of cmark", .enabled(if: benchmarkRequested))
    func throughput() {
        let markdown = SampleDocument.text
        let renderer = MarkdownHTMLRenderer(headingLevelOffset: 1) { destination, _ in
            destination.hasSuffix(".md") ? "/" + destination.dropLast(3) + "/" : nil
        }
        let document = MarkdownDocument.parse(markdown)

        let cmark = Self.documentsPerSecond { CommonMarkConverter.cmarkReferenceHTML(markdown).utf8.count }
        let parse = Self.documentsPerSecond { MarkdownDocument.parse(markdown).blocks.count }
        let render = Self.documentsPerSecond { renderer.render(document).utf8.count }
        let both = Self.documentsPerSecond { renderer.render(MarkdownDocument.parse(markdown)).utf8.count }
        let extras = Self.documentsPerSecond {
            let parsed = MarkdownDocument.parse(markdown)
            return renderer.render(parsed).utf8.count + parsed.plainText.utf8.count + parsed.links.count
                + parsed.headings.count
        }
        print("""
            Throughput, \(markdown.split(whereSeparator: \.isWhitespace).count)-word document, documents per second:
              cmark_markdown_to_html          \(Int(cmark))
              parse into value tree           \(Int(parse))
              render HTML from tree           \(Int(render))
              parse + render                  \(Int(both))  (\(Self.format(cmark / both))× cmark's time)
              parse + render + text/links     \(Int(extras))
            """)
        #expect(cmark / both <= Self.allowedSlowdown)
    }

    /// Runs `work` repeatedly for about half a second after a warm-up, and returns runs per second.
    static func documentsPerSecond(_ work: () -> Int) -> Double {
        var sink = 0
        for _ in 0..<50 {
            sink &+= work()
        }
        let clock = ContinuousClock()
        var runs = 0
        let start = clock.now
        var elapsed = Duration.zero
        while elapsed < .milliseconds(500) {
            for _ in 0..<20 {
                sink &+= work()
            }
            runs += 20
            elapsed = clock.now - start
        }
        precondition(sink != 0)
        let seconds = Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) / 1e18
        return Double(runs) / seconds
    }

    /// A ratio with one decimal.
    static func format(_ value: Double) -> String {
        let tenths = Int((value * 10).rounded())
        return "\(tenths / 10).\(tenths % 10)"
    }
}

/// Whether the environment variable `PORTAL_MARKDOWN_BENCHMARK` is `1`.
private let benchmarkRequested: Bool = {
    guard let value = getenv("PORTAL_MARKDOWN_BENCHMARK") else { return false }
    return String(cString: value) == "1"
}()
