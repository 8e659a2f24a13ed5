/// The inverted index of a set of documents, before it is cut into files.
///
/// Built in three passes (``CorpusIndex+Passes.swift``): (1) tokenize every field and count each distinct word
/// per document and field; (2) stem every distinct word once, collect the vocabulary and split compounds against
/// it; (3) turn word counts into per-term weights (``RankingModel``), whole words and compound parts separately.
struct CorpusIndex {
    /// The documents containing one term, ascending, with their weights.
    struct Postings: Equatable {
        /// Documents where the term occurs as a word of its own.
        var wholeDocuments: [UInt32] = []
        var wholeWeights: [UInt8] = []
        /// Documents where the term occurs as part of a compound.
        var partDocuments: [UInt32] = []
        var partWeights: [UInt8] = []
    }

    /// Number of documents.
    let documentCount: Int
    /// Average indexed tokens per field (title, summary, body).
    let averageLengths: [Double]
    /// The term keys (stems), indexed by term number.
    let terms: [String]
    /// The postings of each term, indexed like ``terms``.
    let postings: [Postings]
    /// Stems that compounds may be split into, sorted (shipped as a Bloom filter).
    let vocabulary: [String]

    /// Indexes counted documents (the document number is the order they were counted in); every word of `words`
    /// that is no stop word must occur in `occurrences`, or it would still be in the vocabulary.
    init(words: WordTable, occurrences: OccurrenceTable) {
        let documentCount = occurrences.documentCount
        let vocabulary = Set(words.entries.lazy.filter(\.isCompoundPartCandidate).map(\.stem))
        let wordTerms = Self.assignTerms(to: words, vocabulary: vocabulary)
        let averageLengths = RankingModel.Field.allCases.map { field in
            documentCount == 0 ? 0 : Double(occurrences.totalLengths[field.rawValue]) / Double(documentCount)
        }
        self.documentCount = documentCount
        self.averageLengths = averageLengths
        self.terms = wordTerms.terms
        self.postings = Self.weigh(occurrences, wordTerms, model: RankingModel(averageLengths: averageLengths))
        self.vocabulary = vocabulary.sorted { $0.utf8.lexicographicallyPrecedes($1.utf8) }
    }
}
