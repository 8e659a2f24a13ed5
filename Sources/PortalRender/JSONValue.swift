import PortalModel

/// A JSON value with object keys in a fixed order, serialised the same way every time.
enum JSONValue: Sendable, Hashable {
    case null
    case bool(Bool)
    case int(Int)
    case double(Double)
    case string(String)
    case array([JSONValue])
    /// Keys in the order they are written.
    case object([Member])
    /// JSON text already valid and compact (an OParl vendor field kept as it came), written as it is.
    case raw(String)

    /// A key and its value.
    struct Member: Sendable, Hashable {
        var key: String
        var value: JSONValue
    }


    /// A string value, or nil (left out of objects) when there is no text.
    static func text(_ text: String?) -> JSONValue? {
        text.map(JSONValue.string)
    }

    /// Pretty-printed JSON with two-space indentation and a final newline.
    func serialized() -> String {
        var output = ""
        write(to: &output, indent: 0)
        output += "\n"
        return output
    }

    /// The same text as `serialized()` of an object with `members` followed by the array `key`, but making the
    /// array's elements one at a time, so a large export (the measures register at 100,000 articles) never holds
    /// all of them as values.
    /// The result is UTF-8 bytes, written piece by piece, so the whole text never exists twice either.
    static func serializedObject(_ members: [Member], thenArray key: String, count: Int, element: (Int) -> JSONValue) -> [UInt8] {
        var head = "{\n"
        for member in members {
            head += "  "
            JSONString.write(member.key, to: &head)
            head += ": "
            member.value.write(to: &head, indent: 1)
            head += ",\n"
        }
        head += "  "
        JSONString.write(key, to: &head)
        head += count == 0 ? ": []" : ": [\n"
        var output = Array(head.utf8)
        for position in 0..<count {
            var text = "    "
            element(position).write(to: &text, indent: 2)
            text += position == count - 1 ? "\n  ]" : ",\n"
            output.append(contentsOf: text.utf8)
        }
        output.append(contentsOf: "\n}\n".utf8)
        return output
    }

    private func write(to output: inout String, indent: Int) {
        switch self {
        case .null: output += "null"
        case .bool(let value): output += value ? "true" : "false"
        case .int(let value): output += String(value)
        case .double(let value): output += Self.number(value)
        case .raw(let text): output += text
        case .string(let value): JSONString.write(value, to: &output)
        case .array(let values):
            guard !values.isEmpty else { output += "[]"; return }
            output += "[\n"
            for (position, value) in values.enumerated() {
                output += String(repeating: "  ", count: indent + 1)
                value.write(to: &output, indent: indent + 1)
                output += position == values.count - 1 ? "\n" : ",\n"
            }
            output += String(repeating: "  ", count: indent) + "]"
        case .object(let members):
            guard !members.isEmpty else { output += "{}"; return }
            output += "{\n"
            for (position, member) in members.enumerated() {
                output += String(repeating: "  ", count: indent + 1)
                JSONString.write(member.key, to: &output)
                output += ": "
                member.value.write(to: &output, indent: indent + 1)
                output += position == members.count - 1 ? "\n" : ",\n"
            }
            output += String(repeating: "  ", count: indent) + "}"
        }
    }

    /// A finite number in its shortest exact form, whole numbers without a fraction; non-finite becomes null.
    private static func number(_ value: Double) -> String {
        guard value.isFinite else { return "null" }
        if value == value.rounded(), abs(value) < 1e15 { return String(Int(value)) }
        return String(value)
    }
}
