import Foundation

/// A whole site declared inline, in the txtar style of Hugo's integration tests:
///
/// ```
/// -- site.yml --
/// title: …
/// -- measures/chatbot.md --
/// ---
/// title: …
/// ```
public struct Txtar: Sendable {
    /// Files by path, in the order they were declared.
    public private(set) var files: [(path: String, text: String)]

    public init(_ archive: String) {
        var files: [(String, String)] = []
        var currentPath: String?
        var lines: [Substring] = []
        for line in archive.split(separator: "\n", omittingEmptySubsequences: false) {
            if line.hasPrefix("-- "), line.hasSuffix(" --"), line.count > 6 {
                if let currentPath { files.append((currentPath, lines.joined(separator: "\n"))) }
                currentPath = String(line.dropFirst(3).dropLast(3))
                lines = []
            } else if currentPath != nil {
                lines.append(line)
            }
        }
        if let currentPath { files.append((currentPath, lines.joined(separator: "\n"))) }
        self.files = files
    }

    /// The text of a file.
    public subscript(path: String) -> String? {
        get { files.first { $0.path == path }?.text }
        set {
            files.removeAll { $0.path == path }
            if let newValue { files.append((path, newValue)) }
        }
    }

    /// A copy with `path` replaced (or added), or removed when `text` is nil.
    public func with(_ path: String, _ text: String?) -> Txtar {
        var copy = self
        copy[path] = text
        return copy
    }

    /// A copy with the first occurrence of `old` in `path` replaced by `new`.
    public func replacing(_ old: String, with new: String, in path: String) -> Txtar {
        guard let text = self[path], let range = text.range(of: old) else {
            preconditionFailure("'\(old)' not found in \(path)")
        }
        return with(path, text.replacingCharacters(in: range, with: new))
    }
}
