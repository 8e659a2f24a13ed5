/// The binary format of a term shard (`terms/<n>.bin`): a run of terms in UTF-8 byte order with their postings.
///
/// ```
/// shard    := varint termCount, term*
/// term     := varint sharedPrefixBytes, varint suffixByteCount, suffix (UTF-8),
///             varint wholeCount, varint partCount, posting{wholeCount}, posting{partCount}
/// posting  := varint documentDelta, byte weight
/// ```
/// The key is front-coded against the previous key of the shard. Document numbers ascend; each list starts from 0,
/// so its first delta is the first document number. Weights are ``RankingModel/encode(_:)`` bytes.
enum TermShard {
    /// One term of a shard.
    struct Entry: Equatable {
        var key: String
        var postings: CorpusIndex.Postings
    }

    /// The number of bytes a term takes in a shard after `previousKey`.
    static func encodedSize(key: [UInt8], after previousKey: [UInt8], postings: CorpusIndex.Postings) -> Int {
        let shared = sharedPrefixLength(previousKey, key)
        var size = ByteWriter.varintSize(shared) + ByteWriter.varintSize(key.count - shared) + key.count - shared
        size += ByteWriter.varintSize(postings.wholeDocuments.count) + ByteWriter.varintSize(postings.partDocuments.count)
        size += listSize(postings.wholeDocuments) + listSize(postings.partDocuments)
        return size
    }

    /// Encodes terms, given in UTF-8 byte order.
    static func encode(_ entries: [Entry]) -> [UInt8] {
        var writer = ByteWriter()
        writer.writeVarint(entries.count)
        var previousKey: [UInt8] = []
        for entry in entries {
            let key = Array(entry.key.utf8)
            let shared = sharedPrefixLength(previousKey, key)
            writer.writeVarint(shared)
            writer.writeVarint(key.count - shared)
            writer.write(key[shared...])
            writer.writeVarint(entry.postings.wholeDocuments.count)
            writer.writeVarint(entry.postings.partDocuments.count)
            writeList(entry.postings.wholeDocuments, entry.postings.wholeWeights, to: &writer)
            writeList(entry.postings.partDocuments, entry.postings.partWeights, to: &writer)
            previousKey = key
        }
        return writer.bytes
    }

    /// Decodes a shard; throws if the bytes are malformed.
    static func decode(_ bytes: [UInt8]) throws -> [Entry] {
        var reader = ByteReader(bytes)
        let count = try reader.readVarint()
        var entries: [Entry] = []
        var previousKey: [UInt8] = []
        for _ in 0..<count {
            let shared = try reader.readVarint()
            let suffixCount = try reader.readVarint()
            guard shared <= previousKey.count else { throw ByteReader.MalformedInput() }
            let key = Array(previousKey[..<shared]) + (try reader.readBytes(suffixCount))
            let wholeCount = try reader.readVarint()
            let partCount = try reader.readVarint()
            var postings = CorpusIndex.Postings()
            (postings.wholeDocuments, postings.wholeWeights) = try readList(count: wholeCount, from: &reader)
            (postings.partDocuments, postings.partWeights) = try readList(count: partCount, from: &reader)
            entries.append(Entry(key: String(decoding: key, as: UTF8.self), postings: postings))
            previousKey = key
        }
        guard reader.isAtEnd else { throw ByteReader.MalformedInput() }
        return entries
    }

    private static func sharedPrefixLength(_ left: [UInt8], _ right: [UInt8]) -> Int {
        var length = 0
        while length < left.count, length < right.count, left[length] == right[length] { length += 1 }
        return length
    }

    private static func listSize(_ documents: [UInt32]) -> Int {
        var size = 0
        var previous: UInt32 = 0
        for document in documents {
            size += ByteWriter.varintSize(Int(document - previous)) + 1
            previous = document
        }
        return size
    }

    private static func writeList(_ documents: [UInt32], _ weights: [UInt8], to writer: inout ByteWriter) {
        var previous: UInt32 = 0
        for (document, weight) in zip(documents, weights) {
            writer.writeVarint(Int(document - previous))
            writer.writeByte(weight)
            previous = document
        }
    }

    private static func readList(count: Int, from reader: inout ByteReader) throws -> ([UInt32], [UInt8]) {
        var documents: [UInt32] = []
        var weights: [UInt8] = []
        documents.reserveCapacity(count)
        weights.reserveCapacity(count)
        var previous = 0
        for _ in 0..<count {
            previous += try reader.readVarint()
            guard previous <= Int(UInt32.max) else { throw ByteReader.MalformedInput() }
            documents.append(UInt32(previous))
            weights.append(try reader.readByte())
        }
        return (documents, weights)
    }
}
