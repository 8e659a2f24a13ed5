import Foundation
@testable import PortalSearch

/// Reads an index the builder produced, for tests: manifest, shards, chunks and facets.
struct IndexReading {
    let files: [String: [UInt8]]
    let manifest: [String: Any]
    let root: String

    init(_ files: [SearchIndexFile], prefix: String = "") throws {
        self.files = Dictionary(uniqueKeysWithValues: files.map { ($0.path, $0.bytes) })
        self.root = prefix.isEmpty ? "" : prefix + "/"
        let manifestBytes = self.files[root + "manifest.json"] ?? []
        manifest = try JSONSerialization.jsonObject(with: Data(manifestBytes)) as? [String: Any] ?? [:]
    }

    var version: String { manifest["version"] as? String ?? "" }
    var documentCount: Int { manifest["documents"] as? Int ?? -1 }
    var boundaries: [String] { (manifest["terms"] as? [String: Any])?["shards"] as? [String] ?? [] }
    var chunkSize: Int { (manifest["documentChunks"] as? [String: Any])?["size"] as? Int ?? 0 }

    func data(_ relativePath: String) -> [UInt8]? {
        files[root + version + "/" + relativePath]
    }

    /// All shards, decoded, in order.
    func shards() throws -> [[TermShard.Entry]] {
        try boundaries.indices.map { index in try TermShard.decode(data("terms/\(index).bin") ?? []) }
    }

    /// Every term with its postings.
    func terms() throws -> [String: CorpusIndex.Postings] {
        var terms: [String: CorpusIndex.Postings] = [:]
        for shard in try shards() {
            for entry in shard { terms[entry.key] = entry.postings }
        }
        return terms
    }

    /// The metadata rows of all documents, in document order.
    func rows() throws -> [[Any]] {
        var rows: [[Any]] = []
        var chunk = 0
        while let bytes = data("docs/\(chunk).json") {
            rows += try JSONSerialization.jsonObject(with: Data(bytes)) as? [[Any]] ?? []
            chunk += 1
        }
        return rows
    }

    /// The whole-word weight of `term` in the document with this URL (nil: no whole-word posting).
    func wholeWeight(_ term: String, url: String) throws -> Double? {
        try weight(term, url: url, part: false)
    }

    /// The compound-part weight of `term` in the document with this URL (nil: no part posting).
    func partWeight(_ term: String, url: String) throws -> Double? {
        try weight(term, url: url, part: true)
    }

    private func weight(_ term: String, url: String, part: Bool) throws -> Double? {
        guard let document = try rows().firstIndex(where: { $0.first as? String == url }),
              let postings = try terms()[term] else { return nil }
        let documents = part ? postings.partDocuments : postings.wholeDocuments
        let weights = part ? postings.partWeights : postings.wholeWeights
        guard let position = documents.firstIndex(of: UInt32(document)) else { return nil }
        return RankingModel.decode(weights[position])
    }
}
