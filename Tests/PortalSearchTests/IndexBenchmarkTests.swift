import Foundation
import Testing
@testable import PortalSearch

/// Size and speed of the index on a generated site.
///
/// The 10,000-page run is opt-in: `PORTAL_SEARCH_BENCHMARK=1 swift test -c release -Xswiftc -enable-testing
/// --filter IndexBenchmarkTests`; with `PORTAL_SEARCH_BENCHMARK_OUTPUT=<folder>` it also writes the index there,
/// for `node Tests/js/measure-first-query.mjs <folder>`.
@Suite("Index size and speed")
struct IndexBenchmarkTests {
    private static let environment = ProcessInfo.processInfo.environment

    /// CPU time of the calling thread, in seconds (unaffected by other processes waiting for the CPU).
    private static func threadProcessorTime() -> Double {
        var time = timespec()
        clock_gettime(CLOCK_THREAD_CPUTIME_ID, &time)
        return Double(time.tv_sec) + Double(time.tv_nsec) / 1e9
    }

    private static func snowballVocabulary() throws -> [String] {
        try Fixtures.text("snowball-german/voc.txt").split(separator: "\n").map(String.init)
    }

    @Test("10,000 generated pages: build time, file count, sizes",
          .enabled(if: environment["PORTAL_SEARCH_BENCHMARK"] != nil))
    func tenThousandPages() throws {
        let corpus = SyntheticCorpus(count: 10_000, snowballVocabulary: try Self.snowballVocabulary())
        let words = corpus.documents.reduce(0) { $0 + $1.body.split(separator: " ").count }
        let clock = ContinuousClock()
        var files: [SearchIndexFile] = []
        var durations: [Duration] = []
        var processorSeconds: [Double] = []
        for _ in 0..<3 {
            let start = clock.now
            let startCPU = Self.threadProcessorTime()
            files = SearchIndexBuilder().build(corpus.documents)
            processorSeconds.append(Self.threadProcessorTime() - startCPU)
            durations.append(clock.now - start)
        }
        let totalBytes = files.reduce(0) { $0 + $1.bytes.count }
        let shards = files.filter { $0.path.contains("/terms/") }
        let chunks = files.filter { $0.path.contains("/docs/") }
        let manifest = files.first { $0.path.hasSuffix("manifest.json") }
        print("""
            benchmark: \(corpus.documents.count) documents, \(words) body words
            benchmark: build wall times \(durations.map { $0.formatted(.units(allowed: [.milliseconds])) }), \
            CPU seconds (one thread) \(processorSeconds.map { String(format: "%.2f", $0) })
            benchmark: \(files.count) files, \(totalBytes) bytes; manifest \(manifest?.bytes.count ?? 0) bytes
            benchmark: \(shards.count) term shards, max \(shards.map(\.bytes.count).max() ?? 0) bytes, \
            \(chunks.count) chunks, max \(chunks.map(\.bytes.count).max() ?? 0) bytes
            """)
        #expect(files.count <= 2_000)
        if let output = Self.environment["PORTAL_SEARCH_BENCHMARK_OUTPUT"] {
            let root = URL(fileURLWithPath: output)
            try? FileManager.default.removeItem(at: root)
            for file in files {
                let url = root.appendingPathComponent(file.path)
                try FileManager.default.createDirectory(
                    at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
                try Data(file.bytes).write(to: url)
            }
        }
    }
}
