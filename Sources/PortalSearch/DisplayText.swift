/// Prepares texts that the index stores for display (titles, summaries, excerpt sources).
enum DisplayText {
    /// NFC, with every run of white space turned into one space and no space at either end.
    static func clean(_ text: String) -> String {
        clean(GermanAnalyzer.canonicallyComposed(text), limit: Int.max).text
    }

    /// The start of a body for excerpts: cleaned, at most `length` code points, cut at a word boundary and
    /// ended with " …" if it was cut.
    static func excerptSource(_ body: String, length: Int) -> String {
        let length = max(0, length)
        // Three times the length is plenty even for text full of white space runs.
        let window = length > Int.max / 4 ? Int.max / 2 : length * 3 + 16
        let scalars = body.unicodeScalars
        let end = scalars.index(scalars.startIndex, offsetBy: window, limitedBy: scalars.endIndex) ?? scalars.endIndex
        let prefix = String(body[..<end])
        let (cleaned, cut) = clean(GermanAnalyzer.canonicallyComposed(prefix), limit: length)
        switch cut {
        case .none where end == scalars.endIndex:
            return cleaned
        case .none, .betweenWords:
            return cleaned + " …"
        case .insideWord:
            var bytes = Array(cleaned.utf8)
            if let space = bytes.lastIndex(of: 0x20), space > bytes.count / 2 {
                bytes.removeSubrange(space...)
            }
            return String(decoding: bytes, as: UTF8.self) + " …"
        }
    }

    private static func isWhitespace(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x20, 0x09...0x0D: return true
        case 0..<0x80: return false
        default: return scalar.properties.isWhitespace
        }
    }

    /// Where ``clean(_:limit:)`` stopped.
    private enum Cut {
        case none, betweenWords, insideWord
    }

    /// Collapses white space and keeps at most `limit` scalars; says whether and where it cut.
    private static func clean(_ text: String, limit: Int) -> (text: String, cut: Cut) {
        var result: [UInt8] = []
        result.reserveCapacity(text.utf8.count)
        var count = 0
        var pendingSpace = false
        for scalar in text.unicodeScalars {
            if isWhitespace(scalar) {
                pendingSpace = count > 0
                continue
            }
            let needed = pendingSpace ? 2 : 1
            if count + needed > limit {
                return (String(decoding: result, as: UTF8.self), pendingSpace ? .betweenWords : .insideWord)
            }
            if pendingSpace {
                result.append(0x20)
                count += 1
            }
            pendingSpace = false
            CaseFolding.appendUTF8(scalar, to: &result)
            count += 1
        }
        return (String(decoding: result, as: UTF8.self), .none)
    }
}
