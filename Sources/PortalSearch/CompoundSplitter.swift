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
    static let linkingElements: [[Unicode.Scalar]] = ["", "e", "en", "ens", "er", "es", "n", "s"]
        .map { Array($0.unicodeScalars) }

    /// Whether a stem-alphabet string is a stem of the vocabulary.
    let isKnownStem: (String) -> Bool

    /// A part of a split: its index key and its length in the compound.
    private struct Part {
        var key: String
        var length: Int
    }

    /// Returns the index keys of the parts of a normalised word, or an empty array if it is no known compound.
    func split(_ word: String) -> [String] {
        if word.unicodeScalars.contains(where: Self.isNumber) { return [] }
        let letters = Array(GermanStemmer.stemAlphabet(word).unicodeScalars)
        guard letters.count >= 2 * Self.minimumPartLength else { return [] }
        var search = Search(letters: letters, isKnownStem: isKnownStem)
        guard let best = search.bestSplit(from: 0, mayBeWhole: false) else { return [] }
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
        let letters: [Unicode.Scalar]
        let isKnownStem: (String) -> Bool
        var memo: [Int: [Part]?] = [:]

        init(letters: [Unicode.Scalar], isKnownStem: @escaping (String) -> Bool) {
            self.letters = letters
            self.isKnownStem = isKnownStem
        }

        private func slice(_ start: Int, _ end: Int) -> String {
            String(String.UnicodeScalarView(letters[start..<end]))
        }

        private func matches(_ link: [Unicode.Scalar], at start: Int) -> Bool {
            guard start + link.count <= letters.count else { return false }
            for offset in 0..<link.count where letters[start + offset] != link[offset] {
                return false
            }
            return true
        }

        /// The best split of `letters[start...]` into parts whose last one is a head; nil if there is none.
        mutating func bestSplit(from start: Int, mayBeWhole: Bool) -> [Part]? {
            let memoKey = start * 2 + (mayBeWhole ? 1 : 0)
            if let known = memo[memoKey] { return known }
            let minimum = CompoundSplitter.minimumPartLength
            let length = letters.count
            var best: [Part]?
            if mayBeWhole, length - start >= minimum {
                let key = GermanStemmer.stem(slice(start, length))
                if key.unicodeScalars.count >= minimum, isKnownStem(key) {
                    best = [Part(key: key, length: length - start)]
                }
            }
            if start + minimum <= length - minimum {
                for end in (start + minimum)...(length - minimum) {
                    let part = slice(start, end)
                    guard isKnownStem(part) else { continue }
                    for link in CompoundSplitter.linkingElements {
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
