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
        var buffer = TokenBuffer()
        tokenize(text, into: &buffer)
        buffer.bytes.withUnsafeBufferPointer { bytes in
            for entry in buffer.entries {
                let range = entry.start..<entry.end
                body(Token(text: String(decoding: bytes[range], as: UTF8.self), role: entry.role))
            }
        }
    }

    /// Appends the tokens of `text` to `buffer`: the indexer's fast path, with no string per token.
    static func tokenize(_ text: String, into buffer: inout TokenBuffer) {
        var composed = canonicallyComposed(text)
        composed.withUTF8 { bytes in
            var tokenizer = Tokenizer()
            var index = 0
            while index < bytes.count {
                let lead = bytes[index]
                if lead < 0x80 {
                    if Tokenizer.isASCIIWordByte(lead) {
                        // A run of ASCII letters and digits is copied at once and lower-cased in place.
                        var end = index + 1
                        while end < bytes.count, Tokenizer.isASCIIWordByte(bytes[end]) { end += 1 }
                        tokenizer.appendASCIIRun(UnsafeBufferPointer(rebasing: bytes[index..<end]), into: &buffer)
                        index = end
                    } else {
                        tokenizer.consumeASCII(lead, into: &buffer)
                        index += 1
                    }
                } else {
                    let (scalar, width) = decodeUTF8(bytes, at: index)
                    tokenizer.consume(scalar, into: &buffer)
                    index += width
                }
            }
            tokenizer.finish(into: &buffer)
        }
    }

    /// Decodes the scalar starting at `index` of valid UTF-8 (Swift strings always are) and its byte count.
    @inline(__always)
    private static func decodeUTF8(_ bytes: UnsafeBufferPointer<UInt8>, at index: Int) -> (Unicode.Scalar, Int) {
        let lead = UInt32(bytes[index])
        let value: UInt32
        let width: Int
        func continuation(_ offset: Int) -> UInt32 {
            index + offset < bytes.count ? UInt32(bytes[index + offset] & 0x3F) : 0
        }
        if lead < 0xE0 {
            value = (lead & 0x1F) << 6 | continuation(1)
            width = 2
        } else if lead < 0xF0 {
            value = (lead & 0x0F) << 12 | continuation(1) << 6 | continuation(2)
            width = 3
        } else {
            value = (lead & 0x07) << 18 | continuation(1) << 12 | continuation(2) << 6 | continuation(3)
            width = 4
        }
        return (Unicode.Scalar(value) ?? "\u{FFFD}", width)
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
        mayNeedComposition(text) ? text.precomposedStringWithCanonicalMapping : text
    }

    /// Whether `text` has a code point from U+0300 up, other than common punctuation, currency signs and arrows
    /// (U+2010–U+205E, U+20A0–U+20C0, U+2190–U+21FF), which never compose.
    private static func mayNeedComposition(_ text: String) -> Bool {
        let isInert = { (value: UInt32) -> Bool in
            value < 0x300 || 0x2010...0x205E ~= value || 0x20A0...0x20C0 ~= value || 0x2190...0x21FF ~= value
        }
        let fromBytes: Bool? = text.utf8.withContiguousStorageIfAvailable { bytes in
            var index = 0
            while index < bytes.count {
                let lead = bytes[index]
                if lead < 0xCC {
                    index += 1
                    continue
                }
                let (scalar, width) = decodeUTF8(bytes, at: index)
                if !isInert(scalar.value) { return true }
                index += width
            }
            return false
        }
        return fromBytes ?? text.unicodeScalars.contains { !isInert($0.value) }
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

    /// Tokens of a text as ranges of normalised UTF-8 bytes; reused from text to text by the indexer.
    ///
    /// A hyphenated group's joined token and its parts share bytes: the parts are consecutive, so the joined
    /// word is the range from the first part's start to the last part's end.
    struct TokenBuffer {
        /// Where a token's bytes are, and its role.
        struct Entry {
            var start: Int
            var end: Int
            var role: Token.Role
        }

        var bytes: [UInt8] = []
        var entries: [Entry] = []

        /// The number of tokens.
        var count: Int { entries.count }

        /// Forgets all tokens, keeping the memory.
        mutating func removeAll() {
            bytes.removeAll(keepingCapacity: true)
            entries.removeAll(keepingCapacity: true)
        }
    }

    /// The tokenizer's state while it reads a text one code point at a time.
    ///
    /// A hyphen right after a word keeps the group open; the next word character starts the group's next part,
    /// anything else ends the group. Folded bytes go straight into the buffer.
    private struct Tokenizer {
        /// Where the word being read starts in the buffer's bytes; nil between words.
        private var wordStart: Int?
        /// Where the current hyphen group starts; nil between groups.
        private var groupStart: Int?
        /// End of the group's first finished part (most groups have just one).
        private var firstSegmentEnd: Int?
        /// Ends of the group's further finished parts.
        private var moreSegmentEnds: [Int] = []
        /// Whether folding produced code points that may need canonical composition.
        private var mayCompose = false
        /// Whether the group has non-ASCII bytes (else its length in code points is its length in bytes).
        private var hasNonASCII = false

        /// Whether an ASCII byte is a letter or digit.
        @inline(__always)
        static func isASCIIWordByte(_ byte: UInt8) -> Bool {
            (byte &- 0x30) < 10 || ((byte | 0x20) &- 0x61) < 26
        }

        /// Appends ASCII letters and digits, lower-cased.
        mutating func appendASCIIRun(_ run: UnsafeBufferPointer<UInt8>, into buffer: inout TokenBuffer) {
            startWordIfNeeded(buffer)
            let start = buffer.bytes.count
            buffer.bytes.append(contentsOf: run)
            buffer.bytes.withUnsafeMutableBufferPointer { bytes in
                for index in start..<bytes.count where (bytes[index] &- 0x41) < 26 {
                    bytes[index] |= 0x20
                }
            }
        }

        /// Handles an ASCII byte that is not a letter or digit.
        @inline(__always)
        mutating func consumeASCII(_ byte: UInt8, into buffer: inout TokenBuffer) {
            if byte == 0x2D {
                hyphen(into: &buffer)
            } else if groupStart != nil {
                finish(into: &buffer)
            }
        }

        mutating func consume(_ scalar: Unicode.Scalar, into buffer: inout TokenBuffer) {
            if GermanAnalyzer.isIgnorable(scalar) { return }
            if GermanAnalyzer.isWordCharacter(scalar) {
                startWordIfNeeded(buffer)
                hasNonASCII = true
                if CaseFolding.fold(scalar, intoUTF8: &buffer.bytes) { mayCompose = true }
            } else if GermanAnalyzer.isHyphen(scalar) {
                hyphen(into: &buffer)
            } else if groupStart != nil {
                finish(into: &buffer)
            }
        }

        @inline(__always)
        private mutating func startWordIfNeeded(_ buffer: TokenBuffer) {
            guard wordStart == nil else { return }
            wordStart = buffer.bytes.count
            if groupStart == nil { groupStart = buffer.bytes.count }
        }

        private mutating func hyphen(into buffer: inout TokenBuffer) {
            guard wordStart != nil else {
                if groupStart != nil { finish(into: &buffer) }
                return
            }
            endSegment(at: buffer.bytes.count)
            wordStart = nil
        }

        private mutating func endSegment(at end: Int) {
            if firstSegmentEnd == nil {
                firstSegmentEnd = end
            } else {
                moreSegmentEnds.append(end)
            }
        }

        mutating func finish(into buffer: inout TokenBuffer) {
            if wordStart != nil { endSegment(at: buffer.bytes.count) }
            if let start = groupStart, let firstEnd = firstSegmentEnd {
                if moreSegmentEnds.isEmpty {
                    emit(start..<firstEnd, role: .word, into: &buffer)
                } else {
                    emit(start..<(moreSegmentEnds.last ?? firstEnd), role: .joinedCompound, into: &buffer)
                    emit(start..<firstEnd, role: .compoundPart, into: &buffer)
                    var partStart = firstEnd
                    for end in moreSegmentEnds {
                        emit(partStart..<end, role: .compoundPart, into: &buffer)
                        partStart = end
                    }
                    moreSegmentEnds.removeAll(keepingCapacity: true)
                }
            }
            wordStart = nil
            groupStart = nil
            firstSegmentEnd = nil
            mayCompose = false
            hasNonASCII = false
        }

        /// Records a token if it is at most 64 code points long (after composition, if needed).
        private func emit(_ range: Range<Int>, role: Token.Role, into buffer: inout TokenBuffer) {
            if mayCompose {
                let text = GermanAnalyzer.canonicallyComposed(String(decoding: buffer.bytes[range], as: UTF8.self))
                guard text.unicodeScalars.count <= GermanAnalyzer.maximumTokenLength else { return }
                let start = buffer.bytes.count
                buffer.bytes.append(contentsOf: text.utf8)
                buffer.record(start..<buffer.bytes.count, role: role)
                return
            }
            var length = range.count
            if hasNonASCII {
                length = 0
                for index in range where buffer.bytes[index] & 0xC0 != 0x80 { length += 1 }
            }
            guard length <= GermanAnalyzer.maximumTokenLength else { return }
            buffer.record(range, role: role)
        }
    }
}

extension GermanAnalyzer.TokenBuffer {
    fileprivate mutating func record(_ range: Range<Int>, role: GermanAnalyzer.Token.Role) {
        entries.append(Entry(start: range.lowerBound, end: range.upperBound, role: role))
    }
}
