import Glibc

/// Decodes what ``SnapshotEncoder`` wrote.
///
/// Malformed bytes throw ``SnapshotDecoder/Failure``; they never crash (a damaged cache file means a full build).
public struct SnapshotDecoder {
    /// Asked at every keyed container; once it says yes, decoding throws (a decoding nobody waits for any more).
    public var isCancelled: (@Sendable () -> Bool)?

    public init(isCancelled: (@Sendable () -> Bool)? = nil) {
        self.isCancelled = isCancelled
    }

    /// Why bytes could not be decoded.
    public struct Failure: Error, CustomStringConvertible {
        public var description: String
    }

    /// The value `bytes` hold from `offset` to their end (a file's bytes after its header, without copying them).
    public func decode<T: Decodable>(_ type: T.Type, from bytes: [UInt8], startingAt offset: Int = 0) throws -> T {
        guard offset >= 0, offset <= bytes.count else { throw Failure(description: "offset beyond the end") }
        return try decode(type, from: bytes, in: offset..<bytes.count)
    }

    /// The value `bytes` hold in `range`, exactly (one of several values stored one after another).
    public func decode<T: Decodable>(_ type: T.Type, from bytes: [UInt8], in range: Range<Int>) throws -> T {
        try read(bytes, in: range) { try SnapshotValueDecoder(reader: $0).decodeValue(T.self) }
    }

    /// What `read` reads from `bytes` from `offset` on (fields written with `SnapshotEncoder.Buffer`'s methods),
    /// which it must read to their end.
    public func read<T>(_ bytes: [UInt8], startingAt offset: Int = 0, _ read: (Reader) throws -> T) throws -> T {
        guard offset >= 0, offset <= bytes.count else { throw Failure(description: "offset beyond the end") }
        return try self.read(bytes, in: offset..<bytes.count, read)
    }

    /// What `read` reads from `bytes` in `range`, which it must read exactly (one of several sections of a file).
    public func read<T>(_ bytes: [UInt8], in range: Range<Int>, _ read: (Reader) throws -> T) throws -> T {
        guard range.lowerBound >= 0, range.upperBound <= bytes.count else { throw Failure(description: "range beyond the end") }
        return try bytes.withUnsafeBufferPointer { whole in
            let reader = Reader(bytes: UnsafeBufferPointer(rebasing: whole[range]), isCancelled: isCancelled)
            let value = try read(reader)
            guard reader.offset == reader.bytes.count else { throw Failure(description: "trailing bytes") }
            return value
        }
    }

    /// A cursor over the bytes, shared by every container of one decoding (they read one after another); a
    /// ``SnapshotRecord`` reads its fields from it (`SnapshotDecoder+Records.swift`).
    public final class Reader {
        let bytes: UnsafeBufferPointer<UInt8>
        var offset = 0
        let isCancelled: (@Sendable () -> Bool)?

        init(bytes: UnsafeBufferPointer<UInt8>, isCancelled: (@Sendable () -> Bool)? = nil) {
            self.bytes = bytes
            self.isCancelled = isCancelled
        }

        func byte() throws -> UInt8 {
            guard offset < bytes.count else { throw Failure(description: "unexpected end") }
            defer { offset += 1 }
            return bytes[offset]
        }

        func peek() throws -> UInt8 {
            guard offset < bytes.count else { throw Failure(description: "unexpected end") }
            return bytes[offset]
        }

        func read32() throws -> Int {
            guard offset + 4 <= bytes.count else { throw Failure(description: "unexpected end") }
            defer { offset += 4 }
            return Int(bytes[offset]) | Int(bytes[offset + 1]) << 8 | Int(bytes[offset + 2]) << 16 | Int(bytes[offset + 3]) << 24
        }

        func read64() throws -> UInt64 {
            guard offset + 8 <= bytes.count else { throw Failure(description: "unexpected end") }
            var value: UInt64 = 0
            for index in (0..<8).reversed() { value = value << 8 | UInt64(bytes[offset + index]) }
            offset += 8
            return value
        }

        /// A length-prefixed UTF-8 string (without tag).
        func readString() throws -> String {
            let count = try read32()
            guard count <= bytes.count - offset else { throw Failure(description: "string beyond the end") }
            defer { offset += count }
            return String(decoding: UnsafeBufferPointer(rebasing: bytes[offset..<offset + count]), as: UTF8.self)
        }

        /// Whether the length-prefixed string at the cursor equals `text`, moving past it either way.
        func readKey(equalTo text: String) throws -> Bool {
            let count = try read32()
            guard count <= bytes.count - offset else { throw Failure(description: "key beyond the end") }
            defer { offset += count }
            var text = text
            return text.withUTF8 { utf8 in
                utf8.count == count && memcmp(utf8.baseAddress!, bytes.baseAddress! + offset, count) == 0
            }
        }

