/// Splits German compounds into stems the site's own vocabulary knows: "Bauanträge" → bau + antrag,
/// "Gesichtserkennung" → gesicht + erkenn.
///
/// Works in the stem alphabet. Every part but the last must be a known stem, optionally followed by a linking
/// element (s, es, n, en, e, er, ens); the last part is stemmed and its stem must be known. Parts are at least
/// ``minimumPartLength`` long. Among all splits the one with the fewest parts wins, then the one whose shortest
/// part is longest, then longer earlier parts, then the smaller keys, so the result is deterministic.
/// Identical to `splitCompound` in `templates/static/js/search/analysis.js` (which asks the index's vocabulary
/// filter instead of a set).
struct CompoundSplitter {
    /// Shortest compound part, in the stem alphabet.
    static let minimumPartLength = 3

    /// Linking elements (Fugenelemente) allowed between parts; the empty one means none.
    static let linkingElements: [[UInt8]] = ["", "e", "en", "ens", "er", "es", "n", "s"].map { Array($0.utf8) }

    /// Whether a stem-alphabet string is a stem of the vocabulary.
    let isKnownStem: (String) -> Bool

    /// Stems of candidate last parts, remembered across words (many compounds share their last part).
    private var stemCache: [String: String] = [:]

    init(isKnownStem: @escaping (String) -> Bool) {
        self.isKnownStem = isKnownStem
    }

    /// A part of a split: its index key and its length in the compound.
    fileprivate struct Part {
        var key: String
        var length: Int
    }

    /// Returns the index keys of the parts of a normalised word, or an empty array if it is no known compound.
    mutating func split(_ word: String) -> [String] {
        if word.unicodeScalars.contains(where: Self.isNumber) { return [] }
        let letters = GermanStemmer.stemAlphabet(word)
        guard letters.unicodeScalars.count >= 2 * Self.minimumPartLength else { return [] }
        var search = Search(letters: letters, isKnownStem: isKnownStem, stemCache: stemCache)
        stemCache = [:]  // the search holds the only reference now, so it grows the cache in place
        let best = search.bestSplit(from: 0, mayBeWhole: false)
        stemCache = search.stemCache
        guard let best else { return [] }
        var keys: [String] = []
        for part in best where !keys.contains(part.key) {
            keys.append(part.key)
        }
        return keys
    }

    private static func isNumber(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.properties.generalCategory {
        case .decimalNumber, .letterNumber, .otherNumber: return true
        default: return false
        }
    }

    /// The memoised search over split points of one word.
    private struct Search {
        /// The word in the stem alphabet, as UTF-8, and where each of its code points starts (plus the end).
        let bytes: [UInt8]
        let offsets: [Int]
        let isKnownStem: (String) -> Bool
        var stemCache: [String: String]
        var memo: [Int: [Part]?] = [:]

        init(letters: String, isKnownStem: @escaping (String) -> Bool, stemCache: [String: String]) {
            let utf8 = Array(letters.utf8)
            bytes = utf8
            offsets = utf8.indices.filter { utf8[$0] & 0xC0 != 0x80 } + [utf8.count]
            self.isKnownStem = isKnownStem
            self.stemCache = stemCache
        }

        /// The number of code points.
        var length: Int { offsets.count - 1 }

        private func slice(_ start: Int, _ end: Int) -> String {
            String(decoding: bytes[offsets[start]..<offsets[end]], as: UTF8.self)
        }

        private func matches(_ link: [UInt8], at start: Int) -> Bool {
            let from = offsets[start]
            guard from + link.count <= bytes.count else { return false }
            for offset in 0..<link.count where bytes[from + offset] != link[offset] {
                return false
            }
            return true
        }

        private mutating func stem(_ text: String) -> String {
            if let known = stemCache[text] { return known }
            let stem = GermanStemmer.stem(text)
            stemCache[text] = stem
            return stem
        }

        /// The best split of the letters from `start` into parts whose last one is a head; nil if there is none.
        mutating func bestSplit(from start: Int, mayBeWhole: Bool) -> [Part]? {
            let memoKey = start * 2 + (mayBeWhole ? 1 : 0)
            if let known = memo[memoKey] { return known }
            let minimum = CompoundSplitter.minimumPartLength
            var best: [Part]?
            if mayBeWhole, length - start >= minimum {
                let key = stem(slice(start, length))
                if key.unicodeScalars.count >= minimum, isKnownStem(key) {
                    best = [Part(key: key, length: length - start)]
                }
            }
            if start + minimum <= length - minimum {
                for end in (start + minimum)...(length - minimum) {
                    let part = slice(start, end)
                    guard isKnownStem(part) else { continue }
                    for link in CompoundSplitter.linkingElements {
                        // Linking elements are ASCII, so their byte count is their length in code points.
                        let next = end + link.count
                        guard next <= length - minimum, matches(link, at: end) else { continue }
                        guard let rest = bestSplit(from: next, mayBeWhole: true) else { continue }
                        let candidate = [Part(key: part, length: end - start)] + rest
                        if let current = best, !Self.isBetter(candidate, than: current) { continue }
                        best = candidate
                    }
                }
            }
            memo[memoKey] = .some(best)
            return best
        }

        private static func isBetter(_ candidate: [Part], than best: [Part]) -> Bool {
            if candidate.count != best.count { return candidate.count < best.count }
            let shortestCandidate = candidate.map(\.length).min() ?? 0
            let shortestBest = best.map(\.length).min() ?? 0
            if shortestCandidate != shortestBest { return shortestCandidate > shortestBest }
            for (left, right) in zip(candidate, best) where left.length != right.length {
                return left.length > right.length
            }
            for (left, right) in zip(candidate, best) where left.key != right.key {
                return left.key.unicodeScalars.lexicographicallyPrecedes(right.key.unicodeScalars)
            }
            return false
        }
    }
}
