import Foundation
import Testing
@testable import PortalSearch

@Suite("Index formats")
struct FormatTests {
    private static func postings(_ documents: [UInt32], parts: [UInt32] = []) -> CorpusIndex.Postings {
        CorpusIndex.Postings(
            wholeDocuments: documents, wholeWeights: documents.map { UInt8(truncatingIfNeeded: $0 % 250 + 1) },
            partDocuments: parts, partWeights: parts.map { _ in 7 })
    }

    @Test("term shards round-trip, and their size is predicted exactly")
    func shardRoundTrip() throws {
        let entries = [
            TermShard.Entry(key: "antrag", postings: Self.postings([0, 1, 200, 70_000], parts: [3, 4])),
            TermShard.Entry(key: "antragsteller", postings: Self.postings([5])),
            TermShard.Entry(key: "straß", postings: Self.postings([], parts: [1])),
            TermShard.Entry(key: "ü", postings: Self.postings([2_000_000])),
        ]
        let bytes = TermShard.encode(entries)
        #expect(try TermShard.decode(bytes) == entries)
        var predicted = ByteWriter.varintSize(entries.count)
        var previous: [UInt8] = []
        for entry in entries {
            predicted += TermShard.encodedSize(key: Array(entry.key.utf8), after: previous, postings: entry.postings)
            previous = Array(entry.key.utf8)
        }
        #expect(predicted == bytes.count)
    }

    @Test("truncated or padded shards are rejected, not misread")
    func malformedShards() {
        let bytes = TermShard.encode([TermShard.Entry(key: "antrag", postings: Self.postings([1, 2, 3]))])
        for length in 0..<bytes.count {
            #expect(throws: ByteReader.MalformedInput.self) { try TermShard.decode(Array(bytes.prefix(length))) }
        }
        #expect(throws: ByteReader.MalformedInput.self) { try TermShard.decode(bytes + [0]) }
    }

    @Test("varints", arguments: [0, 1, 127, 128, 16_383, 16_384, 1 << 35])
    func varints(value: Int) throws {
        var writer = ByteWriter()
        writer.writeVarint(value)
        #expect(writer.bytes.count == ByteWriter.varintSize(value))
        var reader = ByteReader(writer.bytes)
        #expect(try reader.readVarint() == value)
        #expect(reader.isAtEnd)
    }

    @Test("Bloom filter: no false negatives, few false positives, and the hashes the engine expects")
    func bloomFilter() {
        var filter = BloomFilter(expectedCount: 5_000)
        let keys = (0..<5_000).map { "wort\($0)" }
        for key in keys { filter.insert(key) }
        #expect(keys.allSatisfy(filter.mayContain))
        let falsePositives = (0..<10_000).filter { filter.mayContain("anders\($0)") }.count
        #expect(falsePositives < 400)
        // Fixed values, also checked by Tests/js/engine.test.mjs on the golden index's filter.
        #expect(Hashing.fnv1a32(Array("".utf8)) == 0x811C_9DC5)
        #expect(Hashing.fnv1a32(Array("a".utf8)) == 0xE40C_292C)
        #expect(Hashing.mix32(0) == 0)
        #expect(Hashing.mix32(1) == 0x514E_28B7)
        let copy = BloomFilter(bytes: filter.bytes, hashCount: filter.hashCount)
        #expect(copy == filter)
    }

    @Test("JSON: escaping, key order, decimals")
    func json() throws {
        let value = JSONValue.object([
            ("z", .string("\"\\\n\r\t\u{1}\u{2028}ä🤖</script>")),
            ("a", .array([.null, .bool(true), .integer(-3), .decimal(1.5), .decimal(2), .decimal(0.12345)])),
        ])
        #expect(value.serialized == #"{"z":"\"\\\n\r\t\u0001\u2028ä🤖</script>","a":[null,true,-3,1.5,2,0.123]}"#)
        let parsed = try JSONSerialization.jsonObject(with: Data(value.bytes)) as? [String: Any]
        #expect(parsed?["z"] as? String == "\"\\\n\r\t\u{1}\u{2028}ä🤖</script>")
    }

    @Test("display texts: white space collapsed, NFC, excerpt cut at a word boundary")
    func displayText() {
        #expect(DisplayText.clean("  Bu\u{308}rger \n\t service  ") == "Bürger service")
        let body = "Erster Satz hier. Zweiter Satz folgt danach und ist länger als gedacht."
        let excerpt = DisplayText.excerptSource(body, length: 30)
        #expect(excerpt == "Erster Satz hier. Zweiter Satz …")
        #expect(DisplayText.excerptSource("Kurz.", length: 30) == "Kurz.")
        #expect(DisplayText.excerptSource(String(repeating: "a", count: 50), length: 10) == "aaaaaaaaaa …")
    }
}