        func expect(_ tag: SnapshotEncoder.Tag) throws {
            let found = try byte()
            guard found == tag.rawValue else { throw Failure(description: "expected \(tag), found tag \(found) at \(offset - 1)") }
        }

        /// Moves past one value of any kind.
        func skipValue() throws {
            guard let tag = SnapshotEncoder.Tag(rawValue: try byte()) else { throw Failure(description: "unknown tag") }
            switch tag {
            case .null: break
            case .string: try advance(by: try read32())
            case .integer, .double: try advance(by: 8)
            case .boolean: try advance(by: 1)
            case .unkeyed:
                for _ in 0..<(try read32()) { try skipValue() }
            case .record: try advance(by: try read32())
            case .keyed:
                for _ in 0..<(try read32()) {
                    try advance(by: try read32())
                    let length = try read32()
                    if length == 0xFFFF_FFFF { try skipValue() } else { try advance(by: length) }
                }
            }
        }

        func advance(by count: Int) throws {
            guard count >= 0, count <= bytes.count - offset else { throw Failure(description: "length beyond the end") }
            offset += count
        }
    }
}

/// The `Decoder` handed to each value's `init(from:)`.
struct SnapshotValueDecoder: Decoder {
    let reader: SnapshotDecoder.Reader
    var codingPath: [any CodingKey] { [] }
    var userInfo: [CodingUserInfoKey: Any] { [:] }

    /// Reads a value with its tag: primitives directly, others through `init(from:)`.
    func decodeValue<T: Decodable>(_ type: T.Type) throws -> T {
        if T.self == String.self {
            try reader.expect(.string)
            return try reader.readString() as! T
        }
        if T.self == Int.self {
            try reader.expect(.integer)
            return Int(Int64(bitPattern: try reader.read64())) as! T
        }
        if T.self == Bool.self {
            try reader.expect(.boolean)
            return (try reader.byte() != 0) as! T
        }
        if T.self == Double.self {
            try reader.expect(.double)
            return Double(bitPattern: try reader.read64()) as! T
        }
        if T.self == Float.self {
            try reader.expect(.double)
            return Float(Double(bitPattern: try reader.read64())) as! T
        }
        if let record = T.self as? any SnapshotRecord.Type {
            return try reader.tagged(record) as! T
        }
        if let integer = T.self as? any FixedWidthInteger.Type {
            try reader.expect(.integer)
            return integer.init(truncatingIfNeeded: try reader.read64()) as! T
        }
        return try T(from: self)
    }

    func container<Key: CodingKey>(keyedBy type: Key.Type) throws -> KeyedDecodingContainer<Key> {
        if let isCancelled = reader.isCancelled, isCancelled() { throw SnapshotDecoder.Failure(description: "cancelled") }
        try reader.expect(.keyed)
        let count = try reader.read32()
        // The entries' keys and where their values start; values are read when asked for.
        var entries: [(key: String, start: Int, end: Int)] = []
        entries.reserveCapacity(count)
        for _ in 0..<count {
            let key = try reader.readString()
            let length = try reader.read32()
            let start = reader.offset
            if length == 0xFFFF_FFFF { try reader.skipValue() } else { try reader.advance(by: length) }
            entries.append((key, start, reader.offset))
        }
        return KeyedDecodingContainer(KeyedContainer<Key>(reader: reader, entries: entries, end: reader.offset, cursor: Cursor()))
    }

    func unkeyedContainer() throws -> any UnkeyedDecodingContainer {
        try reader.expect(.unkeyed)
        return UnkeyedContainer(reader: reader, count: try reader.read32())
    }

    func singleValueContainer() throws -> any SingleValueDecodingContainer {
        SingleContainer(decoder: self)
    }

    /// Where the next key is expected in a keyed container: keys are mostly asked for in the order they were
    /// written (a dictionary's all of them), so looking there first keeps a large container linear.
    final class Cursor {
        var next = 0
    }

    struct KeyedContainer<Key: CodingKey>: KeyedDecodingContainerProtocol {
        let reader: SnapshotDecoder.Reader
        let entries: [(key: String, start: Int, end: Int)]
        /// Where the container ends: the reader is left here after each value.
        let end: Int
        let cursor: Cursor
        var codingPath: [any CodingKey] { [] }

        var allKeys: [Key] { entries.compactMap { Key(stringValue: $0.key) } }

        func contains(_ key: Key) -> Bool {
            entry(key) != nil
        }

