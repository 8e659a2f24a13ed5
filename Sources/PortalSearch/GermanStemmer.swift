/// The Snowball German stemmer (current algorithm, which treats "ae", "oe" and "ue" as umlauts).
///
/// Written by hand after the Snowball definition (`german.sbl`, Snowball 3); it must give the same stems as
/// `templates/static/js/search/stemmer.js`, and both are tested against the 35,033 Snowball vectors.
/// Input is one normalised, case-folded word. Stems are written in the *stem alphabet*: ä, ö, ü become a, o, u
/// and ß becomes ss, so spelling variants meet ("Straße"/"Strasse", "Bürger"/"Buerger").
enum GermanStemmer {
    /// Returns the stem of a normalised, case-folded word.
    static func stem(_ word: String) -> String {
        var letters = prelude(Array(word.unicodeScalars))
        let regions = Regions(of: letters)
        removeStandardSuffixes(&letters, regions: regions)
        return postlude(letters)
    }

    /// Converts a word to the stem alphabet without removing suffixes (for prefix matching and stop words).
    static func stemAlphabet(_ word: String) -> String {
        postlude(prelude(Array(word.unicodeScalars)))
    }

    // MARK: - Letter classes

    private static func isVowel(_ letter: Unicode.Scalar) -> Bool {
        switch letter {
        case "a", "e", "i", "o", "u", "y", "ä", "ö", "ü": return true
        default: return false
        }
    }

    private static func isValidSEnding(_ letter: Unicode.Scalar) -> Bool {
        switch letter {
        case "b", "d", "f", "g", "h", "k", "l", "m", "n", "r", "t": return true
        default: return false
        }
    }

    private static func isValidSTEnding(_ letter: Unicode.Scalar) -> Bool {
        letter != "r" && isValidSEnding(letter)
    }

    private static func isValidETEnding(_ letter: Unicode.Scalar) -> Bool {
        switch letter {
        case "d", "f", "g", "k", "l", "m", "n", "r", "s", "t", "U", "z", "ä": return true
        default: return false
        }
    }

    // Longest first, so the first suffix found is the longest one, as Snowball's `among` requires.
    private static let step1Suffixes = suffixes("erinnen", "erin", "ern", "lns", "em", "er", "en", "es", "ln", "e", "s")
    private static let step2Suffixes = suffixes("est", "en", "er", "et", "st")
    private static let step3Suffixes = suffixes("isch", "lich", "heit", "keit", "end", "ung", "ig", "ik")
    private static let etExceptions = suffixes("geordn", "intern", "tick", "plan", "tr")

    private static func suffixes(_ words: String...) -> [[Unicode.Scalar]] {
        words.map { Array($0.unicodeScalars) }
    }

    // MARK: - Steps

    /// Marks u and y between vowels as consonants, then replaces ß by ss and ae, oe, ue (not after q) by umlauts.
    private static func prelude(_ input: [Unicode.Scalar]) -> [Unicode.Scalar] {
        var letters = input
        if letters.count >= 3 {
            for index in 0..<(letters.count - 2) where isVowel(letters[index]) && isVowel(letters[index + 2]) {
                if letters[index + 1] == "u" {
                    letters[index + 1] = "U"
                } else if letters[index + 1] == "y" {
                    letters[index + 1] = "Y"
                }
            }
        }
        var result: [Unicode.Scalar] = []
        result.reserveCapacity(letters.count + 2)
        var index = 0
        while index < letters.count {
            let letter = letters[index]
            let next: Unicode.Scalar? = index + 1 < letters.count ? letters[index + 1] : nil
            if letter == "ß" {
                result.append("s")
                result.append("s")
                index += 1
            } else if next == "e", letter == "a" || letter == "o" || letter == "u" {
                result.append(letter == "a" ? "ä" : letter == "o" ? "ö" : "ü")
                index += 2
            } else if letter == "q", next == "u" {
                result.append("q")
                result.append("u")
                index += 2
            } else {
                result.append(letter)
                index += 1
            }
        }
        return result
    }

    /// R1 and R2: the regions after the first and second vowel–consonant pair; R1 starts at 3 or later.
    private struct Regions {
        var r1: Int
        var r2: Int

        init(of letters: [Unicode.Scalar]) {
            r1 = letters.count
            r2 = letters.count
            guard letters.count >= 3, let p1 = Regions.afterVowelConsonant(letters, from: 0) else { return }
            r1 = max(p1, 3)
            if let p2 = Regions.afterVowelConsonant(letters, from: p1) {
                r2 = p2
            }
        }

