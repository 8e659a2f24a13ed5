import Foundation
import Testing
@testable import PortalSearch

@Suite("Search index builder")
struct SearchIndexBuilderTests {
    static func corpus() throws -> [SearchDocument] {
        try Fixtures.decode([SearchDocument].self, from: "search/corpus.json")
    }

    @Test("same input, same bytes — whatever the input order")
    func determinism() throws {
        let documents = try Self.corpus()
        let first = SearchIndexBuilder().build(documents)
        let second = SearchIndexBuilder().build(documents)
        let shuffled = SearchIndexBuilder().build(documents.reversed())
        #expect(first == second)
        #expect(first == shuffled)
    }

    @Test("documents made in batches while the index is built give the same files", arguments: [1, 7, 512])
    func batches(batchSize: Int) throws {
        // Duplicate URLs and reversed order exercise the stable URL sort the batches follow.
        let documents = try Self.corpus().reversed() + Self.corpus().prefix(3)
        let whole = SearchIndexBuilder().build(Array(documents))
        let requests = Requests()
        let streamed = SearchIndexBuilder().build(urls: documents.map(\.url), batchSize: batchSize) { positions in
            requests.append(positions)
            return positions.map { documents[documents.startIndex + $0] }
        }
        let requested = requests.all
        #expect(streamed == whole)
        #expect(requested.allSatisfy { $0.count <= batchSize })
        #expect(requested.flatMap { $0 }.sorted() == Array(0..<documents.count))
    }

    @Test("files live below the prefix, data files in the version folder, sorted by path")
    func layout() throws {
        let files = SearchIndexBuilder(options: SearchIndexOptions(outputPrefix: "/suche/index/")).build(try Self.corpus())
        let reading = try IndexReading(files, prefix: "suche/index")
        #expect(files.contains { $0.path == "suche/index/manifest.json" })
        #expect(reading.version.count == 16)
        for file in files where file.path != "suche/index/manifest.json" {
            #expect(file.path.hasPrefix("suche/index/\(reading.version)/"))
        }
        #expect(files.map(\.path) == files.map(\.path).sorted { $0.utf8.lexicographicallyPrecedes($1.utf8) })
        #expect(reading.data("facets.json") != nil)
        #expect(reading.data("vocabulary.bin") != nil)
        #expect(reading.documentCount == 33)
    }

    @Test("the version changes when the content does")
    func versionFollowsContent() throws {
        var documents = try Self.corpus()
        let before = try IndexReading(SearchIndexBuilder().build(documents), prefix: "suche/index").version
        documents[0].body += " Neuer Satz über Schlaglöcher."
        let after = try IndexReading(SearchIndexBuilder().build(documents), prefix: "suche/index").version
        #expect(before != after)
    }

    @Test("metadata chunks hold each document's display data in URL order")
    func metadataChunks() throws {
        let documents = try Self.corpus()
        let options = SearchIndexOptions(documentsPerChunk: 5, excerptSourceLength: 120)
        let reading = try IndexReading(SearchIndexBuilder(options: options).build(documents), prefix: "suche/index")
        let rows = try reading.rows()
        let sorted = documents.sorted { $0.url.unicodeScalars.lexicographicallyPrecedes($1.url.unicodeScalars) }
        #expect(rows.count == documents.count)
        #expect(reading.chunkSize == 5)
        for (row, document) in zip(rows, sorted) {
            #expect(row.count == 8)
            #expect(row[0] as? String == document.url)
            #expect(row[1] as? String == document.title)
            #expect(row[2] as? String == document.kind)
            #expect((row[3] as? String) == document.area)
            #expect((row[4] as? String) == document.status)
            #expect((row[5] as? String) == document.date)
            #expect(row[6] as? String == document.summary)
            let excerpt = row[7] as? String ?? ""
            #expect(excerpt.unicodeScalars.count <= 122)
            #expect(document.body.hasPrefix(excerpt.replacingOccurrences(of: " …", with: "")))
        }
    }

    @Test("facets.json gives each document's kind, area and status by value number")
    func facets() throws {
        let documents = try Self.corpus()
        let reading = try IndexReading(SearchIndexBuilder().build(documents), prefix: "suche/index")
        let table = try JSONSerialization.jsonObject(with: Data(reading.data("facets.json") ?? [])) as? [String: [Int]]
        let summary = reading.manifest["facets"] as? [String: [String: Any]] ?? [:]
        let rows = try reading.rows()
        for facet in ["kind", "area", "status"] {
            let values = summary[facet]?["values"] as? [String] ?? []
            let counts = summary[facet]?["counts"] as? [Int] ?? []
            let codes = table?[facet] ?? []
            #expect(codes.count == documents.count)
            #expect(values == values.sorted())
            let column = ["kind": 2, "area": 3, "status": 4][facet] ?? 0
            for (row, code) in zip(rows, codes) {
                #expect((code == 0 ? nil : values[code - 1]) == row[column] as? String)
            }
            for (index, count) in counts.enumerated() {
                #expect(codes.filter { $0 == index + 1 }.count == count)
            }
        }
    }

