/// Appends the building blocks of the binary index formats to a byte buffer.
struct ByteWriter {
    /// The bytes written so far.
    private(set) var bytes: [UInt8] = []

    /// Appends an unsigned LEB128 variable-length integer (7 bits per byte, low bits first).
    mutating func writeVarint(_ value: Int) {
        precondition(value >= 0, "varints are unsigned")
        var remaining = UInt(value)
        while remaining >= 0x80 {
            bytes.append(UInt8(remaining & 0x7F) | 0x80)
            remaining >>= 7
        }
        bytes.append(UInt8(remaining))
    }

    /// Appends one byte.
    mutating func writeByte(_ byte: UInt8) {
        bytes.append(byte)
    }

    /// Appends bytes as they are.
    mutating func write<Bytes: Sequence>(_ other: Bytes) where Bytes.Element == UInt8 {
        bytes.append(contentsOf: other)
    }

    /// The number of bytes an unsigned LEB128 integer takes.
    static func varintSize(_ value: Int) -> Int {
        var size = 1
        var remaining = UInt(value) >> 7
        while remaining > 0 {
            size += 1
            remaining >>= 7
        }
        return size
    }
}

/// Reads what ``ByteWriter`` wrote; throws on truncated or malformed input.
struct ByteReader {
    /// The input is shorter than its contents claim, or a varint is too long.
    struct MalformedInput: Error {}

    private let bytes: [UInt8]
    /// The next byte to read.
    private(set) var offset = 0

    init(_ bytes: [UInt8], offset: Int = 0) {
        self.bytes = bytes
        self.offset = offset
    }

    /// Whether every byte has been read.
    var isAtEnd: Bool { offset >= bytes.count }

    mutating func readByte() throws -> UInt8 {
        guard offset < bytes.count else { throw MalformedInput() }
        defer { offset += 1 }
        return bytes[offset]
    }

    mutating func readVarint() throws -> Int {
        var value = 0
        var shift = 0
        while true {
            let byte = try readByte()
            guard shift < 63 else { throw MalformedInput() }
            value |= Int(byte & 0x7F) << shift
            if byte < 0x80 { return value }
            shift += 7
        }
    }

    mutating func readBytes(_ count: Int) throws -> ArraySlice<UInt8> {
        guard count >= 0, offset + count <= bytes.count else { throw MalformedInput() }
        defer { offset += count }
        return bytes[offset..<(offset + count)]
    }
}
