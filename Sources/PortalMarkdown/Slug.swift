/// German-aware URL slugs: `Künstliche Intelligenz – Überblick` becomes `kuenstliche-intelligenz-ueberblick`.
public enum Slug {
    /// Makes a slug from a text; the result may be empty (for text without letters or digits).
    ///
    /// The text is lowercased; `ä ö ü ß` become `ae oe ue ss`; other Latin letters with diacritics lose them
    /// (`é` → `e`, `ł` → `l`, `æ` → `ae`); other letters and digits (Greek, Cyrillic …) are kept; every run of
    /// anything else becomes a single `-`, and the slug never starts or ends with `-`.
    public static func make(from text: String) -> String {
        var slug = ""
        slug.reserveCapacity(text.utf8.count)
        var separatorPending = false
        for character in text.lowercased() {
            let replacement: String
            if let ascii = character.asciiValue {
                let isAlphanumeric = (ascii >= 0x61 && ascii <= 0x7A) || (ascii >= 0x30 && ascii <= 0x39)
                guard isAlphanumeric else {
                    separatorPending = true
                    continue
                }
                replacement = String(character)
            } else if let folded = foldedLetters[character] {
                replacement = folded
            } else if character.isLetter || character.isNumber {
                replacement = String(character)
            } else {
                separatorPending = true
                continue
            }
            if separatorPending && !slug.isEmpty {
                slug.append("-")
            }
            separatorPending = false
            slug.append(replacement)
        }
        return slug
    }

    /// Lowercase letters spelled out in ASCII: German transcription first, then Latin letters without diacritics.
    private static let foldedLetters: [Character: String] = {
        var table: [Character: String] = ["ä": "ae", "ö": "oe", "ü": "ue", "ß": "ss"]
        let groups: [(String, String)] = [
            ("àáâãåāăą", "a"), ("æ", "ae"), ("çćĉċč", "c"), ("ďđð", "d"), ("èéêëēĕėęě", "e"),
            ("ĝğġģ", "g"), ("ĥħ", "h"), ("ìíîïĩīĭįı", "i"), ("ĳ", "ij"), ("ĵ", "j"), ("ķ", "k"),
            ("ĺļľŀł", "l"), ("ñńņňŉ", "n"), ("òóôõøōŏő", "o"), ("œ", "oe"), ("ŕŗř", "r"),
            ("śŝşšș", "s"), ("ţťŧț", "t"), ("ùúûũūŭůűų", "u"), ("ŵ", "w"), ("ýÿŷ", "y"),
            ("źżž", "z"), ("þ", "th"),
        ]
        for (letters, ascii) in groups {
            for letter in letters {
                table[letter] = ascii
            }
        }
        return table
    }()
}
