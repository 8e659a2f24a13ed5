/// A Bloom filter over the site's vocabulary, shipped with the index so the query side can split compounds.
///
/// Bit `j` is bit `j % 8` of byte `j / 8`. A key (its UTF-8 bytes) sets bits `(h1 + i·h2) mod m` for
/// `i` in `0..<hashCount`, where `h1` is FNV-1a and `h2` is MurmurHash3's finaliser of `h1`, made odd
/// (see `VocabularyFilter` in `engine.js`). False positives only cost the engine a needless shard fetch.
struct BloomFilter: Sendable, Equatable {
    /// The filter's bits.
    private(set) var bytes: [UInt8]
    /// Number of bits (a multiple of 8).
    let bitCount: Int
    /// Bits set per key.
    let hashCount: Int

    /// Creates an empty filter sized for `expectedCount` keys at `bitsPerKey`. The default, 8 bits and 6 hashes
    /// per key, gives about 2 % false positives, which the engine rules out against the term shards.
    init(expectedCount: Int, bitsPerKey: Int = 8, hashCount: Int = 6) {
        let bits = max(64, (expectedCount * bitsPerKey + 7) / 8 * 8)
        self.bitCount = bits
        self.hashCount = hashCount
        self.bytes = [UInt8](repeating: 0, count: bits / 8)
    }

    /// Recreates a filter from its bytes.
    init(bytes: [UInt8], hashCount: Int) {
        self.bytes = bytes
        self.bitCount = bytes.count * 8
        self.hashCount = hashCount
    }

    mutating func insert(_ key: String) {
        for bit in bitPositions(key) {
            bytes[bit >> 3] |= 1 << UInt8(bit & 7)
        }
    }

    /// Whether the key may be in the set (false: certainly not).
    func mayContain(_ key: String) -> Bool {
        bitPositions(key).allSatisfy { bytes[$0 >> 3] & (1 << UInt8($0 & 7)) != 0 }
    }

    private func bitPositions(_ key: String) -> [Int] {
        let first = Hashing.fnv1a32(key.utf8)
        let step = Hashing.mix32(first) | 1
        return (0..<hashCount).map { index in
            Int((first &+ UInt32(index) &* step) % UInt32(bitCount))
        }
    }
}
