import Foundation

/// Every distinct normalised word of a corpus, analysed once, and found by its UTF-8 bytes without making a
/// string per lookup (an open-addressing hash table over a byte arena).
struct WordTable {
    /// What the indexer needs to know about a word.
    struct Entry {
        var text: String
        var stem: String
        var isStopWord: Bool
        /// Whether the word's stem may serve as a compound part: no stop word, no digits, ≥ 3 letters.
        var isCompoundPartCandidate: Bool
    }

    /// The words, by number.
    private(set) var entries: [Entry] = []
    /// Whether each word is a stop word (kept apart from ``entries`` for the indexer's inner loop).
    private(set) var isStopWord: [Bool] = []
    private var arena: [UInt8] = []
    /// Where each word's bytes are in the arena.
    private var spans: [(start: Int, count: Int)] = []
    /// Per slot: the upper 32 bits of the word's hash, then its number + 1 (0 = empty). The capacity is a
    /// power of two, at most half full.
    private var slots = [UInt64](repeating: 0, count: 1 << 12)

    /// A small direct-mapped cache for words of up to 8 bytes (most frequent words are short): their bytes
    /// packed into an integer, with the length, and their number + 1 (0 = empty).
    private var shortWords = [(packed: UInt64, length: Int, id: Int)](repeating: (0, 0, 0), count: 1 << 10)

    init() {}

    /// A table of words analysed before, numbered in the order given (see ``SearchCorpus``); nil when a word
    /// occurs twice.
    init?(analysed: [Entry]) {
        for entry in analysed {
            let bytes = Array(entry.text.utf8)
            let id = bytes.withUnsafeBufferPointer { lookUp($0, analysed: entry) }
            guard id == entries.count - 1 else { return nil }
        }
    }

    /// The number of the word with these bytes, adding it first if it is new.
    mutating func id(for bytes: UnsafeBufferPointer<UInt8>) -> Int {
        guard bytes.count <= 8 else { return lookUp(bytes) }
        var packed: UInt64 = 0
        for (index, byte) in bytes.enumerated() { packed |= UInt64(byte) << (index * 8) }
        let slot = Int(truncatingIfNeeded: ((packed ^ UInt64(bytes.count)) &* 0x9E37_79B9_7F4A_7C15) >> 54)
        let cached = shortWords[slot]
        if cached.id > 0, cached.packed == packed, cached.length == bytes.count { return cached.id - 1 }
        let id = lookUp(bytes)
        shortWords[slot] = (packed, bytes.count, id + 1)
        return id
    }

    /// Finds or adds a word in the hash table; a new word takes `analysed` if given, else it is analysed.
    private mutating func lookUp(_ bytes: UnsafeBufferPointer<UInt8>, analysed: Entry? = nil) -> Int {
        let hash = Hashing.fnv1a64(bytes)
        let tag = hash & 0xFFFF_FFFF_0000_0000
        let mask = slots.count - 1
        var slot = Int(truncatingIfNeeded: hash) & mask
        while true {
            let occupant = slots[slot]
            if occupant == 0 { break }
            if occupant & 0xFFFF_FFFF_0000_0000 == tag {
                let word = Int(occupant & 0xFFFF_FFFF) - 1
                if matches(word, bytes) { return word }
            }
            slot = (slot + 1) & mask
        }
        let id = entries.count
        slots[slot] = tag | UInt64(id + 1)
        spans.append((arena.count, bytes.count))
        arena.append(contentsOf: bytes)
        let entry = analysed ?? Self.analyse(String(decoding: bytes, as: UTF8.self))
        entries.append(entry)
        isStopWord.append(entry.isStopWord)
        if entries.count * 2 > slots.count { grow() }
        return id
    }

    private func matches(_ word: Int, _ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        let span = spans[word]
        guard span.count == bytes.count else { return false }
        return arena.withUnsafeBufferPointer { stored in
            guard let storedBase = stored.baseAddress, let base = bytes.baseAddress else { return bytes.isEmpty }
            return memcmp(storedBase + span.start, base, bytes.count) == 0
        }
    }

    private mutating func grow() {
        let old = slots
        slots = [UInt64](repeating: 0, count: slots.count * 2)
        let mask = slots.count - 1
        for occupant in old where occupant != 0 {
            let word = Int(occupant & 0xFFFF_FFFF) - 1
            let span = spans[word]
            let hash = arena.withUnsafeBufferPointer { stored in
                Hashing.fnv1a64(UnsafeBufferPointer(rebasing: stored[span.start..<(span.start + span.count)]))
            }
            var slot = Int(truncatingIfNeeded: hash) & mask
            while slots[slot] != 0 { slot = (slot + 1) & mask }
            slots[slot] = occupant
        }
    }

    private static func analyse(_ text: String) -> Entry {
        let isStopWord = GermanAnalyzer.isStopWord(text)
        let stem = GermanStemmer.stem(text)
        let hasDigits = text.unicodeScalars.contains { scalar in
            switch scalar.properties.generalCategory {
            case .decimalNumber, .letterNumber, .otherNumber: return true
            default: return false
            }
        }
        let candidate = !isStopWord && !hasDigits && stem.unicodeScalars.count >= CompoundSplitter.minimumPartLength
        return Entry(text: text, stem: stem, isStopWord: isStopWord, isCompoundPartCandidate: candidate)
    }
}
