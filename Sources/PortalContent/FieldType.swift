/// The kind of value a content field holds; the loader validates with it and the JSON Schemas are made from it.
indirect enum FieldType: Sendable {
    /// One line of text, optionally limited in length (counted in characters).
    case text(maxLength: Int? = nil)
    /// Prose in Markdown.
    case markdown
    /// A lowercase identifier such as `buergerservice` (letters a–z, digits, hyphens).
    case identifier
    /// `YYYY-MM-DD` or `YYYY-MM`.
    case date
    /// An absolute `http(s)` URL, or a path on this site starting with `/`.
    case url
    /// An e-mail address.
    case email
    case boolean
    case integer(minimum: Int? = nil)
    case number(minimum: Double? = nil)
    /// One of a closed list of words.
    case vocabulary([String])
    case list(FieldType)
    case object(ObjectSchema)
    /// The first alternative whose shape fits is used (for example an id or a list of names).
    case oneOf([FieldType])

    /// How the type is described to authors in messages and docs.
    var description: String {
        switch self {
        case .text(let maxLength): maxLength.map { "text (at most \($0) characters)" } ?? "text"
        case .markdown: "Markdown text"
        case .identifier: "an id (lowercase letters, digits and hyphens)"
        case .date: "a date (YYYY-MM-DD or YYYY-MM)"
        case .url: "a URL (https://…) or a path on this site (/…)"
        case .email: "an e-mail address"
        case .boolean: "true or false"
        case .integer: "a whole number"
        case .number: "a number"
        case .vocabulary(let values): "one of " + values.joined(separator: ", ")
        case .list(let element): "a list of \(element.description)"
        case .object(let schema): "a set of keys (\(schema.fields.map(\.key).joined(separator: ", ")))"
        case .oneOf(let alternatives): alternatives.map(\.description).joined(separator: " or ")
        }
    }
}
