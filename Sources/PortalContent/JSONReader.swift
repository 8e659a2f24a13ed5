/// A small JSON parser (RFC 8259) that records the line and column of every value, so diagnostics about
/// OParl files point into them. Never traps: malformed input, deep nesting and invalid UTF-8 are errors.
struct JSONReader {
    /// Why a text is not JSON, and where.
    struct SyntaxError: Error, Sendable, Hashable {
        var message: String
        var line: Int
        var column: Int
    }

    /// How deep arrays and objects may nest; deeper input is refused rather than risking the stack.
    static let maximumDepth = 256

    private let bytes: [UInt8]
    private var offset = 0
    private var line = 1
    private var column = 1
    private var depth = 0

    private init(bytes: [UInt8]) {
        self.bytes = bytes
    }

    /// Parses one JSON text (surrounding whitespace and a UTF-8 byte order mark allowed).
    static func parse(_ text: String) -> Result<JSONNode, SyntaxError> {
        var reader = JSONReader(bytes: Array(text.utf8))
        if reader.bytes.starts(with: [0xEF, 0xBB, 0xBF]) { reader.offset = 3 }
        do {
            reader.skipWhitespace()
            let node = try reader.value()
            reader.skipWhitespace()
            if reader.offset < reader.bytes.count {
                throw reader.failure("Unexpected text after the end of the JSON value. A file holds one value: an object, or a list [ … ] of objects.")
            }
            return .success(node)
        } catch let error as SyntaxError {
            return .failure(error)
        } catch {
            return .failure(SyntaxError(message: "The JSON could not be read.", line: reader.line, column: reader.column))
        }
    }

    private func failure(_ message: String) -> SyntaxError {
        SyntaxError(message: message, line: line, column: column)
    }

    private var current: UInt8? { offset < bytes.count ? bytes[offset] : nil }

    /// Moves one byte on; columns count scalars, so UTF-8 continuation bytes do not advance the column.
    private mutating func advance() {
        guard offset < bytes.count else { return }
        let byte = bytes[offset]
        offset += 1
        if byte == UInt8(ascii: "\n") {
            line += 1
            column = 1
        } else if byte & 0xC0 != 0x80 {
            column += 1
        }
    }

    private mutating func skipWhitespace() {
        while let byte = current, byte == 0x20 || byte == 0x0A || byte == 0x0D || byte == 0x09 { advance() }
    }

    private mutating func value() throws -> JSONNode {
        let startLine = line, startColumn = column
        guard let byte = current else { throw failure("The JSON ends where a value was expected.") }
        let kind: JSONNode.Kind
        switch byte {
        case UInt8(ascii: "{"): kind = try object()
        case UInt8(ascii: "["): kind = try array()
        case UInt8(ascii: "\""): kind = .string(try string())
        case UInt8(ascii: "t"): try keyword("true"); kind = .boolean(true)
        case UInt8(ascii: "f"): try keyword("false"); kind = .boolean(false)
        case UInt8(ascii: "n"): try keyword("null"); kind = .null
        case UInt8(ascii: "-"), UInt8(ascii: "0")...UInt8(ascii: "9"): kind = try number()
        default:
            throw failure("Unexpected character \(Self.describe(byte)) where a value was expected (an object, list, text in double quotes, number, true, false or null).")
        }
        return JSONNode(kind: kind, line: startLine, column: startColumn)
    }

    private mutating func keyword(_ word: String) throws {
        for expected in word.utf8 {
            guard current == expected else { throw failure("Unexpected text: expected '\(word)'. Text values need double quotes.") }
            advance()
        }
    }

    private mutating func nest() throws {
        depth += 1
        if depth > Self.maximumDepth { throw failure("The JSON nests deeper than \(Self.maximumDepth) levels.") }
    }

    private mutating func object() throws -> JSONNode.Kind {
        try nest()
        defer { depth -= 1 }
        advance()
        var members: [JSONNode.Member] = []
        skipWhitespace()
        if current == UInt8(ascii: "}") { advance(); return .object(members) }
        while true {
            skipWhitespace()
            guard current == UInt8(ascii: "\"") else {
                throw failure(current == nil ? "The JSON ends inside an object; a '}' is missing." : "Expected a key in double quotes, found \(Self.describe(current!)).")
            }
            let keyLine = line, keyColumn = column
            let key = try string()
            skipWhitespace()
            guard current == UInt8(ascii: ":") else { throw failure("Expected ':' after the key \"\(key)\".") }
            advance()
            skipWhitespace()
            members.append(JSONNode.Member(key: key, keyLine: keyLine, keyColumn: keyColumn, value: try value()))
            skipWhitespace()
            switch current {
            case UInt8(ascii: ","): advance()
            case UInt8(ascii: "}"): advance(); return .object(members)
            case nil: throw failure("The JSON ends inside an object; a '}' is missing.")
            case let byte?: throw failure("Expected ',' or '}' after a value in an object, found \(Self.describe(byte)).")
            }
        }
    }

    private mutating func array() throws -> JSONNode.Kind {
        try nest()
        defer { depth -= 1 }
        advance()
        var values: [JSONNode] = []
        skipWhitespace()
        if current == UInt8(ascii: "]") { advance(); return .array(values) }
        while true {
            skipWhitespace()
            values.append(try value())
            skipWhitespace()
            switch current {
            case UInt8(ascii: ","): advance()
            case UInt8(ascii: "]"): advance(); return .array(values)
            case nil: throw failure("The JSON ends inside a list; a ']' is missing.")
            case let byte?: throw failure("Expected ',' or ']' after a value in a list, found \(Self.describe(byte)).")
            }
        }
    }

