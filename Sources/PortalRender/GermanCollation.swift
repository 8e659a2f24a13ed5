import Foundation

/// Sorts words the way German dictionaries do (DIN 5007-1): umlauts with their base letter (Ä with A),
/// ß as ss, accents ignored, case ignored until everything else is equal.
enum GermanCollation {
    /// The key words are compared by.
    static func key(_ text: String) -> String {
        let lowercased = text.lowercased()
        // ASCII text is its own key once lowercased (the loop below appends ASCII characters as they are).
        if lowercased.utf8.allSatisfy({ $0 < 0x80 }) { return lowercased }
        var key = ""
        key.reserveCapacity(text.utf8.count)
        for character in lowercased {
            // Looked up by scalar value: comparing a Character with letter literals is a full Unicode comparison
            // each time (a tenth of the A–Z page). Decomposed letters (a + U+0308) are composed first.
            if character.isASCII {
                key.append(character)
                continue
            }
            var scalars = Array(character.unicodeScalars)
            if scalars.count > 1 { scalars = Array(String(character).precomposedStringWithCanonicalMapping.unicodeScalars) }
            if scalars.count == 1, let folded = Self.foldedScalars[scalars[0].value] {
                key += folded
            } else {
                key.append(character)
            }
        }
        return key
    }

    /// The letters `key` folds, by the Unicode scalar value of their precomposed form.
    private static let foldedScalars: [UInt32: String] = {
        var table: [UInt32: String] = [:]
        let groups: [(String, String)] = [
            ("äàáâãåā", "a"), ("öòóôõøō", "o"), ("üùúûū", "u"), ("èéêëē", "e"), ("ìíîï", "i"), ("çč", "c"), ("ñ", "n"),
            ("š", "s"), ("ž", "z"), ("ßẞ", "ss"), ("æ", "ae"), ("œ", "oe"),
        ]
        for (letters, folded) in groups {
            for scalar in letters.unicodeScalars { table[scalar.value] = folded }
        }
        return table
    }()

    /// The elements sorted by a text, computing each sort key once. The positions are sorted, not the elements,
    /// which may be large (5,000 measures: 35 ms moving them while sorting).
    static func sorted<Element>(_ elements: [Element], by text: (Element) -> String) -> [Element] {
        let texts = elements.map(text)
        let keys = texts.map(key)
        return elements.indices.sorted { lhs, rhs in
            if keys[lhs] != keys[rhs] { return keys[lhs] < keys[rhs] }
            if texts[lhs] != texts[rhs] { return texts[lhs] < texts[rhs] }
            return lhs < rhs
        }.map { elements[$0] }
    }

    /// Whether `lhs` sorts before `rhs`.
    static func precedes(_ lhs: String, _ rhs: String) -> Bool {
        let left = key(lhs), right = key(rhs)
        if left != right { return left < right }
        return lhs < rhs
    }

    /// The letter a word is filed under: A–Z, or `#` for words starting with a digit or sign.
    static func letter(_ text: String) -> String {
        let firstLetter = key(text).first { $0.isLetter || $0.isNumber }
        guard let firstLetter, firstLetter.isASCII, firstLetter.isLetter else { return "#" }
        return firstLetter.uppercased()
    }
}
