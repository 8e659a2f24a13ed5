/// `manifest.json`, the one small file the engine loads first.
struct Manifest {
    /// Version of the file formats; the engine refuses others.
    static let format = 1

    let version: String
    let corpus: CorpusIndex
    let shardBoundaries: [String]
    let chunkSize: Int
    let chunkCount: Int
    let facets: FacetTable
    let vocabularyFilter: BloomFilter
    let vocabularyCount: Int

    var json: JSONValue {
        .object([
            ("format", .integer(Self.format)),
            ("version", .string(version)),
            ("documents", .integer(corpus.documentCount)),
            ("ranking", .object([
                ("k1", .decimal(RankingModel.k1)),
                ("weightScale", .integer(Int(RankingModel.weightScale))),
                ("compoundPartWeight", .decimal(RankingModel.compoundPartWeight)),
                ("fields", .object(RankingModel.Field.allCases.map { field in
                    (field.name, .object([
                        ("boost", .decimal(RankingModel.boosts[field.rawValue])),
                        ("b", .decimal(RankingModel.lengthNormalisation[field.rawValue])),
                        ("averageLength", .decimal(corpus.averageLengths[field.rawValue])),
                    ]))
                })),
            ])),
            ("terms", .object([
                ("count", .integer(corpus.terms.count)),
                ("shards", .array(shardBoundaries.map(JSONValue.string))),
            ])),
            ("documentChunks", .object([
                ("size", .integer(chunkSize)),
                ("count", .integer(chunkCount)),
                ("fields", .array(["url", "title", "kind", "area", "status", "date", "summary", "excerpt"]
                    .map(JSONValue.string))),
            ])),
            ("facets", facets.summary),
            ("vocabulary", .object([
                ("count", .integer(vocabularyCount)),
                ("bits", .integer(vocabularyFilter.bitCount)),
                ("hashes", .integer(vocabularyFilter.hashCount)),
                ("minimumPartLength", .integer(CompoundSplitter.minimumPartLength)),
            ])),
        ])
    }
}
