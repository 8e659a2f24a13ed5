/// The small, portable hash functions of the index formats (the JavaScript engine computes the same ones).
enum Hashing {
    /// 32-bit FNV-1a of some bytes.
    static func fnv1a32<Bytes: Sequence>(_ bytes: Bytes) -> UInt32 where Bytes.Element == UInt8 {
        var hash: UInt32 = 0x811C_9DC5
        for byte in bytes {
            hash ^= UInt32(byte)
            hash = hash &* 0x0100_0193
        }
        return hash
    }

    /// MurmurHash3's 32-bit finaliser: spreads the bits of a hash.
    static func mix32(_ value: UInt32) -> UInt32 {
        var hash = value
        hash ^= hash >> 16
        hash = hash &* 0x85EB_CA6B
        hash ^= hash >> 13
        hash = hash &* 0xC2B2_AE35
        hash ^= hash >> 16
        return hash
    }

    /// 64-bit FNV-1a, continued from `hash` (to hash several byte sequences in a row).
    static func fnv1a64<Bytes: Sequence>(_ bytes: Bytes, continuing hash: UInt64 = 0xCBF2_9CE4_8422_2325) -> UInt64
    where Bytes.Element == UInt8 {
        var hash = hash
        for byte in bytes {
            hash ^= UInt64(byte)
            hash = hash &* 0x0000_0100_0000_01B3
        }
        return hash
    }
}
