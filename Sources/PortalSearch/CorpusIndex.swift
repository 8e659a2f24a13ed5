/// The inverted index of a set of documents, before it is cut into files.
///
/// Built in three passes: (1) tokenize every field and count each distinct word per document and field;
/// (2) stem every distinct word once, collect the vocabulary and split compounds against it;
/// (3) turn word counts into per-term weights (``RankingModel``), whole words and compound parts separately.
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

    /// Indexes documents; the document number is the position in `documents`.
    init(documents: [SearchDocument]) {
        var words = WordTable()
        var occurrences = OccurrenceTable()
        var tokens = GermanAnalyzer.TokenBuffer()
        for document in documents {
            var lengths = FieldCounts()
            for field in RankingModel.Field.allCases {
                let text: String
                switch field {
                case .title: text = document.title
                case .summary: text = document.summary
                case .body: text = document.body
                }
                tokens.removeAll()
                GermanAnalyzer.tokenize(text, into: &tokens)
                tokens.bytes.withUnsafeBufferPointer { bytes in
                    for token in tokens.entries {
                        let word = words.id(for: UnsafeBufferPointer(rebasing: bytes[token.start..<token.end]))
                        guard !words.isStopWord[word] else { continue }
                        if token.role != .joinedCompound { lengths[field] += 1 }
                        occurrences.count(word: word, field: field)
                    }
                }
            }
            occurrences.finishDocument(lengths: lengths)
        }

        // Pass 2: vocabulary and compounds.
        let vocabulary = Set(words.entries.lazy.filter(\.isCompoundPartCandidate).map(\.stem))
        var splitter = CompoundSplitter(isKnownStem: { vocabulary.contains($0) })
        var termIDs: [String: Int32] = [:]
        var terms: [String] = []
        func termID(_ key: String) -> Int32 {
            if let id = termIDs[key] { return id }
            let id = Int32(terms.count)
            termIDs[key] = id
            terms.append(key)
            return id
        }
        // Per word: its whole term, and its part terms as a range of `partTerms`.
        var wholeTerm = [Int32](repeating: -1, count: words.entries.count)
        var partTermStarts = [Int](repeating: 0, count: words.entries.count + 1)
        var partTerms: [Int32] = []
        for (word, entry) in words.entries.enumerated() {
            if !entry.isStopWord {
                wholeTerm[word] = termID(entry.stem)
                for part in splitter.split(entry.text) where part != entry.stem {
                    partTerms.append(termID(part))
                }
            }
            partTermStarts[word + 1] = partTerms.count
        }

        // Pass 3: weights, as (key, document, weight) triples in document order, key = term · 2 + isPart.
        let documentCount = documents.count
        let averageLengths = RankingModel.Field.allCases.map { field in
            documentCount == 0 ? 0 : Double(occurrences.totalLengths[field.rawValue]) / Double(documentCount)
        }
        let model = RankingModel(averageLengths: averageLengths)
        var postingKeys: [Int32] = []
        var postingDocuments: [UInt32] = []
        var postingWeights: [UInt8] = []
        postingKeys.reserveCapacity(occurrences.words.count + partTerms.count)
        postingDocuments.reserveCapacity(occurrences.words.count + partTerms.count)
        postingWeights.reserveCapacity(occurrences.words.count + partTerms.count)
        var wholeCounts = [FieldCounts](repeating: FieldCounts(), count: terms.count)
        var partCounts = [FieldCounts](repeating: FieldCounts(), count: terms.count)
        var isTouched = [Bool](repeating: false, count: terms.count)
        var touched: [Int] = []
        for document in 0..<documentCount {
            for entry in occurrences.entries(of: document) {
                let counts = occurrences.fieldCounts[entry]
                let word = Int(occurrences.words[entry])
                let term = Int(wholeTerm[word])
                if !isTouched[term] {
                    isTouched[term] = true
                    touched.append(term)
                }
                wholeCounts[term] += counts
                for index in partTermStarts[word]..<partTermStarts[word + 1] {
                    let part = Int(partTerms[index])
                    if !isTouched[part] {
                        isTouched[part] = true
                        touched.append(part)
                    }
                    partCounts[part] += counts
                }
            }
            let lengths = occurrences.fieldLengths[document]
            for term in touched {
                if !wholeCounts[term].isZero {
                    let weight = model.weight(counts: wholeCounts[term], lengths: lengths, isCompoundPart: false)
                    postingKeys.append(Int32(term * 2))
                    postingDocuments.append(UInt32(document))
                    postingWeights.append(RankingModel.encode(weight))
                    wholeCounts[term] = FieldCounts()
                }
                if !partCounts[term].isZero {
                    let weight = model.weight(counts: partCounts[term], lengths: lengths, isCompoundPart: true)
                    postingKeys.append(Int32(term * 2 + 1))
                    postingDocuments.append(UInt32(document))
                    postingWeights.append(RankingModel.encode(weight))
                    partCounts[term] = FieldCounts()
                }
                isTouched[term] = false
            }
            touched.removeAll(keepingCapacity: true)
        }

        // Counting sort by key; documents stay ascending within a key.
        var keyStarts = [Int](repeating: 0, count: terms.count * 2 + 1)
        for key in postingKeys { keyStarts[Int(key) + 1] += 1 }
        for key in 0..<(terms.count * 2) { keyStarts[key + 1] += keyStarts[key] }
        var sortedDocuments = [UInt32](repeating: 0, count: postingKeys.count)
        var sortedWeights = [UInt8](repeating: 0, count: postingKeys.count)
        var next = keyStarts
        for (index, key) in postingKeys.enumerated() {
            let target = next[Int(key)]
            next[Int(key)] += 1
            sortedDocuments[target] = postingDocuments[index]
            sortedWeights[target] = postingWeights[index]
        }
        let postings = (0..<terms.count).map { term in
            let whole = keyStarts[term * 2]..<keyStarts[term * 2 + 1]
            let part = keyStarts[term * 2 + 1]..<keyStarts[term * 2 + 2]
            return Postings(
                wholeDocuments: Array(sortedDocuments[whole]), wholeWeights: Array(sortedWeights[whole]),
                partDocuments: Array(sortedDocuments[part]), partWeights: Array(sortedWeights[part])
            )
        }

        self.documentCount = documentCount
        self.averageLengths = averageLengths
        self.terms = terms
        self.postings = postings
        self.vocabulary = vocabulary.sorted { $0.utf8.lexicographicallyPrecedes($1.utf8) }
    }
}
