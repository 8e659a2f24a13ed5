/// Per document, the distinct words and their counts per field, in flat arrays (one entry per word and document).
struct OccurrenceTable {
    /// Word of each entry.
    private(set) var words: [Int32] = []
    /// Counts per field of each entry.
    private(set) var fieldCounts: [FieldCounts] = []
    /// Field lengths of each document.
    private(set) var fieldLengths: [FieldCounts] = []
    /// Summed field lengths over all documents.
    private(set) var totalLengths: [Int] = [0, 0, 0]
    /// Index of each document's first entry, plus one past the last.
    private var documentStarts: [Int] = [0]
    /// For each word, its entry in the current document, if it has one yet.
    private var currentEntry: [Int] = []
    private var currentEntryDocument: [Int] = []

    /// The number of finished documents.
    var documentCount: Int { documentStarts.count - 1 }

    /// Counts one occurrence of `word` in `field` of the current document.
    mutating func count(word: Int, field: RankingModel.Field) {
        let document = documentStarts.count - 1
        if word >= currentEntry.count {
            currentEntry.append(contentsOf: repeatElement(-1, count: word + 1 - currentEntry.count))
            currentEntryDocument.append(contentsOf: repeatElement(-1, count: word + 1 - currentEntryDocument.count))
        }
        if currentEntryDocument[word] != document {
            currentEntryDocument[word] = document
            currentEntry[word] = words.count
            words.append(Int32(truncatingIfNeeded: word))
            fieldCounts.append(FieldCounts())
        }
        fieldCounts[currentEntry[word]][field] += 1
    }

    /// Ends the current document, recording its field lengths; the next counts go to a new document.
    mutating func finishDocument(lengths: FieldCounts) {
        fieldLengths.append(lengths)
        for field in RankingModel.Field.allCases { totalLengths[field.rawValue] += Int(lengths[field]) }
        documentStarts.append(words.count)
    }

    /// The entries of a finished document.
    func entries(of document: Int) -> Range<Int> {
        documentStarts[document]..<documentStarts[document + 1]
    }

    /// Appends a finished document of another table as the next document of this one.
    mutating func appendDocument(from other: OccurrenceTable, _ document: Int) {
        let range = other.entries(of: document)
        words.append(contentsOf: other.words[range])
        fieldCounts.append(contentsOf: other.fieldCounts[range])
        finishDocument(lengths: other.fieldLengths[document])
    }

    /// Gives every entry's word a new number.
    mutating func renumberWords(_ newNumber: (Int32) -> Int32) {
        for index in words.indices { words[index] = newNumber(words[index]) }
    }
}

extension OccurrenceTable {
    /// A table of finished documents from its parts (see ``SearchCorpus``); nil when they do not fit together.
    init?(words: [Int32], fieldCounts: [FieldCounts], fieldLengths: [FieldCounts], documentStarts: [Int]) {
        guard words.count == fieldCounts.count, documentStarts.count == fieldLengths.count + 1,
              documentStarts.first == 0, documentStarts.last == words.count,
              zip(documentStarts, documentStarts.dropFirst()).allSatisfy({ $0 <= $1 }) else { return nil }
        self.words = words
        self.fieldCounts = fieldCounts
        self.fieldLengths = fieldLengths
        self.documentStarts = documentStarts
        for lengths in fieldLengths {
            for field in RankingModel.Field.allCases { totalLengths[field.rawValue] += Int(lengths[field]) }
        }
    }

    /// Where each document's entries start, plus one past the last (for encoding).
    var starts: [Int] { documentStarts }
}
