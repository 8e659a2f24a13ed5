import Foundation
import PortalModel
import Testing

/// The build cache's binary coding: every value kind round-trips, keys are found in any order, damage and
/// cancellation throw instead of crashing.
@Suite struct SnapshotCodingTests {
    struct Numbers: Codable, Equatable {
        var int: Int, int8: Int8, int16: Int16, int32: Int32, int64: Int64
        var uint: UInt, uint8: UInt8, uint16: UInt16, uint32: UInt32, uint64: UInt64
        var double: Double, float: Float, flag: Bool
    }

    struct Sample: Codable, Equatable {
        var title: String
        var numbers: Numbers
        var missing: String?
        var present: Int?
        var tags: Set<String>
        var byPath: [String: [Int]]
        var nested: [Sample]
    }

    /// Decodes its keys in the reverse of the order they were written in.
    struct Reversed: Codable, Equatable {
        var first: String, second: Int, third: Bool

        enum CodingKeys: String, CodingKey { case first, second, third }

        init(first: String, second: Int, third: Bool) {
            (self.first, self.second, self.third) = (first, second, third)
        }

        init(from decoder: any Decoder) throws {
            let container = try decoder.container(keyedBy: CodingKeys.self)
            third = try container.decode(Bool.self, forKey: .third)
            second = try container.decode(Int.self, forKey: .second)
            first = try container.decode(String.self, forKey: .first)
        }
    }

    static let numbers = Numbers(
        int: -5, int8: -128, int16: -32_768, int32: .min, int64: .min, uint: .max, uint8: 255, uint16: .max, uint32: .max,
        uint64: .max, double: -0.125, float: 1.5, flag: true)

    static let sample = Sample(
        title: "Bürger\u{2028}\"KI\"", numbers: numbers, missing: nil, present: 7, tags: ["a", "ä", ""],
        byPath: ["x/y.md": [1, 2], "": []],
        nested: [Sample(title: "", numbers: numbers, missing: "da", present: nil, tags: [], byPath: [:], nested: [])])

    @Test func everyKindOfValueRoundTrips() throws {
        let bytes = try SnapshotEncoder().encode(Self.sample)
        #expect(try SnapshotDecoder().decode(Sample.self, from: bytes) == Self.sample)
        let reversed = Reversed(first: "eins", second: 2, third: true)
        #expect(try SnapshotDecoder().decode(Reversed.self, from: try SnapshotEncoder().encode(reversed)) == reversed)
    }

    @Test func damagedBytesThrow() throws {
        let bytes = try SnapshotEncoder().encode(Self.sample)
        for length in stride(from: 0, to: bytes.count, by: 7) {
            #expect(throws: (any Error).self) { try SnapshotDecoder().decode(Sample.self, from: Array(bytes.prefix(length))) }
        }
        #expect(throws: (any Error).self) { try SnapshotDecoder().decode(Sample.self, from: bytes + [0]) }
    }

    /// Values stored one after another decode from their own ranges, exactly: a range one byte short or long throws.
    @Test func valuesDecodeFromTheirRanges() throws {
        let first = try SnapshotEncoder().encode(Self.sample), second = try SnapshotEncoder().encode(["eins", "zwei"])
        let bytes = [0xAB] + first + second
        let firstRange = 1..<1 + first.count, secondRange = firstRange.upperBound..<bytes.count
        #expect(try SnapshotDecoder().decode(Sample.self, from: bytes, in: firstRange) == Self.sample)
        #expect(try SnapshotDecoder().decode([String].self, from: bytes, in: secondRange) == ["eins", "zwei"])
        #expect(throws: (any Error).self) { try SnapshotDecoder().decode(Sample.self, from: bytes, in: 1..<firstRange.upperBound - 1) }
        #expect(throws: (any Error).self) { try SnapshotDecoder().decode(Sample.self, from: bytes, in: 1..<firstRange.upperBound + 1) }
        #expect(throws: (any Error).self) { try SnapshotDecoder().decode([String].self, from: bytes, in: secondRange.lowerBound..<bytes.count + 1) }
    }

    @Test func aCancelledDecodingThrows() throws {
        let bytes = try SnapshotEncoder().encode(Self.sample)
        #expect(throws: SnapshotDecoder.Failure.self) { try SnapshotDecoder(isCancelled: { true }).decode(Sample.self, from: bytes) }
        #expect(try SnapshotDecoder(isCancelled: { false }).decode(Sample.self, from: bytes) == Self.sample)
    }
}
