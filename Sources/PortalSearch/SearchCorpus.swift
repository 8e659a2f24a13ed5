/// The counted words of every document of a search index, from which its files are made; kept by a build so the
/// next one counts again only the documents whose texts changed (``SearchIndexBuilder/recount(_:urls:batchSize:changed:make:)``).
///
/// Counting (tokenizing, folding and looking up every word of every text) is most of the work of an index; what
/// comes after it — terms, weights, shards — depends on corpus-wide statistics and is made again from the counts.
public struct SearchCorpus: Sendable {
    /// The documents in index order (by URL), without their bodies.
    var documents: [SearchDocument]
    /// Each document's excerpt source (``DisplayText/excerptSource(_:length:)`` of its body).
    var excerpts: [String]
    /// Every distinct word counted.
    var words: WordTable
    /// Each document's words with their counts per field, and its field lengths.
    var occurrences: OccurrenceTable
    /// The excerpt length the excerpts were cut to.
    var excerptLength: Int

    /// The URLs of the documents, in index order.
    var urls: [String] { documents.map(\.url) }

    /// The corpus with the documents at the given positions (in index order) counted again from the given
    /// documents; nil when a position is outside the corpus. Words no document contains any more are dropped, so
    /// the result equals a corpus counted from scratch (word numbers aside, which no index file shows).
    ///
    /// Consumes the corpus: given up by its caller, its tables are changed in place instead of copied, and only
    /// the occurrence table is there twice while the documents are merged.
    consuming func replacing(_ replacements: [(position: Int, document: SearchDocument)]) -> SearchCorpus? {
        var replacementAt: [Int: Int] = [:]
        for (number, replacement) in replacements.enumerated() {
            guard documents.indices.contains(replacement.position) else { return nil }
            replacementAt[replacement.position] = number
        }

        var counter = CorpusIndex.WordCounter(words: words)
        words = WordTable()
        for (position, document) in replacements {
            counter.add(document)
            excerpts[position] = DisplayText.excerptSource(document.body, length: excerptLength)
            documents[position] = document
            documents[position].body = ""
        }
        let counted = counter.occurrences
        var merged = OccurrenceTable(reservingDocuments: documents.count, entries: occurrences.entryCount + counted.entryCount)
        for position in documents.indices {
            if let number = replacementAt[position] {
                merged.appendDocument(from: counted, number)
            } else {
                merged.appendDocument(from: occurrences, position)
            }
        }
        occurrences = OccurrenceTable()
        // Keep only the words some document contains, numbered in their old order.
        let allWords = counter.words
        counter = CorpusIndex.WordCounter()
        var newNumber = [Int32](repeating: -1, count: allWords.entries.count)
        for word in merged.words { newNumber[Int(word)] = 0 }
        var kept: [WordTable.Entry] = []
        for (word, entry) in allWords.entries.enumerated() where newNumber[word] == 0 {
            newNumber[word] = Int32(kept.count)
            kept.append(entry)
        }
        guard let table = WordTable(analysed: kept) else { return nil }
        merged.renumberWords { newNumber[Int($0)] }
        words = table
        occurrences = merged
        return self
    }
}