    private mutating func string() throws -> String {
        advance()
        var scalars = String.UnicodeScalarView()
        var run: [UInt8] = []
        func flush() throws {
            guard !run.isEmpty else { return }
            guard let text = String(validating: run, as: UTF8.self) else { throw failure("The text is not valid UTF-8.") }
            scalars.append(contentsOf: text.unicodeScalars)
            run.removeAll(keepingCapacity: true)
        }
        while true {
            guard let byte = current else { throw failure("The JSON ends inside a text; a closing '\"' is missing.") }
            switch byte {
            case UInt8(ascii: "\""):
                try flush()
                advance()
                return String(scalars)
            case UInt8(ascii: "\\"):
                try flush()
                advance()
                scalars.append(try escape())
            case 0x00..<0x20:
                throw failure("A text contains a control character (such as a line break); write it as an escape like \\n.")
            default:
                run.append(byte)
                advance()
            }
        }
    }

    private mutating func escape() throws -> Unicode.Scalar {
        guard let byte = current else { throw failure("The JSON ends inside an escape sequence.") }
        advance()
        switch byte {
        case UInt8(ascii: "\""): return "\""
        case UInt8(ascii: "\\"): return "\\"
        case UInt8(ascii: "/"): return "/"
        case UInt8(ascii: "b"): return "\u{08}"
        case UInt8(ascii: "f"): return "\u{0C}"
        case UInt8(ascii: "n"): return "\n"
        case UInt8(ascii: "r"): return "\r"
        case UInt8(ascii: "t"): return "\t"
        case UInt8(ascii: "u"):
            let first = try hexQuad()
            if (0xD800..<0xDC00).contains(first) {
                guard current == UInt8(ascii: "\\") else { throw failure("A \\u escape of a high surrogate must be followed by a low surrogate.") }
                advance()
                guard current == UInt8(ascii: "u") else { throw failure("A \\u escape of a high surrogate must be followed by a low surrogate.") }
                advance()
                let second = try hexQuad()
                guard (0xDC00..<0xE000).contains(second) else { throw failure("Invalid surrogate pair in a \\u escape.") }
                let combined = 0x10000 + ((first - 0xD800) << 10) + (second - 0xDC00)
                guard let scalar = Unicode.Scalar(combined) else { throw failure("Invalid \\u escape.") }
                return scalar
            }
            guard let scalar = Unicode.Scalar(first) else { throw failure("A \\u escape names a lone surrogate, which is not a character.") }
            return scalar
        default:
            throw failure("Unknown escape '\\\(Self.describe(byte))'. Allowed: \\\" \\\\ \\/ \\b \\f \\n \\r \\t \\uXXXX.")
        }
    }

    private mutating func hexQuad() throws -> UInt32 {
        var value: UInt32 = 0
        for _ in 0..<4 {
            guard let byte = current else { throw failure("The JSON ends inside a \\u escape.") }
            let digit: UInt32
            switch byte {
            case UInt8(ascii: "0")...UInt8(ascii: "9"): digit = UInt32(byte - UInt8(ascii: "0"))
            case UInt8(ascii: "a")...UInt8(ascii: "f"): digit = UInt32(byte - UInt8(ascii: "a") + 10)
            case UInt8(ascii: "A")...UInt8(ascii: "F"): digit = UInt32(byte - UInt8(ascii: "A") + 10)
            default: throw failure("A \\u escape needs four hexadecimal digits.")
            }
            value = value * 16 + digit
            advance()
        }
        return value
    }

    private mutating func number() throws -> JSONNode.Kind {
        let start = offset
        var isWhole = true
        if current == UInt8(ascii: "-") { advance() }
        guard let first = current, (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(first) else {
            throw failure("A number needs a digit after '-'.")
        }
        if first == UInt8(ascii: "0") {
            advance()
            if let next = current, (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(next) {
                throw failure("Numbers must not start with 0 (write 7, not 07).")
            }
        } else {
            skipDigits()
        }
        if current == UInt8(ascii: ".") {
            isWhole = false
            advance()
            guard skipDigits() > 0 else { throw failure("A number needs digits after '.'.") }
        }
        if current == UInt8(ascii: "e") || current == UInt8(ascii: "E") {
            isWhole = false
            advance()
            if current == UInt8(ascii: "+") || current == UInt8(ascii: "-") { advance() }
            guard skipDigits() > 0 else { throw failure("A number needs digits in its exponent.") }
        }
        let literal = String(decoding: bytes[start..<offset], as: UTF8.self)
        let value = Double(literal) ?? .nan
        return .number(value, integer: isWhole ? Int(literal) : nil, literal: literal)
    }

    @discardableResult
    private mutating func skipDigits() -> Int {
        var count = 0
        while let byte = current, (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(byte) {
            advance()
            count += 1
        }
        return count
    }

    private static func describe(_ byte: UInt8) -> String {
        (0x21..<0x7F).contains(byte) ? "'\(Character(Unicode.Scalar(byte)))'" : "byte 0x" + String(byte, radix: 16, uppercase: true)
    }
}
