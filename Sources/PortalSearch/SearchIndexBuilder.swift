/// Builds the static search index of a site: pure, deterministic, no file I/O.
///
/// The index is split so a query downloads only what it needs (`<prefix>` is ``SearchIndexOptions/outputPrefix``):
/// - `<prefix>/manifest.json` — small: document count, ranking parameters, the first key of every term shard,
///   chunk size, facet values with counts, vocabulary filter size, and the `version` folder of the data files.
/// - `<prefix>/<version>/terms/<n>.bin` — term shards, contiguous ranges of terms in UTF-8 byte order with
///   their postings (``TermShard``); a word needs one shard, a prefix a few neighbouring ones.
/// - `<prefix>/<version>/docs/<n>.json` — metadata chunks of ``SearchIndexOptions/documentsPerChunk``
///   documents: `[url, title, kind, area, status, date, summary, excerptSource]` each, fetched for shown results.
/// - `<prefix>/<version>/facets.json` — per document the facet value numbers (`0` = none, `n` = nth value),
///   fetched only when a filter is used.
/// - `<prefix>/<version>/vocabulary.bin` — a Bloom filter of the vocabulary (``BloomFilter``), fetched only to
///   split a query compound the index does not know as a whole.
///
/// `version` is a hash of the data files, so a browser never mixes files of two builds.
/// Documents are numbered in URL order; same input, same bytes.
public struct SearchIndexBuilder: Sendable {
    /// The builder's settings.
    public var options: SearchIndexOptions

    /// Creates a builder with the given options.
    public init(options: SearchIndexOptions = SearchIndexOptions()) {
        self.options = options
    }

    /// Builds the index files for `documents`, sorted by path.
    public func build(_ documents: [SearchDocument]) -> [SearchIndexFile] {
        let ordered = documents.enumerated().sorted { left, right in
            if left.element.url != right.element.url {
                return left.element.url.unicodeScalars.lexicographicallyPrecedes(right.element.url.unicodeScalars)
            }
            return left.offset < right.offset
        }.map(\.element)
        let corpus = CorpusIndex(documents: ordered)

        let shards = partitionTerms(of: corpus)
        let chunkSize = documentsPerChunk(documentCount: ordered.count, shardCount: shards.count)
        var dataFiles: [(path: String, bytes: [UInt8])] = []
        for (number, shard) in shards.enumerated() {
            dataFiles.append(("terms/\(number).bin", TermShard.encode(shard)))
        }
        let chunks = stride(from: 0, to: ordered.count, by: chunkSize).map { start in
            Array(ordered[start..<min(start + chunkSize, ordered.count)])
        }
        for (number, chunk) in chunks.enumerated() {
            dataFiles.append(("docs/\(number).json", metadataChunk(chunk).bytes))
        }
        let facets = FacetTable(documents: ordered)
        dataFiles.append(("facets.json", facets.documentValues.bytes))
        var vocabularyFilter = BloomFilter(expectedCount: corpus.vocabulary.count)
        for stem in corpus.vocabulary { vocabularyFilter.insert(stem) }
        dataFiles.append(("vocabulary.bin", vocabularyFilter.bytes))

        var hash = Hashing.fnv1a64([])
        for file in dataFiles {
            hash = Hashing.fnv1a64(file.path.utf8, continuing: hash)
            hash = Hashing.fnv1a64([0], continuing: hash)
            hash = Hashing.fnv1a64(file.bytes, continuing: hash)
        }
        let version = String(hash, radix: 16).leftPadded(to: 16)

        let manifest = Manifest(
            version: version,
            corpus: corpus,
            shardBoundaries: Self.boundaries(of: shards),
            chunkSize: chunkSize,
            chunkCount: chunks.count,
            facets: facets,
            vocabularyFilter: vocabularyFilter,
            vocabularyCount: corpus.vocabulary.count
        )
        let prefix = options.outputPrefix.trimmingSlashes
        let root = prefix.isEmpty ? "" : prefix + "/"
        var files = [SearchIndexFile(path: root + "manifest.json", bytes: manifest.json.bytes)]
        files += dataFiles.map { SearchIndexFile(path: root + version + "/" + $0.path, bytes: $0.bytes) }
        return files.sorted { $0.path.utf8.lexicographicallyPrecedes($1.path.utf8) }
    }

