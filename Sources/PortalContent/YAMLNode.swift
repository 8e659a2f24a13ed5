/// A YAML value with the line and column where it stands, independent of the YAML library.
struct YAMLNode: Sendable, Hashable {
    enum Kind: Sendable, Hashable {
        /// A scalar; `isPlain` is false when it was quoted or a block scalar, so it is text whatever it looks like.
        case scalar(String, isPlain: Bool)
        case sequence([YAMLNode])
        case mapping([Pair])
        /// `null`, `~` or an empty value.
        case null
    }

    /// One key and value of a mapping.
    struct Pair: Sendable, Hashable {
        var key: String
        var keyLine: Int
        var keyColumn: Int
        var value: YAMLNode
    }

    var kind: Kind
    /// 1-based line in the file (front matter offsets already applied).
    var line: Int
    /// 1-based column.
    var column: Int

    /// What kind of value this is, in words an author understands ("a list", "text").
    var kindDescription: String {
        switch kind {
        case .scalar: "a single value"
        case .sequence: "a list"
        case .mapping: "a set of keys"
        case .null: "nothing"
        }
    }
}