        private func entry(_ key: Key) -> (key: String, start: Int, end: Int)? {
            let name = key.stringValue
            if cursor.next < entries.count, entries[cursor.next].key == name {
                defer { cursor.next += 1 }
                return entries[cursor.next]
            }
            // The same key again (`decodeIfPresent` looks before it reads).
            if cursor.next > 0, cursor.next <= entries.count, entries[cursor.next - 1].key == name {
                return entries[cursor.next - 1]
            }
            guard let index = entries.firstIndex(where: { $0.key == name }) else { return nil }
            cursor.next = index + 1
            return entries[index]
        }

        /// Runs `body` with the reader at the value of `key`, then leaves it at the container's end.
        private func at<T>(_ key: Key, _ body: () throws -> T) throws -> T {
            guard let entry = entry(key) else { throw SnapshotDecoder.Failure(description: "missing key \(key.stringValue)") }
            reader.offset = entry.start
            defer { reader.offset = end }
            return try body()
        }

        func decodeNil(forKey key: Key) throws -> Bool {
            try at(key) { try reader.peek() == SnapshotEncoder.Tag.null.rawValue }
        }

        func decode<T: Decodable>(_ type: T.Type, forKey key: Key) throws -> T {
            try at(key) { try SnapshotValueDecoder(reader: reader).decodeValue(T.self) }
        }

        func decodeIfPresent<T: Decodable>(_ type: T.Type, forKey key: Key) throws -> T? {
            guard entry(key) != nil else { return nil }
            return try at(key) {
                if try reader.peek() == SnapshotEncoder.Tag.null.rawValue { return nil }
                return try SnapshotValueDecoder(reader: reader).decodeValue(T.self)
            }
        }

        func nestedContainer<NestedKey: CodingKey>(keyedBy type: NestedKey.Type, forKey key: Key) throws -> KeyedDecodingContainer<NestedKey> {
            try at(key) { try SnapshotValueDecoder(reader: reader).container(keyedBy: type) }
        }

        func nestedUnkeyedContainer(forKey key: Key) throws -> any UnkeyedDecodingContainer {
            // The unkeyed container reads on from here; only a whole value read through it is supported.
            guard let entry = entry(key) else { throw SnapshotDecoder.Failure(description: "missing key \(key.stringValue)") }
            reader.offset = entry.start
            return try SnapshotValueDecoder(reader: reader).unkeyedContainer()
        }

        func superDecoder() throws -> any Decoder {
            SnapshotValueDecoder(reader: reader)
        }

        func superDecoder(forKey key: Key) throws -> any Decoder {
            guard let entry = entry(key) else { throw SnapshotDecoder.Failure(description: "missing key \(key.stringValue)") }
            reader.offset = entry.start
            return SnapshotValueDecoder(reader: reader)
        }
    }

    struct UnkeyedContainer: UnkeyedDecodingContainer {
        let reader: SnapshotDecoder.Reader
        let total: Int
        var currentIndex = 0
        var codingPath: [any CodingKey] { [] }

        init(reader: SnapshotDecoder.Reader, count: Int) {
            self.reader = reader
            self.total = count
        }

        var count: Int? { total }
        var isAtEnd: Bool { currentIndex >= total }

        private func checkNotAtEnd() throws {
            guard currentIndex < total else { throw SnapshotDecoder.Failure(description: "no more elements") }
        }

        mutating func decodeNil() throws -> Bool {
            try checkNotAtEnd()
            guard try reader.peek() == SnapshotEncoder.Tag.null.rawValue else { return false }
            reader.offset += 1
            currentIndex += 1
            return true
        }

        mutating func decode<T: Decodable>(_ type: T.Type) throws -> T {
            try checkNotAtEnd()
            currentIndex += 1
            return try SnapshotValueDecoder(reader: reader).decodeValue(T.self)
        }

        mutating func nestedContainer<NestedKey: CodingKey>(keyedBy type: NestedKey.Type) throws -> KeyedDecodingContainer<NestedKey> {
            try checkNotAtEnd()
            currentIndex += 1
            return try SnapshotValueDecoder(reader: reader).container(keyedBy: type)
        }

        mutating func nestedUnkeyedContainer() throws -> any UnkeyedDecodingContainer {
            try checkNotAtEnd()
            currentIndex += 1
            return try SnapshotValueDecoder(reader: reader).unkeyedContainer()
        }

        mutating func superDecoder() throws -> any Decoder {
            try checkNotAtEnd()
            currentIndex += 1
            return SnapshotValueDecoder(reader: reader)
        }
    }

    struct SingleContainer: SingleValueDecodingContainer {
        let decoder: SnapshotValueDecoder
        var codingPath: [any CodingKey] { [] }

        func decodeNil() -> Bool {
            guard (try? decoder.reader.peek()) == SnapshotEncoder.Tag.null.rawValue else { return false }
            decoder.reader.offset += 1
            return true
        }

        func decode<T: Decodable>(_ type: T.Type) throws -> T {
            try decoder.decodeValue(T.self)
        }
    }
}
