import Foundation
import PortalTestSupport
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

    /// A JSON string literal written one scalar at a time, by the rules `JSONValue` writes on bytes.
    private static func scalarLiteral(_ text: String) -> String {
        var output = "\""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\"": output += "\\\""
            case "\\": output += "\\\\"
            case "\n": output += "\\n"
            case "\r": output += "\\r"
            case "\t": output += "\\t"
            case _ where scalar.value < 0x20 || scalar.value == 0x2028 || scalar.value == 0x2029:
                let hex = String(scalar.value, radix: 16)
                output += "\\u" + String(repeating: "0", count: 4 - hex.count) + hex
            default: output.unicodeScalars.append(scalar)
            }
        }
        return output + "\""
    }

    @Test("JSON strings: runs of bytes written as a scalar loop writes them", arguments: [1, 2, 3] as [UInt64])
    func jsonStringRuns(seed: UInt64) throws {
        let pieces = ["a", "ä", "a\u{308}", "\"", "\\", "\n", "\r", "\t", "\u{08}", "\u{0C}", "\u{01}", "\u{1F}", "\u{7F}",
                      "\u{2028}", "\u{2029}", "\u{2027}", "\u{20AC}", "\u{E000}", "🇩🇪", "<a href=\"/x\">", " "]
        var random = SeededGenerator(seed: seed)
        for _ in 0..<500 {
            let text = (0..<Int.random(in: 0...40, using: &random)).map { _ in pieces.randomElement(using: &random)! }.joined()
            let written = JSONValue.string(text).serialized
            #expect(written == Self.scalarLiteral(text), "\(text.unicodeScalars.map { String($0.value, radix: 16) })")
            let parsed = try JSONSerialization.jsonObject(with: Data(written.utf8), options: .fragmentsAllowed) as? String
            #expect(parsed == text)
        }
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
