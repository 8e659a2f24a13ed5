/// Per document, the distinct words and their counts per field, in flat arrays.
struct OccurrenceTable {
    /// Word of each entry.
    var words: [Int32] = []
    /// Counts per field of each entry.
    private(set) var fieldCounts: [FieldCounts] = []
    /// Field lengths of each document.
    private(set) var fieldLengths: [FieldCounts] = []
    /// Index of each document's first entry, plus one past the last.
    private var documentStarts: [Int] = [0]
    /// Summed field lengths over all documents.
    private(set) var totalLengths: [Int] = [0, 0, 0]
    /// For each word, its entry in the current document, if any.
    private var currentEntry: [Int32] = []
    private var currentEntryDocument: [Int32] = []

    mutating func count(word: Int, field: RankingModel.Field) {
        let document = Int32(documentStarts.count - 1)
        if word >= currentEntry.count {
            currentEntry.append(contentsOf: repeatElement(-1, count: word + 1 - currentEntry.count))
            currentEntryDocument.append(contentsOf: repeatElement(-1, count: word + 1 - currentEntryDocument.count))
        }
        if currentEntryDocument[word] != document {
            currentEntryDocument[word] = document
            currentEntry[word] = Int32(words.count)
            words.append(Int32(word))
            fieldCounts.append(FieldCounts())
        }
        fieldCounts[Int(currentEntry[word])][field] += 1
    }

    mutating func finishDocument(lengths: FieldCounts) {
        fieldLengths.append(lengths)
        for field in RankingModel.Field.allCases { totalLengths[field.rawValue] += Int(lengths[field]) }
        documentStarts.append(words.count)
    }

    func entries(of document: Int) -> Range<Int> {
        documentStarts[document]..<documentStarts[document + 1]
    }

}
