/// A fast 128-bit fingerprint of bytes, for recognising unchanged inputs and outputs between builds.
///
/// Not cryptographic: it protects against accidental equality (edits), not against crafted collisions, which is
/// what a build cache needs. Two independent 64-bit lanes make an accidental collision practically impossible.
struct ContentHash: Sendable, Hashable {
    private var lane1: UInt64 = 0x9E37_79B9_7F4A_7C15
    private var lane2: UInt64 = 0xC2B2_AE3D_27D4_EB4F
    private var length: UInt64 = 0

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
        mix(number)
        length &+= 8
    }

    /// Feeds raw bytes, eight at a time.
    mutating func add(_ buffer: UnsafeRawBufferPointer) {
        let count = buffer.count
        var offset = 0
        while offset + 8 <= count {
            mix(UInt64(littleEndian: buffer.loadUnaligned(fromByteOffset: offset, as: UInt64.self)))
            offset += 8
        }
        if offset < count {
            var tail: UInt64 = 0
            for index in offset..<count { tail |= UInt64(buffer[index]) << (8 * UInt64(index - offset)) }
            mix(tail ^ 0xFF00_0000_0000_0000)
        }
        length &+= UInt64(count)
    }

    /// The fingerprint so far as 32 hexadecimal digits.
    var hex: String {
        let first = Self.finalize(lane1 ^ length), second = Self.finalize(lane2 &+ length &* 0x9E37_79B9_7F4A_7C15)
        let text = String(first, radix: 16) + ":" + String(second, radix: 16)
        return text
    }

    private mutating func mix(_ word: UInt64) {
        lane1 = ((lane1 ^ word) &* 0x87C3_7B91_1142_53D5)
        lane1 = (lane1 << 31) | (lane1 >> 33)
        lane2 = ((lane2 &+ word) &* 0x4CF5_AD43_2745_937F)
        lane2 = (lane2 << 27) | (lane2 >> 37)
        lane2 ^= lane1
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