    @Test("no documents: a valid, empty index")
    func emptyInput() throws {
        let files = SearchIndexBuilder().build([])
        let reading = try IndexReading(files, prefix: "suche/index")
        #expect(reading.documentCount == 0)
        #expect(reading.boundaries == [""])
        #expect(try reading.shards() == [[]])
        #expect(try reading.rows().isEmpty)
    }

    @Test("odd input neither crashes nor breaks the JSON")
    func oddInput() throws {
        let odd = "\u{0}\u{1F}\"\\\u{2028}\u{2029}\n\t<script>alert(1)</script> 🤖 e\u{301} " + String(repeating: "x", count: 5_000)
        let documents = [
            SearchDocument(url: "", title: "", body: "", kind: ""),
            SearchDocument(url: "/a/", title: odd, summary: odd, body: odd + " -- - -x- \u{AD}", kind: "page",
                           area: "", status: odd, date: odd),
            SearchDocument(url: "/a/", title: "Doppelte URL", body: "Straße", kind: "page"),
            SearchDocument(url: "/ß/", title: "ẞ", body: String(repeating: "Wort ", count: 20_000), kind: "measure"),
        ]
        let files = SearchIndexBuilder().build(documents)
        let reading = try IndexReading(files, prefix: "suche/index")
        #expect(reading.documentCount == 4)
        #expect(try reading.rows().count == 4)
        for file in files where file.path.hasSuffix(".json") {
            #expect((try? JSONSerialization.jsonObject(with: Data(file.bytes))) != nil, "\(file.path)")
        }
        #expect(try reading.terms()["wort"]?.wholeDocuments.count == 1)
    }

    @Test("the file count stays within the limit")
    func fileLimit() throws {
        let corpus = SyntheticCorpus(count: 400, bodyWords: 120, seed: 7, snowballVocabulary: try Self.vocabulary())
        let options = SearchIndexOptions(documentsPerChunk: 2, targetShardBytes: 500, maximumFileCount: 60)
        let files = SearchIndexBuilder(options: options).build(corpus.documents)
        #expect(files.count <= 60)
        let reading = try IndexReading(files, prefix: "suche/index")
        #expect(try reading.rows().count == 400)
    }

    @Test("shards stay near the target size; only a single huge term may exceed it")
    func shardSizes() throws {
        let corpus = SyntheticCorpus(count: 300, bodyWords: 200, seed: 11, snowballVocabulary: try Self.vocabulary())
        let target = 4_000
        let files = SearchIndexBuilder(options: SearchIndexOptions(targetShardBytes: target)).build(corpus.documents)
        let reading = try IndexReading(files, prefix: "suche/index")
        let shards = try reading.shards()
        #expect(shards.count > 10)
        for (index, shard) in shards.enumerated() {
            let size = reading.data("terms/\(index).bin")?.count ?? 0
            #expect(size <= target || shard.count == 1, "shard \(index): \(size) bytes, \(shard.count) terms")
            #expect(!shard.isEmpty)
        }
    }

    @Test("shard boundaries route every key to its shard")
    func boundaries() throws {
        let reading = try IndexReading(SearchIndexBuilder(options: SearchIndexOptions(targetShardBytes: 600))
            .build(try Self.corpus()), prefix: "suche/index")
        let boundaries = reading.boundaries
        #expect(boundaries.first == "")
        for (index, shard) in try reading.shards().enumerated() {
            for entry in shard {
                let key = Array(entry.key.utf8)
                let home = boundaries.lastIndex { !key.lexicographicallyPrecedes(Array($0.utf8)) }
                #expect(home == index, "\(entry.key)")
            }
        }
    }

    @Test("postings ascend and point at existing documents")
    func postingsAreWellFormed() throws {
        let reading = try IndexReading(SearchIndexBuilder().build(try Self.corpus()), prefix: "suche/index")
        for (key, postings) in try reading.terms() {
            for documents in [postings.wholeDocuments, postings.partDocuments] {
                #expect(documents == documents.sorted() && Set(documents).count == documents.count, "\(key)")
                #expect(documents.allSatisfy { Int($0) < reading.documentCount })
            }
            #expect(postings.wholeWeights.count == postings.wholeDocuments.count)
            #expect(postings.partWeights.allSatisfy { $0 > 0 } && postings.wholeWeights.allSatisfy { $0 > 0 })
        }
    }

    static func vocabulary() throws -> [String] {
        try Fixtures.text("snowball-german/voc.txt").split(separator: "\n").map(String.init)
    }
}

/// The batches a builder asked for, recorded from whatever thread asks.
final class Requests: @unchecked Sendable {
    private let lock = NSLock()
    private var batches: [[Int]] = []
    func append(_ batch: [Int]) { lock.withLock { batches.append(batch) } }
    var all: [[Int]] { lock.withLock { batches } }
}
