import Foundation

/// Text analysis for German search: normalisation, tokens, stop words and stems.
///
/// Identical to `templates/static/js/search/analysis.js` (index time here, query time there);
/// `Tests/Fixtures/search/analysis-cases.json` runs against both.
/// - Normalisation: NFC, full case folding (ß and ẞ → ss), soft hyphen and zero-width characters removed.
/// - Tokens: runs of letters, marks and digits. Words joined by hyphens ("KI-Verordnung") give the joined word
///   ("kiverordnung") followed by its parts ("ki", "verordnung"). Tokens longer than 64 code points are dropped.
/// - Terms: the Snowball stems of the tokens that are not stop words.
enum GermanAnalyzer {
    /// Tokens longer than this many Unicode scalars are not indexed.
    static let maximumTokenLength = 64

    /// Returns the normalised form of `text`: NFC, case-folded, without soft hyphens and zero-width characters.
    static func normalize(_ text: String) -> String {
        var folded = String.UnicodeScalarView()
        for scalar in canonicallyComposed(text).unicodeScalars where !isIgnorable(scalar) {
            CaseFolding.fold(scalar, into: &folded)
        }
        return canonicallyComposed(String(folded))
    }

    /// Returns the tokens of `text` in reading order.
    static func tokens(in text: String) -> [Token] {
        var tokens: [Token] = []
        forEachToken(in: text) { tokens.append($0) }
        return tokens
    }

    /// Returns the index terms of `text`: stems of its tokens that are not stop words, in order.
    static func terms(in text: String) -> [String] {
        tokens(in: text).compactMap { token in
            isStopWord(token.text) ? nil : GermanStemmer.stem(token.text)
        }
    }

    /// Whether a normalised token is a stop word (compared in the stem alphabet).
    static func isStopWord(_ token: String) -> Bool {
        GermanStopWords.contains(stemAlphabetForm: GermanStemmer.stemAlphabet(token))
    }

    /// Calls `body` with each token of `text`, in reading order.
    static func forEachToken(in text: String, _ body: (Token) -> Void) {
        var tokenizer = Tokenizer()
        for scalar in canonicallyComposed(text).unicodeScalars {
            tokenizer.consume(scalar, emit: body)
        }
        tokenizer.finish(emit: body)
    }

    // MARK: - Character classes

    /// Soft hyphen and zero-width characters: removed as if they were not there.
    static func isIgnorable(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x00AD, 0x200B, 0x200C, 0x200D, 0x2060, 0xFEFF: return true
        default: return false
        }
    }

    /// Hyphen-minus, hyphen and non-breaking hyphen join words into compounds.
    static func isHyphen(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x002D, 0x2010, 0x2011: return true
        default: return false
        }
    }

    /// Letters (L), marks (M) and numbers (N) make up tokens.
    static func isWordCharacter(_ scalar: Unicode.Scalar) -> Bool {
        let value = scalar.value
        if value < 0x250 { return latinWordCharacters[Int(value)] }
        return isWordCategory(scalar.properties.generalCategory)
    }

    private static let latinWordCharacters: [Bool] = (0..<0x250).map { value in
        Unicode.Scalar(UInt32(value)).map { isWordCategory($0.properties.generalCategory) } ?? false
    }

    private static func isWordCategory(_ category: Unicode.GeneralCategory) -> Bool {
        switch category {
        case .uppercaseLetter, .lowercaseLetter, .titlecaseLetter, .modifierLetter, .otherLetter,
             .nonspacingMark, .spacingMark, .enclosingMark,
             .decimalNumber, .letterNumber, .otherNumber:
            return true
        default:
            return false
        }
    }

    // MARK: - Normalisation

    /// NFC. Text made only of code points that never take part in composition is returned as it is.
    static func canonicallyComposed(_ text: String) -> String {
        let needsWork = text.unicodeScalars.contains { scalar in
            let value = scalar.value
            if value < 0x300 { return false }
            return !(0x2010...0x205E ~= value || 0x20A0...0x20C0 ~= value || 0x2190...0x21FF ~= value)
        }
        return needsWork ? text.precomposedStringWithCanonicalMapping : text
    }
}

extension GermanAnalyzer {
    /// One token: its normalised text and its role.
    struct Token: Equatable, Sendable {
        /// The role of a token in the text.
        enum Role: Equatable, Sendable {
            /// A word on its own.
            case word
            /// Hyphenated words written together: "KI-Verordnung" → "kiverordnung".
            case joinedCompound
            /// One word of a hyphenated compound: "ki", "verordnung".
            case compoundPart
        }

        var text: String
        var role: Role
    }

    /// The tokenizer's state while it reads a text one code point at a time.
    ///
    /// A hyphen right after a word keeps the group open; the next word character starts the group's next part,
    /// anything else ends the group.
    private struct Tokenizer {
        var segments: [String.UnicodeScalarView] = []
        var current: String.UnicodeScalarView?

        mutating func consume(_ scalar: Unicode.Scalar, emit: (Token) -> Void) {
            if GermanAnalyzer.isIgnorable(scalar) { return }
            if GermanAnalyzer.isWordCharacter(scalar) {
                if current == nil { current = String.UnicodeScalarView() }
                CaseFolding.fold(scalar, into: &current!)
            } else if GermanAnalyzer.isHyphen(scalar), let segment = current {
                segments.append(segment)
                current = nil
            } else {
                finish(emit: emit)
            }
        }

        mutating func finish(emit: (Token) -> Void) {
            if let segment = current { segments.append(segment) }
            current = nil
            defer { segments.removeAll(keepingCapacity: true) }
            if segments.count == 1 {
                emitIfShortEnough(segments[0], role: .word, emit: emit)
            } else if segments.count > 1 {
                var joined = String.UnicodeScalarView()
                for segment in segments { joined.append(contentsOf: segment) }
                emitIfShortEnough(joined, role: .joinedCompound, emit: emit)
                for segment in segments { emitIfShortEnough(segment, role: .compoundPart, emit: emit) }
            }
        }

        private func emitIfShortEnough(_ folded: String.UnicodeScalarView, role: Token.Role, emit: (Token) -> Void) {
            let text = GermanAnalyzer.canonicallyComposed(String(folded))
            var length = 0
            for _ in text.unicodeScalars {
                length += 1
                if length > GermanAnalyzer.maximumTokenLength { return }
            }
            emit(Token(text: text, role: role))
        }
    }
}