        private static func afterVowelConsonant(_ letters: [Unicode.Scalar], from start: Int) -> Int? {
            var cursor = start
            while cursor < letters.count, !GermanStemmer.isVowel(letters[cursor]) { cursor += 1 }
            guard cursor < letters.count else { return nil }
            cursor += 1
            while cursor < letters.count, GermanStemmer.isVowel(letters[cursor]) { cursor += 1 }
            guard cursor < letters.count else { return nil }
            return cursor + 1
        }
    }

    private static func hasSuffix(_ letters: [Unicode.Scalar], _ suffix: [Unicode.Scalar], endingAt end: Int? = nil) -> Bool {
        let end = end ?? letters.count
        let start = end - suffix.count
        guard start >= 0 else { return false }
        for offset in 0..<suffix.count where letters[start + offset] != suffix[offset] {
            return false
        }
        return true
    }

    private static func longestSuffix(_ letters: [Unicode.Scalar], among candidates: [[Unicode.Scalar]]) -> String? {
        candidates.first { hasSuffix(letters, $0) }.map { String(String.UnicodeScalarView($0)) }
    }

    private static func truncate(_ letters: inout [Unicode.Scalar], to length: Int) {
        letters.removeSubrange(length...)
    }

    /// The three suffix-removal steps of the algorithm.
    private static func removeStandardSuffixes(_ letters: inout [Unicode.Scalar], regions: Regions) {
        // Step 1: inflectional endings in R1.
        if let suffix = longestSuffix(letters, among: step1Suffixes) {
            let start = letters.count - suffix.unicodeScalars.count
            if start >= regions.r1 {
                switch suffix {
                case "em":
                    if !hasSuffix(letters, Array("syst".unicodeScalars), endingAt: start) {
                        truncate(&letters, to: start)
                    }
                case "erinnen", "erin", "ern", "er":
                    truncate(&letters, to: start)
                case "e", "en", "es":
                    truncate(&letters, to: start)
                    if hasSuffix(letters, Array("niss".unicodeScalars)) {
                        truncate(&letters, to: letters.count - 1)
                    }
                case "s":
                    if start > 0, isValidSEnding(letters[start - 1]) {
                        truncate(&letters, to: start)
                    }
                default: // "ln", "lns"
                    truncate(&letters, to: start)
                    letters.append("l")
                }
            }
        }

        // Step 2: -en, -er, -est; -st after a valid st-ending preceded by at least three letters; -et after a
        // valid et-ending unless the word ends in one of the exceptions (geordnet, internet, ticket, planet, -tret).
        if let suffix = longestSuffix(letters, among: step2Suffixes) {
            let start = letters.count - suffix.unicodeScalars.count
            if start >= regions.r1 {
                switch suffix {
                case "st":
                    if start >= 4, isValidSTEnding(letters[start - 1]) {
                        truncate(&letters, to: start)
                    }
                case "et":
                    let isException = etExceptions.contains { hasSuffix(letters, $0, endingAt: start) }
                    if start > 0, isValidETEnding(letters[start - 1]), !isException {
                        truncate(&letters, to: start)
                    }
                default:
                    truncate(&letters, to: start)
                }
            }
        }

        // Step 3: derivational endings in R2.
        if let suffix = longestSuffix(letters, among: step3Suffixes) {
            let start = letters.count - suffix.unicodeScalars.count
            if start >= regions.r2 {
                switch suffix {
                case "end", "ung":
                    truncate(&letters, to: start)
                    if hasSuffix(letters, Array("ig".unicodeScalars)), start - 2 >= regions.r2,
                       start < 3 || letters[start - 3] != "e" {
                        truncate(&letters, to: start - 2)
                    }
                case "ig", "ik", "isch":
                    if start == 0 || letters[start - 1] != "e" {
                        truncate(&letters, to: start)
                    }
                case "lich", "heit":
                    truncate(&letters, to: start)
                    let endsInErOrEn = hasSuffix(letters, Array("er".unicodeScalars))
                        || hasSuffix(letters, Array("en".unicodeScalars))
                    if endsInErOrEn, start - 2 >= regions.r1 {
                        truncate(&letters, to: start - 2)
                    }
                default: // "keit"
                    truncate(&letters, to: start)
                    if hasSuffix(letters, Array("lich".unicodeScalars)) {
                        if start - 4 >= regions.r2 { truncate(&letters, to: start - 4) }
                    } else if hasSuffix(letters, Array("ig".unicodeScalars)), start - 2 >= regions.r2 {
                        truncate(&letters, to: start - 2)
                    }
                }
            }
        }
    }

    /// Turns U and Y back into lower case and removes the umlauts' accents.
    private static func postlude(_ letters: [Unicode.Scalar]) -> String {
        var result = String.UnicodeScalarView()
        for letter in letters {
            switch letter {
            case "Y": result.append("y")
            case "U", "ü": result.append("u")
            case "ä": result.append("a")
            case "ö": result.append("o")
            default: result.append(letter)
            }
        }
        return String(result)
    }
}
