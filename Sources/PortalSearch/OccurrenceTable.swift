/// Each document's distinct words with how often they occur per field, and its field lengths.
///
/// An entry's counts are packed into 32 bits (title and summary 8 bits each, body 16); the rare entry whose counts
/// do not fit is kept apart: eight bytes an entry with its word instead of sixteen (a large site has millions of
/// entries, and a text edit holds two tables of them at once).
struct OccurrenceTable {
    /// Word of each entry.
    private(set) var words: [Int32] = []
    /// Counts per field of each entry, packed; ``PackedCounts/large`` when they are in `largeCounts`.
    private var packedCounts: [UInt32] = []
    /// The counts of the entries too large to pack, by entry.
    private var largeCounts: [Int: FieldCounts] = [:]
    /// Field lengths of each document.
    private(set) var fieldLengths: [FieldCounts] = []
    /// Summed field lengths over all documents.
    private(set) var totalLengths: [Int] = [0, 0, 0]
    /// Index of each document's first entry, plus one past the last.
    private var documentStarts: [Int] = [0]
    /// For each word, its entry in the current document, if it has one yet.
    private var currentEntry: [Int] = []
    private var currentEntryDocument: [Int] = []

    init() {}

    /// An empty table with room for the given number of documents and entries.
    init(reservingDocuments documents: Int, entries: Int) {
        words.reserveCapacity(entries)
        packedCounts.reserveCapacity(entries)
        fieldLengths.reserveCapacity(documents)
        documentStarts.reserveCapacity(documents + 1)
    }

    /// The number of finished documents.
    var documentCount: Int { documentStarts.count - 1 }

    /// The number of entries of all documents.
    var entryCount: Int { words.count }

    /// How often the word of `entry` occurs in each field of its document.
    @inline(__always)
    func fieldCounts(of entry: Int) -> FieldCounts {
        let packed = packedCounts[entry]
        guard packed != PackedCounts.large else { return largeCounts[entry] ?? FieldCounts() }
        return PackedCounts.unpack(packed)
    }

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
            packedCounts.append(0)
        }
        let entry = currentEntry[word]
        if let incremented = PackedCounts.incremented(packedCounts[entry], field: field) {
            packedCounts[entry] = incremented
        } else {
            var counts = fieldCounts(of: entry)
            counts[field] += 1
            store(counts, at: entry)
        }
    }

    /// Appends an entry of the current document (its word must not have one yet); for reading a stored table.
    mutating func append(word: Int32, counts: FieldCounts) {
        words.append(word)
        packedCounts.append(0)
        store(counts, at: words.count - 1)
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
        let offset = words.count - range.lowerBound
        words.append(contentsOf: other.words[range])
        packedCounts.append(contentsOf: other.packedCounts[range])
        if !other.largeCounts.isEmpty {
            for entry in range where other.packedCounts[entry] == PackedCounts.large {
                largeCounts[entry + offset] = other.largeCounts[entry]
            }
        }
        finishDocument(lengths: other.fieldLengths[document])
    }

    /// Gives every entry's word a new number.
    mutating func renumberWords(_ newNumber: (Int32) -> Int32) {
        for index in words.indices { words[index] = newNumber(words[index]) }
    }

    /// Where each document's entries start, plus one past the last (for encoding).
    var starts: [Int] { documentStarts }

    /// Sets the counts of `entry`, packed when they fit (an entry's counts only grow, so one kept apart stays so).
    private mutating func store(_ counts: FieldCounts, at entry: Int) {
        if let packed = PackedCounts.pack(counts), largeCounts.isEmpty || largeCounts[entry] == nil {
            packedCounts[entry] = packed
        } else {
            packedCounts[entry] = PackedCounts.large
            largeCounts[entry] = counts
        }
    }
}

/// A `FieldCounts` of small numbers in 32 bits: title in bits 0–7, summary in 8–15, body in 16–31.
enum PackedCounts {
    /// Marks counts kept unpacked: no packed value has a title of 255.
    static let large: UInt32 = .max

    private static let limits: (title: Int32, summary: Int32, body: Int32) = (255, 255, 65_535)

    /// The counts packed; nil when a number is negative or too large (a title of 255 or more, say).
    static func pack(_ counts: FieldCounts) -> UInt32? {
        guard (0..<limits.title).contains(counts.title), (0..<limits.summary).contains(counts.summary),
              (0..<limits.body).contains(counts.body) else { return nil }
        return UInt32(counts.title) | UInt32(counts.summary) << 8 | UInt32(counts.body) << 16
    }

    @inline(__always)
    static func unpack(_ packed: UInt32) -> FieldCounts {
        FieldCounts(title: Int32(packed & 0xFF), summary: Int32(packed >> 8 & 0xFF), body: Int32(packed >> 16))
    }

    /// The packed counts with one more in `field`; nil when they are ``large`` or the field would not fit.
    @inline(__always)
    static func incremented(_ packed: UInt32, field: RankingModel.Field) -> UInt32? {
        guard packed != large else { return nil }
        switch field {
        case .title: return packed & 0xFF < UInt32(limits.title) - 1 ? packed + 1 : nil
        case .summary: return packed >> 8 & 0xFF < UInt32(limits.summary) - 1 ? packed + (1 << 8) : nil
        case .body: return packed >> 16 < UInt32(limits.body) - 1 ? packed + (1 << 16) : nil
        }
    }
}
