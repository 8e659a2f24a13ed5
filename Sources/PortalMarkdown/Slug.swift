/// German-aware URL slugs: `Künstliche Intelligenz – Überblick` becomes `kuenstliche-intelligenz-ueberblick`.
public enum Slug {
    /// Makes a slug from a text; the result may be empty (for text without letters or digits).
    ///
    /// The text is lowercased; `ä ö ü ß` become `ae oe ue ss` (also when written decomposed, as `u` plus a
    /// combining diaeresis); other Latin letters lose their diacritics (`é` → `e`, `ł` → `l`, `æ` → `ae`); other
    /// letters and digits (Greek, Cyrillic …) are kept; every run of anything else becomes a single `-`, and the
    /// slug never starts or ends with `-`.
    public static func make(from text: String) -> String {
        var builder = Builder()
        for scalar in text.unicodeScalars {
            switch scalar.value {
            case 0x30...0x39, 0x61...0x7A:
                builder.append(scalar)
            case 0x41...0x5A:
                builder.append(Unicode.Scalar(UInt8(scalar.value) | 0x20))
            case 0...0x7F:
                builder.separate()
            default:
                builder.appendNonASCII(scalar)
            }
        }
        return builder.slug
    }

    /// Collects the slug, turning runs of separators into one `-` between slug text.
    private struct Builder {
        private(set) var slug = ""
        private var separatorPending = false

        /// Notes a separator; it becomes a `-` only if more slug text follows.
        mutating func separate() {
            separatorPending = true
        }

        /// Appends one scalar of slug text.
        mutating func append(_ scalar: Unicode.Scalar) {
            startPiece()
            slug.unicodeScalars.append(scalar)
        }

        /// Appends slug text.
        mutating func append(_ text: String) {
            startPiece()
            slug.append(text)
        }

        /// Folds, keeps, drops (combining marks) or separates at a non-ASCII scalar.
        mutating func appendNonASCII(_ scalar: Unicode.Scalar) {
            switch scalar.properties.generalCategory {
            case .nonspacingMark, .spacingMark, .enclosingMark:
                // A combining diaeresis turns a preceding a/o/u into ae/oe/ue; other marks vanish (é → e).
                if scalar == "\u{0308}", !separatorPending, let last = slug.unicodeScalars.last,
                   last == "a" || last == "o" || last == "u" {
                    slug.append("e")
                }
                return
            default:
                break
            }
            for lowercase in scalar.properties.lowercaseMapping.unicodeScalars {
                if let folded = foldedLetters[lowercase] {
                    append(folded)
                } else if lowercase.properties.isAlphabetic || lowercase.properties.numericType != nil {
                    append(lowercase)
                } else {
                    separate()
                }
            }
        }

        /// Writes the pending `-` if slug text came before.
        private mutating func startPiece() {
            if separatorPending && !slug.isEmpty {
                slug.append("-")
            }
            separatorPending = false
        }
    }

    /// Lowercase letters spelled out in ASCII: German transcription first, then Latin letters without diacritics.
    private static let foldedLetters: [Unicode.Scalar: String] = {
        var table: [Unicode.Scalar: String] = ["ä": "ae", "ö": "oe", "ü": "ue", "ß": "ss"]
        let groups: [(String, String)] = [
            ("àáâãåāăą", "a"), ("æ", "ae"), ("çćĉċč", "c"), ("ďđð", "d"), ("èéêëēĕėęě", "e"),
            ("ĝğġģ", "g"), ("ĥħ", "h"), ("ìíîïĩīĭįı", "i"), ("ĳ", "ij"), ("ĵ", "j"), ("ķ", "k"),
            ("ĺļľŀł", "l"), ("ñńņňŉ", "n"), ("òóôõøōŏő", "o"), ("œ", "oe"), ("ŕŗř", "r"),
            ("śŝşšș", "s"), ("ţťŧț", "t"), ("ùúûũūŭůűų", "u"), ("ŵ", "w"), ("ýÿŷ", "y"),
            ("źżž", "z"), ("þ", "th"),
        ]
        for (letters, ascii) in groups {
            for letter in letters.unicodeScalars {
                table[letter] = ascii
            }
        }
        return table
    }()
}
