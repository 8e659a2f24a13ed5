/// A Markdown file split into its YAML front matter and its Markdown body.
struct FrontMatter: Sendable, Hashable {
    /// The YAML between the two `---` lines.
    var yaml: String
    /// The 1-based line of the file on which the YAML starts.
    var yamlFirstLine: Int
    /// The Markdown after the closing `---` line.
    var body: String
    /// The 1-based line of the file on which the body starts.
    var bodyFirstLine: Int

    /// Why a text could not be split.
    enum Failure: Error, Equatable {
        /// The text does not start with a `---` line.
        case missing
        /// The opening `---` has no closing partner; the line is the opening one.
        case unterminated(openingLine: Int)
    }

    /// Splits `text` (line endings already normalised). Leading blank lines before `---` are allowed.
    ///
    /// Only the lines up to the closing fence are looked at; the body is the rest of the text as it is, so the
    /// cost does not grow with the length of the article.
    static func split(_ text: String) -> Result<FrontMatter, Failure> {
        var lines = LineCursor(text)
        var lineNumber = 1
        var opening = lines.next()
        while let line = opening, line.allSatisfy(\.isWhitespace), !lines.isAtEnd {
            opening = lines.next()
            lineNumber += 1
        }
        guard let opening, opening.trimmingTrailingWhitespace() == "---" else {
            return .failure(.missing)
        }
        let openingLine = lineNumber
        let yamlStart = lines.position
        var current = openingLine + 1
        while !lines.isAtEnd {
            let lineStart = lines.position
            guard let line = lines.next() else { break }
            let trimmed = line.trimmingTrailingWhitespace()
            if trimmed == "---" || trimmed == "..." {
                // The YAML ends before the line break that precedes the closing fence.
                let yamlEnd = lineStart > yamlStart ? text.utf8.index(before: lineStart) : yamlStart
                return .success(FrontMatter(
                    yaml: String(text[yamlStart..<yamlEnd]),
                    yamlFirstLine: openingLine + 1,
                    body: String(text[lines.position...]),
                    bodyFirstLine: current + 1))
            }
            current += 1
        }
        return .failure(.unterminated(openingLine: openingLine))
    }

    /// Walks the lines of a text (separated by `\n`) without splitting the whole text up front.
    private struct LineCursor {
        let text: String
        /// Where the next line starts; `text.endIndex` once the last line was read.
        private(set) var position: String.Index
        /// Whether every line was read (a text ending in `\n` has a last, empty line).
        private(set) var isAtEnd = false

        init(_ text: String) {
            self.text = text
            position = text.startIndex
        }

        /// The next line without its line break, or nil after the last one.
        mutating func next() -> Substring? {
            guard !isAtEnd else { return nil }
            let utf8 = text.utf8
            if let newline = utf8[position...].firstIndex(of: UInt8(ascii: "\n")) {
                let line = text[position..<newline]
                position = utf8.index(after: newline)
                return line
            }
            let line = text[position...]
            position = text.endIndex
            isAtEnd = true
            return line
        }
    }
}

extension Substring {
    /// The substring without trailing spaces and tabs.
    func trimmingTrailingWhitespace() -> Substring {
        var end = endIndex
        while end > startIndex, let previous = self[..<end].last, previous == " " || previous == "\t" {
            end = index(before: end)
        }
        return self[startIndex..<end]
    }
}