    // MARK: - Term shards

    /// Cuts the sorted terms into shards of about ``SearchIndexOptions/targetShardBytes``; grows the target if
    /// the shards alone would take more than half of ``SearchIndexOptions/maximumFileCount``. Always one shard
    /// at least, so every key has a shard.
    private func partitionTerms(of corpus: CorpusIndex) -> [[TermShard.Entry]] {
        let order = corpus.terms.indices.sorted {
            corpus.terms[$0].utf8.lexicographicallyPrecedes(corpus.terms[$1].utf8)
        }
        let keys = order.map { Array(corpus.terms[$0].utf8) }
        var target = max(1, options.targetShardBytes)
        while true {
            var shards: [[TermShard.Entry]] = [[]]
            var entriesSize = 0
            var previousKey: [UInt8] = []
            for (position, term) in order.enumerated() {
                let postings = corpus.postings[term]
                let count = shards[shards.count - 1].count
                let entrySize = TermShard.encodedSize(key: keys[position], after: previousKey, postings: postings)
                if count > 0, entriesSize + entrySize + ByteWriter.varintSize(count + 1) > target {
                    shards.append([])
                    entriesSize = 0
                    previousKey = []
                }
                entriesSize += TermShard.encodedSize(key: keys[position], after: previousKey, postings: postings)
                shards[shards.count - 1].append(TermShard.Entry(key: corpus.terms[term], postings: postings))
                previousKey = keys[position]
            }
            if shards.count <= max(1, options.maximumFileCount / 2) { return shards }
            target *= 2
        }
    }

    /// For each shard, the shortest prefix of its first key that sorts after the previous shard's last key
    /// (the first shard's boundary is empty). The engine finds a key's shard as the last boundary ≤ key.
    static func boundaries(of shards: [[TermShard.Entry]]) -> [String] {
        var boundaries: [String] = []
        var previousLast: [UInt8]?
        for shard in shards {
            guard let previous = previousLast, let first = shard.first else {
                boundaries.append("")
                previousLast = shard.last.map { Array($0.key.utf8) } ?? previousLast
                continue
            }
            var prefix = String.UnicodeScalarView()
            for scalar in first.key.unicodeScalars {
                prefix.append(scalar)
                if previous.lexicographicallyPrecedes(Array(String(prefix).utf8)) { break }
            }
            boundaries.append(String(prefix))
            previousLast = shard.last.map { Array($0.key.utf8) }
        }
        return boundaries
    }

    // MARK: - Metadata

    private func documentsPerChunk(documentCount: Int, shardCount: Int) -> Int {
        var size = max(1, options.documentsPerChunk)
        let available = max(1, options.maximumFileCount - shardCount - 3)
        if (documentCount + size - 1) / size > available {
            size = (documentCount + available - 1) / available
        }
        return size
    }

    private func metadataChunk(_ documents: [SearchDocument]) -> JSONValue {
        .array(documents.map { document in
            .array([
                .string(document.url),
                .string(DisplayText.clean(document.title)),
                .string(document.kind),
                .optional(document.area),
                .optional(document.status),
                .optional(document.date),
                .string(DisplayText.clean(document.summary)),
                .string(DisplayText.excerptSource(document.body, length: options.excerptSourceLength)),
            ])
        })
    }
}

extension String {
    /// The string without leading and trailing slashes.
    fileprivate var trimmingSlashes: String {
        var scalars = Substring(self)
        while scalars.hasPrefix("/") { scalars.removeFirst() }
        while scalars.hasSuffix("/") { scalars.removeLast() }
        return String(scalars)
    }

    /// The string with zeros in front up to `length` characters.
    fileprivate func leftPadded(to length: Int) -> String {
        String(repeating: "0", count: max(0, length - count)) + self
    }
}
