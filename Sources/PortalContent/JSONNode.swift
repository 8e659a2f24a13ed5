import PortalModel

/// A JSON value with the line and column where it starts, read by `JSONReader`.
struct JSONNode: Sendable, Hashable {
    enum Kind: Sendable, Hashable {
        case null
        case boolean(Bool)
        /// A number as written; `integer` is set when it is a whole number that fits `Int`.
        case number(Double, integer: Int?, literal: String)
        case string(String)
        case array([JSONNode])
        /// Members in the order they are written.
        case object([Member])
    }

    /// One key and value of an object.
    struct Member: Sendable, Hashable {
        var key: String
        var keyLine: Int
        var keyColumn: Int
        var value: JSONNode
    }

    var kind: Kind
    /// 1-based line.
    var line: Int
    /// 1-based column, counted in Unicode scalars.
    var column: Int

    /// The value of `key` when this is an object (the first one, should a key repeat).
    subscript(key: String) -> JSONNode? {
        guard case .object(let members) = kind else { return nil }
        return members.first { $0.key == key }?.value
    }

    var string: String? { if case .string(let value) = kind { value } else { nil } }
    var boolean: Bool? { if case .boolean(let value) = kind { value } else { nil } }
    var integer: Int? { if case .number(_, let value, _) = kind { value } else { nil } }
    var array: [JSONNode]? { if case .array(let value) = kind { value } else { nil } }
    var members: [Member]? { if case .object(let value) = kind { value } else { nil } }

    /// Strings of an array, or a single string as a one-element list (OParl servers differ here).
    var strings: [String] {
        if let string { return [string] }
        return (array ?? []).compactMap(\.string)
    }

    /// Compact JSON text with object keys sorted, the same for equal values.
    var canonicalText: String {
        var output = ""
        writeCanonical(to: &output)
        return output
    }

    private func writeCanonical(to output: inout String) {
        switch kind {
        case .null: output += "null"
        case .boolean(let value): output += value ? "true" : "false"
        case .number(_, _, let literal): output += literal
        case .string(let value): JSONString.write(value, to: &output)
        case .array(let values):
            output += "["
            for (position, value) in values.enumerated() {
                if position > 0 { output += "," }
                value.writeCanonical(to: &output)
            }
            output += "]"
        case .object(let members):
            output += "{"
            for (position, member) in members.sorted(by: { $0.key < $1.key }).enumerated() {
                if position > 0 { output += "," }
                JSONString.write(member.key, to: &output)
                output += ":"
                member.value.writeCanonical(to: &output)
            }
            output += "}"
        }
    }
}
