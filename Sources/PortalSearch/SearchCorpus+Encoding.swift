/// A compact binary form of a ``SearchCorpus`` for the build cache: varints and length-prefixed UTF-8, written
/// and read in one pass (10,000 articles: 11 MB).
extension SearchCorpus {
    private static let magic = Array("portal-search-corpus 2\n".utf8)

    /// The corpus as bytes.
    public func encoded() -> [UInt8] {
        var bytes: [UInt8] = []
        encode { bytes += $0 }
        return bytes
    }

    /// Hands the corpus's bytes to `write` in pieces of about `pieceSize` bytes, so a large corpus is never in
    /// memory twice (100,000 articles: about 110 MB); the pieces together are ``encoded()``.
    public func encode(pieceSize: Int = 1 << 23, to write: ([UInt8]) throws -> Void) rethrows {
        var writer = ByteWriter()
        func flush(ifAbove size: Int) throws {
            guard writer.bytes.count > size else { return }
            try write(writer.bytes)
            writer = ByteWriter()
        }
        writer.write(Self.magic)
        writer.writeVarint(excerptLength)
        writer.writeVarint(documents.count)
        for (document, excerpt) in zip(documents, excerpts) {
            for text in [document.url, document.title, document.summary, document.kind, excerpt] {
                writer.writeString(text)
            }
            for optional in [document.area, document.status, document.date] {
                if let text = optional {
                    writer.writeByte(1)
                    writer.writeString(text)
                } else {
                    writer.writeByte(0)
                }
            }
            try flush(ifAbove: pieceSize)
        }
        writer.writeVarint(words.entries.count)
        for entry in words.entries {
            writer.writeString(entry.text)
            writer.writeString(entry.stem)
            writer.writeByte((entry.isStopWord ? 1 : 0) | (entry.isCompoundPartCandidate ? 2 : 0))
            try flush(ifAbove: pieceSize)
        }
        writer.writeVarint(occurrences.entryCount)
        let starts = occurrences.starts
        for document in 0..<occurrences.documentCount {
            writer.writeCounts(occurrences.fieldLengths[document])
            writer.writeVarint(starts[document + 1] - starts[document])
            for entry in occurrences.entries(of: document) {
                writer.writeVarint(Int(occurrences.words[entry]))
                writer.writeCounts(occurrences.fieldCounts(of: entry))
            }
            try flush(ifAbove: pieceSize)
        }
        try flush(ifAbove: 0)
    }

    /// Reads what ``encoded()`` wrote, from `offset` to the end of `bytes`; throws when the bytes are damaged or of
    /// another format.
    public init(encoded bytes: [UInt8], startingAt offset: Int = 0) throws {
        guard offset >= 0, offset <= bytes.count else { throw ByteReader.MalformedInput() }
        var reader = ByteReader(bytes, offset: offset)
        guard try Array(reader.readBytes(Self.magic.count)) == Self.magic else { throw ByteReader.MalformedInput() }
        let excerptLength = try reader.readVarint()
        let documentCount = try reader.readVarint()
        guard documentCount <= bytes.count else { throw ByteReader.MalformedInput() }
        var documents: [SearchDocument] = []
        var excerpts: [String] = []
        documents.reserveCapacity(documentCount)
        excerpts.reserveCapacity(documentCount)
        for _ in 0..<documentCount {
            let url = try reader.readString(), title = try reader.readString(), summary = try reader.readString()
            let kind = try reader.readString()
            excerpts.append(try reader.readString())
            var optionals: [String?] = []
            for _ in 0..<3 {
                switch try reader.readByte() {
                case 0: optionals.append(nil)
                case 1: optionals.append(try reader.readString())
                default: throw ByteReader.MalformedInput()
                }
            }
            documents.append(SearchDocument(
                url: url, title: title, summary: summary, body: "", kind: kind,
                area: optionals[0], status: optionals[1], date: optionals[2]))
        }
        let wordCount = try reader.readVarint()
        guard wordCount <= bytes.count else { throw ByteReader.MalformedInput() }
        var entries: [WordTable.Entry] = []
        entries.reserveCapacity(wordCount)
        for _ in 0..<wordCount {
            let text = try reader.readString(), stem = try reader.readString()
            let flags = try reader.readByte()
            entries.append(.init(text: text, stem: stem, isStopWord: flags & 1 != 0, isCompoundPartCandidate: flags & 2 != 0))
        }
        guard let table = WordTable(analysed: entries) else { throw ByteReader.MalformedInput() }
        let entryCount = try reader.readVarint()
        // Every entry takes at least four bytes (its word and three counts).
        guard entryCount <= bytes.count / 4 else { throw ByteReader.MalformedInput() }
        var occurrences = OccurrenceTable(reservingDocuments: documentCount, entries: entryCount)
        for _ in 0..<documentCount {
            let lengths = try reader.readCounts()
            let count = try reader.readVarint()
            guard count <= entryCount - occurrences.entryCount else { throw ByteReader.MalformedInput() }
            for _ in 0..<count {
                let word = try reader.readVarint()
                guard word < wordCount else { throw ByteReader.MalformedInput() }
                occurrences.append(word: Int32(word), counts: try reader.readCounts())
            }
            occurrences.finishDocument(lengths: lengths)
        }
        // What counting would never make: a stop word counted, or a word no document has (it would still be in
        // the vocabulary).
        var occurs = [Bool](repeating: false, count: wordCount)
        for word in occurrences.words { occurs[Int(word)] = true }
        guard zip(entries, occurs).allSatisfy({ $0.isStopWord ? !$1 : $1 }) else { throw ByteReader.MalformedInput() }
        guard reader.isAtEnd, occurrences.entryCount == entryCount else { throw ByteReader.MalformedInput() }
        self.init(documents: documents, excerpts: excerpts, words: table, occurrences: occurrences, excerptLength: excerptLength)
    }
}

extension ByteWriter {
    /// Appends a string as its UTF-8 length and bytes.
    fileprivate mutating func writeString(_ text: String) {
        var text = text
        text.withUTF8 { utf8 in
            writeVarint(utf8.count)
            write(utf8)
        }
    }

    fileprivate mutating func writeCounts(_ counts: FieldCounts) {
        for field in RankingModel.Field.allCases { writeVarint(Int(counts[field])) }
    }
}

extension ByteReader {
    fileprivate mutating func readString() throws -> String {
        String(decoding: try readBytes(try readVarint()), as: UTF8.self)
    }

    fileprivate mutating func readCounts() throws -> FieldCounts {
        var counts = FieldCounts()
        for field in RankingModel.Field.allCases {
            let value = try readVarint()
            guard value <= Int(Int32.max) else { throw MalformedInput() }
            counts[field] = Int32(value)
        }
        return counts
    }
}
