/// A fast 128-bit fingerprint of bytes, for recognising unchanged inputs and outputs between builds.
///
/// Not cryptographic: it protects against accidental equality (edits), not against crafted collisions, which is
/// what a build cache needs. Four independent 64-bit lanes (xxHash64's round) take 32 bytes at a time, so the
/// processor works on them side by side: the `fingerprint` phase of a 10,000-article text edit (63 MB of content
/// hashed) took 0.024–0.036 s instead of 0.056–0.076 s with two lanes that waited on each other (BENCHMARKS.md,
/// "session 10").
struct ContentHash: Sendable, Hashable {
    private var lane1: UInt64 = 0x9E37_79B9_7F4A_7C15
    private var lane2: UInt64 = 0xC2B2_AE3D_27D4_EB4F
    private var lane3: UInt64 = 0x1656_67B1_9E37_79F9
    private var lane4: UInt64 = 0x85EB_CA77_C2B2_AE63
    private var length: UInt64 = 0

    private static let prime1: UInt64 = 0x9E37_79B1_85EB_CA87
    private static let prime2: UInt64 = 0xC2B2_AE3D_27D4_EB4F

    init() {}

    /// The fingerprint of `bytes` alone.
    static func of(_ bytes: [UInt8]) -> String {
        var hash = ContentHash()
        hash.add(bytes)
        return hash.hex
    }

    /// Feeds bytes into the fingerprint.
    mutating func add(_ bytes: [UInt8]) {
        bytes.withUnsafeBytes { add($0) }
    }

    /// Feeds a string's UTF-8 bytes, followed by a separator so that "ab"+"c" differs from "a"+"bc".
    mutating func add(_ text: String) {
        var text = text
        text.withUTF8 { add(UnsafeRawBufferPointer($0)) }
        add(UInt64(text.utf8.count))
    }

    /// Feeds a number.
    mutating func add(_ number: UInt64) {
        lane1 = Self.round(lane1, number)
        length &+= 8
    }

    /// Feeds raw bytes: 32 at a time into the four lanes, then eight at a time into the first, then the rest.
    mutating func add(_ buffer: UnsafeRawBufferPointer) {
        let count = buffer.count
        var offset = 0
        func word(_ at: Int) -> UInt64 { UInt64(littleEndian: buffer.loadUnaligned(fromByteOffset: at, as: UInt64.self)) }
        var (first, second, third, fourth) = (lane1, lane2, lane3, lane4)
        while offset + 32 <= count {
            first = Self.round(first, word(offset))
            second = Self.round(second, word(offset + 8))
            third = Self.round(third, word(offset + 16))
            fourth = Self.round(fourth, word(offset + 24))
            offset += 32
        }
        while offset + 8 <= count {
            first = Self.round(first, word(offset))
            offset += 8
        }
        if offset < count {
            var tail: UInt64 = 0
            for index in offset..<count { tail |= UInt64(buffer[index]) << (8 * UInt64(index - offset)) }
            first = Self.round(first, tail ^ 0xFF00_0000_0000_0000)
        }
        (lane1, lane2, lane3, lane4) = (first, second, third, fourth)
        length &+= UInt64(count)
    }

    /// The fingerprint so far as two 64-bit halves in hexadecimal: each half mixes all four lanes and the length,
    /// in different ways.
    var hex: String {
        let combined = Self.rotate(lane1, 1) &+ Self.rotate(lane2, 7) &+ Self.rotate(lane3, 12) &+ Self.rotate(lane4, 18)
        let first = Self.finalize(combined ^ length)
        let second = Self.finalize(
            (lane1 &* Self.prime2) ^ Self.rotate(lane2 &* Self.prime1, 29) ^ Self.rotate(lane3, 41) ^ (lane4 &+ length &* Self.prime1))
        return String(first, radix: 16) + ":" + String(second, radix: 16)
    }

    /// xxHash64's round: every input bit reaches the lane's high bits through the multiplications.
    private static func round(_ lane: UInt64, _ word: UInt64) -> UInt64 {
        rotate(lane &+ word &* prime2, 31) &* prime1
    }

    private static func rotate(_ value: UInt64, _ count: UInt64) -> UInt64 {
        (value << count) | (value >> (64 - count))
    }

    /// MurmurHash3's 64-bit finaliser: every input bit affects every output bit.
    private static func finalize(_ value: UInt64) -> UInt64 {
        var value = value
        value ^= value >> 33
        value &*= 0xFF51_AFD7_ED55_8CCD
        value ^= value >> 33
        value &*= 0xC4CE_B9FE_1A85_EC53
        value ^= value >> 33
        return value
    }
}
