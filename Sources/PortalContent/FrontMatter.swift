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
    static func split(_ text: String) -> Result<FrontMatter, Failure> {
        var lines = text.split(separator: "\n", omittingEmptySubsequences: false)[...]
        var lineNumber = 1
        while let first = lines.first, first.allSatisfy(\.isWhitespace), lines.count > 1 {
            lines = lines.dropFirst()
            lineNumber += 1
        }
        guard let opening = lines.first, opening.trimmingTrailingWhitespace() == "---" else {
            return .failure(.missing)
        }
        let openingLine = lineNumber
        lines = lines.dropFirst()
        var yamlLines: [Substring] = []
        var current = openingLine + 1
        while let line = lines.first {
            lines = lines.dropFirst()
            let trimmed = line.trimmingTrailingWhitespace()
            if trimmed == "---" || trimmed == "..." {
                return .success(FrontMatter(
                    yaml: yamlLines.joined(separator: "\n"),
                    yamlFirstLine: openingLine + 1,
                    body: lines.joined(separator: "\n"),
                    bodyFirstLine: current + 1))
            }
            yamlLines.append(line)
            current += 1
        }
        return .failure(.unterminated(openingLine: openingLine))
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
