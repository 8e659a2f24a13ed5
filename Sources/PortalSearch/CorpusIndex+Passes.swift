extension CorpusIndex {
    /// The terms of every word: its stem (whole-word term) and the stems of its compound parts.
    struct WordTerms {
        /// The term keys, by term number.
        var terms: [String] = []
        /// Each word's whole-word term (-1 for stop words).
        var wholeTerm: [Int32] = []
        /// Each word's part terms are `partTerms[partTermStarts[word]..<partTermStarts[word + 1]]`.
        var partTermStarts: [Int] = [0]
        var partTerms: [Int32] = []
    }

    /// Pass 1: tokenizes every field of every document and counts each word per document and field, one
    /// document at a time, so a caller can make documents as it goes and let their texts go after counting.
    struct WordCounter {
        private(set) var words = WordTable()
        private(set) var occurrences = OccurrenceTable()
        private var tokens = GermanAnalyzer.TokenBuffer()

        /// A counter of no documents yet that knows the given words (new ones are added after them).
        init(words: WordTable = WordTable()) {
            self.words = words
        }

        /// Counts the words of the next document.
        mutating func add(_ document: SearchDocument) {
            // The buffer is reused from document to document; taken out of `self` while the words are counted.
            var tokens = GermanAnalyzer.TokenBuffer()
            swap(&tokens, &self.tokens)
            defer { swap(&tokens, &self.tokens) }
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
    }

    /// Pass 2: gives every distinct word its terms, splitting compounds against the vocabulary.
    static func assignTerms(to words: WordTable, vocabulary: Set<String>) -> WordTerms {
        var splitter = CompoundSplitter(isKnownStem: { vocabulary.contains($0) })
        var result = WordTerms()
        var termIDs: [String: Int32] = [:]
        func termID(_ key: String) -> Int32 {
            if let id = termIDs[key] { return id }
            let id = Int32(result.terms.count)
            termIDs[key] = id
            result.terms.append(key)
            return id
        }
        result.wholeTerm.reserveCapacity(words.entries.count)
        for entry in words.entries {
            if entry.isStopWord {
                result.wholeTerm.append(-1)
            } else {
                result.wholeTerm.append(termID(entry.stem))
                for part in splitter.split(entry.text) where part != entry.stem {
                    result.partTerms.append(termID(part))
                }
            }
            result.partTermStarts.append(result.partTerms.count)
        }
        return result
    }

    /// Pass 3: sums word counts into term counts per document, weighs them, and groups the postings by term.
    static func weigh(_ occurrences: OccurrenceTable, _ wordTerms: WordTerms, model: RankingModel) -> [Postings] {
        let termCount = wordTerms.terms.count
        // (key, document, weight) in document order; key = term · 2, plus 1 for compound-part postings.
        var keys: [Int32] = []
        var documents: [UInt32] = []
        var weights: [UInt8] = []
        let expected = occurrences.words.count + wordTerms.partTerms.count
        keys.reserveCapacity(expected)
        documents.reserveCapacity(expected)
        weights.reserveCapacity(expected)

        var wholeCounts = [FieldCounts](repeating: FieldCounts(), count: termCount)
        var partCounts = [FieldCounts](repeating: FieldCounts(), count: termCount)
        var isTouched = [Bool](repeating: false, count: termCount)
        var touched: [Int] = []
        func touch(_ term: Int) {
            if !isTouched[term] {
                isTouched[term] = true
                touched.append(term)
            }
        }
        for document in 0..<occurrences.documentCount {
            for entry in occurrences.entries(of: document) {
                let counts = occurrences.fieldCounts(of: entry)
                let word = Int(occurrences.words[entry])
                let term = Int(wordTerms.wholeTerm[word])
                touch(term)
                wholeCounts[term] += counts
                for index in wordTerms.partTermStarts[word]..<wordTerms.partTermStarts[word + 1] {
                    let part = Int(wordTerms.partTerms[index])
                    touch(part)
                    partCounts[part] += counts
                }
            }
            let lengths = occurrences.fieldLengths[document]
            for term in touched {
                if !wholeCounts[term].isZero {
                    keys.append(Int32(term * 2))
                    documents.append(UInt32(document))
                    weights.append(RankingModel.encode(
                        model.weight(counts: wholeCounts[term], lengths: lengths, isCompoundPart: false)))
                    wholeCounts[term] = FieldCounts()
                }
                if !partCounts[term].isZero {
                    keys.append(Int32(term * 2 + 1))
                    documents.append(UInt32(document))
                    weights.append(RankingModel.encode(
                        model.weight(counts: partCounts[term], lengths: lengths, isCompoundPart: true)))
                    partCounts[term] = FieldCounts()
                }
                isTouched[term] = false
            }
            touched.removeAll(keepingCapacity: true)
        }

        // Counting sort by key; documents stay ascending within a key.
        var keyStarts = [Int](repeating: 0, count: termCount * 2 + 1)
        for key in keys { keyStarts[Int(key) + 1] += 1 }
        for key in 0..<(termCount * 2) { keyStarts[key + 1] += keyStarts[key] }
        var sortedDocuments = [UInt32](repeating: 0, count: keys.count)
        var sortedWeights = [UInt8](repeating: 0, count: keys.count)
        var next = keyStarts
        for (index, key) in keys.enumerated() {
            let target = next[Int(key)]
            next[Int(key)] += 1
            sortedDocuments[target] = documents[index]
            sortedWeights[target] = weights[index]
        }
        return (0..<termCount).map { term in
            let whole = keyStarts[term * 2]..<keyStarts[term * 2 + 1]
            let part = keyStarts[term * 2 + 1]..<keyStarts[term * 2 + 2]
            return Postings(
                wholeDocuments: Array(sortedDocuments[whole]), wholeWeights: Array(sortedWeights[whole]),
                partDocuments: Array(sortedDocuments[part]), partWeights: Array(sortedWeights[part])
            )
        }
    }
}
