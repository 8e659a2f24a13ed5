/// A Markdown content file after parsing: its checked front matter and its Markdown body.
struct ParsedDocument: Sendable {
    /// The path below the content folder, such as `measures/chatbot.md`.
    var relativePath: String
    var displayPath: String
    var fields: ObjectValue
    var body: String
    /// The line of the file on which the body starts, so Markdown positions map to file positions.
    var bodyFirstLine: Int
    /// A fingerprint of the front matter as written and of where the body starts (see `CheckedContent`).
    var frontMatterHash: UInt64 = 0

    /// The file name without folder and extension.
    var stem: String {
        let name = relativePath.split(separator: "/").last.map(String.init) ?? relativePath
        return name.hasSuffix(".md") ? String(name.dropLast(3)) : name
    }
}
