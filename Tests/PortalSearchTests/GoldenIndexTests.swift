import Foundation
import Testing
@testable import PortalSearch

/// The index of `Tests/Fixtures/search/corpus.json` is committed in `Tests/Fixtures/search/golden-index/`, where
/// the Node tests run the JavaScript engine on it. This test fails when the builder's output drifts from it;
/// after an intended change, regenerate it with
/// `PORTAL_UPDATE_GOLDEN_INDEX=1 swift test --filter GoldenIndexTests` and commit the result.
@Suite("Golden index")
struct GoldenIndexTests {
    /// Small shards and chunks, so the golden index exercises shard boundaries and several chunks.
    static let options = SearchIndexOptions(outputPrefix: "", documentsPerChunk: 4, targetShardBytes: 1_500)

    static func build() throws -> [SearchIndexFile] {
        let documents = try Fixtures.decode([SearchDocument].self, from: "search/corpus.json")
        return SearchIndexBuilder(options: options).build(documents)
    }

    private static func filesOnDisk(below root: URL) -> [String] {
        let enumerator = FileManager.default.enumerator(at: root, includingPropertiesForKeys: [.isRegularFileKey])
        var paths: [String] = []
        while let url = enumerator?.nextObject() as? URL {
            guard (try? url.resourceValues(forKeys: [.isRegularFileKey]).isRegularFile) == true else { continue }
            paths.append(String(url.standardizedFileURL.path.dropFirst(root.standardizedFileURL.path.count + 1)))
        }
        return paths.sorted { $0.utf8.lexicographicallyPrecedes($1.utf8) }
    }

    @Test("the builder's output for corpus.json equals golden-index/ byte for byte")
    func matchesGoldenIndex() throws {
        let files = try Self.build()
        let root = Fixtures.url("search/golden-index")
        if ProcessInfo.processInfo.environment["PORTAL_UPDATE_GOLDEN_INDEX"] != nil {
            try? FileManager.default.removeItem(at: root)
            for file in files {
                let url = root.appendingPathComponent(file.path)
                try FileManager.default.createDirectory(
                    at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
                try Data(file.bytes).write(to: url)
            }
        }
        let hint = "the golden index is out of date; if the change is intended, regenerate it with "
            + "PORTAL_UPDATE_GOLDEN_INDEX=1 swift test --filter GoldenIndexTests"
        let stored = Self.filesOnDisk(below: root)
        guard stored == files.map(\.path) else {
            Issue.record("\(hint). Built \(files.map(\.path).prefix(3))…, stored \(stored.prefix(3))…")
            return
        }
        for file in files {
            let bytes = try? Data(contentsOf: root.appendingPathComponent(file.path))
            #expect(bytes == Data(file.bytes), "\(file.path) differs: \(hint)")
        }
    }

    @Test("the golden corpus gives a multi-shard, multi-chunk index")
    func goldenIndexShape() throws {
        let files = try Self.build()
        #expect(files.filter { $0.path.contains("/terms/") }.count >= 5)
        #expect(files.filter { $0.path.contains("/docs/") }.count == 9)
    }
}
