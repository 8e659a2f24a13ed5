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
        build(urls: documents.map(\.url)) { positions in positions.map { documents[$0] } }
    }

    /// Builds the index files for documents made on demand, sorted by path; the same files as `build(_:)`.
    ///
    /// `urls[n]` is the URL of document `n`. `make` returns the documents at the given positions, in that order
    /// and with those URLs; it is called with at most `batchSize` positions at a time (the caller may make a batch
    /// in parallel), and only the index data of a document is kept once its words are counted, so the full
    /// texts of a large site are never in memory together. The next batch is made on other threads while the
    /// words of the current one are counted (at most two batches exist at a time).
    public func build(urls: [String], batchSize: Int = 512, make: @escaping @Sendable ([Int]) -> [SearchDocument]) -> [SearchIndexFile] {
        files(of: count(urls: urls, batchSize: batchSize, make: make))
    }

    /// Counts the words of documents made on demand (as `build(urls:batchSize:make:)` describes), for `files(of:)`.
    public func count(urls: [String], batchSize: Int = 512, make: @escaping @Sendable ([Int]) -> [SearchDocument]) -> SearchCorpus {
        let order = Self.indexOrder(of: urls)
        var counter = CorpusIndex.WordCounter()
        // Every document without its body, and the start of its body for result excerpts.
        var ordered: [SearchDocument] = []
        var excerpts: [String] = []
        ordered.reserveCapacity(order.count)
        excerpts.reserveCapacity(order.count)
        let batchSize = max(1, batchSize)
        let batches = stride(from: 0, to: order.count, by: batchSize).map { Array(order[$0..<min($0 + batchSize, order.count)]) }
        let ahead = BatchAhead(make: make)
        if let first = batches.first { ahead.start(first) }
        for index in batches.indices {
            let batch = ahead.take()
            if index + 1 < batches.count { ahead.start(batches[index + 1]) }
            for var document in batch {
                counter.add(document)
                excerpts.append(DisplayText.excerptSource(document.body, length: options.excerptSourceLength))
                document.body = ""
                ordered.append(document)
            }
        }
        return SearchCorpus(
            documents: ordered, excerpts: excerpts, words: counter.words, occurrences: counter.occurrences,
            excerptLength: options.excerptSourceLength)
    }

    /// The corpus of the same documents as `previous`, with those at the `changed` positions of `urls` made
    /// and counted again; the same corpus `count(urls:batchSize:make:)` would make when every other document
    /// is as `previous` counted it. Nil when `urls` are not the URLs of `previous` or its excerpts were cut to
    /// another length.
    public func recount(
        _ previous: consuming SearchCorpus, urls: [String], batchSize: Int = 512, changed: [Int],
        make: @escaping @Sendable ([Int]) -> [SearchDocument]
    ) -> SearchCorpus? {
        let order = Self.indexOrder(of: urls)
        guard previous.excerptLength == options.excerptSourceLength, previous.documents.count == urls.count,
              order.map({ urls[$0] }) == previous.urls else { return nil }
        var rank = [Int](repeating: 0, count: urls.count)
        for (position, index) in order.enumerated() { rank[index] = position }
        let batchSize = max(1, batchSize)
        var replacements: [(position: Int, document: SearchDocument)] = []
        for start in stride(from: 0, to: changed.count, by: batchSize) {
            let batch = Array(changed[start..<min(start + batchSize, changed.count)])
            guard batch.allSatisfy(urls.indices.contains) else { return nil }
            replacements += zip(batch.map { rank[$0] }, make(batch)).map { ($0, $1) }
        }
        return (consume previous).replacing(replacements)
    }

    /// The folder of the data files among the paths of an index's files (`<prefix>/<version>`), named by their
    /// version: a build that wrote another version may move that folder here first and keep the files whose bytes
    /// are the same.
    public static func dataFolder(ofPaths paths: [String]) -> String? {
        paths.first { $0.hasSuffix("/facets.json") }.map { String($0.dropLast("/facets.json".count)) }
    }

    /// The positions of `urls` in index order: by URL, as Unicode scalars (ties by position).
    static func indexOrder(of urls: [String]) -> [Int] {
        urls.indices.sorted { left, right in
            if urls[left] != urls[right] {
                return urls[left].unicodeScalars.lexicographicallyPrecedes(urls[right].unicodeScalars)
            }
            return left < right
        }
    }

    /// The index files of a counted corpus, sorted by path.
    public func files(of counted: SearchCorpus) -> [SearchIndexFile] {
        let corpus = CorpusIndex(words: counted.words, occurrences: counted.occurrences)
        let ordered = counted.documents
        let excerpts = counted.excerpts
        let shards = partitionTerms(of: corpus)
        let chunkSize = documentsPerChunk(documentCount: ordered.count, shardCount: shards.count)
        var dataFiles: [(path: String, bytes: [UInt8])] = []
        for (number, shard) in shards.enumerated() {
            dataFiles.append(("terms/\(number).bin", TermShard.encode(shard)))
        }
        let chunks = stride(from: 0, to: ordered.count, by: chunkSize).map { start in
            start..<min(start + chunkSize, ordered.count)
        }
        for (number, chunk) in chunks.enumerated() {
            dataFiles.append(("docs/\(number).json", metadataChunk(ordered[chunk], excerpts: excerpts[chunk]).bytes))
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

    private func metadataChunk(_ documents: ArraySlice<SearchDocument>, excerpts: ArraySlice<String>) -> JSONValue {
        .array(zip(documents, excerpts).map { document, excerpt in
            .array([
                .string(document.url),
                .string(DisplayText.clean(document.title)),
                .string(document.kind),
                .optional(document.area),
                .optional(document.status),
                .optional(document.date),
                .string(DisplayText.clean(document.summary)),
                .string(excerpt),
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
