/// Settings of the search index builder. The defaults suit sites from a handful to 10,000+ pages.
public struct SearchIndexOptions: Sendable, Hashable {
    /// Folder of the index below the site root; the search page's engine is pointed here.
    public var outputPrefix: String
    /// Documents per metadata chunk (one chunk is fetched per result shown). Raised automatically to keep the
    /// index within ``maximumFileCount``.
    public var documentsPerChunk: Int
    /// Aim for term shards of about this many bytes; a query fetches one shard per word.
    public var targetShardBytes: Int
    /// How many characters of each body are kept for result excerpts (cut at a word boundary).
    public var excerptSourceLength: Int
    /// Upper bound for the number of files the index may have (at least 5 are always written: manifest,
    /// facets, vocabulary, one shard and one chunk).
    public var maximumFileCount: Int

    /// Creates options; every parameter has a default.
    public init(
        outputPrefix: String = "suche/index",
        documentsPerChunk: Int = 8,
        targetShardBytes: Int = 12_000,
        excerptSourceLength: Int = 500,
        maximumFileCount: Int = 2_000
    ) {
        self.outputPrefix = outputPrefix
        self.documentsPerChunk = documentsPerChunk
        self.targetShardBytes = targetShardBytes
        self.excerptSourceLength = excerptSourceLength
        self.maximumFileCount = maximumFileCount
    }
}
