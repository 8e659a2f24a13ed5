/// Encodes `Encodable` values into a compact binary form for the build cache (see ``SnapshotDecoder``).
///
/// Foundation's `JSONEncoder` took 0.33 s and its decoder 0.26 s for 10,000 articles' model (11 MB); this format
/// takes a tenth of that (BENCHMARKS.md, "Incremental builds"). It is not an interchange format: only the same
/// build of portal reads what it wrote (the cache is keyed by the executable's hash).
///
/// Layout: every value starts with a ``Tag`` byte, then
/// - a string: a 4-byte length and its UTF-8 bytes; an integer or a floating-point number: 8 bytes little-endian;
///   a Boolean: one byte; nil: nothing;
/// - a keyed container: a 4-byte entry count, then per entry its key (a string without tag), the 4-byte length of
///   the value (`0xFFFFFFFF` for a nested container, whose length is not known when it starts) and the value, so a
///   decoder can list the keys and find any of them without decoding the others;
/// - an unkeyed container: a 4-byte count, then the values;
/// - a ``SnapshotRecord`` (the large parts of the content, the snapshot's gate): a 4-byte length, then its fields
///   in the order the record writes them, without keys or tags.
/// Numbers are little-endian. Since every value says what it is, any value can be skipped.
public struct SnapshotEncoder {
    public init() {}

    /// The bytes of `value`.
    public func encode<T: Encodable>(_ value: T) throws -> [UInt8] {
        let buffer = Buffer()
        try SnapshotValueEncoder(buffer: buffer).encodeValue(value)
        return buffer.bytes
    }

    /// What a value is.
    enum Tag: UInt8 {
        case null = 0, string, integer, boolean, double, keyed, unkeyed
        /// A ``SnapshotRecord``: a 4-byte length, then the fields as the record writes them.
        case record
    }

    /// The growing output, shared by every container of one encoding; a ``SnapshotRecord`` writes its fields to
    /// it (`SnapshotEncoder+Records.swift`).
    public final class Buffer {
        public internal(set) var bytes: [UInt8] = []

        public init() {
            bytes.reserveCapacity(1 << 16)
        }

        func append(_ byte: UInt8) {
            bytes.append(byte)
        }

        /// Appends bytes as they are (a file's header before its record).
        public func append(contentsOf raw: [UInt8]) {
            bytes.append(contentsOf: raw)
        }

        func append32(_ value: Int) {
            let number = UInt32(truncatingIfNeeded: value)
            withUnsafeBytes(of: number.littleEndian) { bytes.append(contentsOf: $0) }
        }

        func append64(_ value: UInt64) {
            withUnsafeBytes(of: value.littleEndian) { bytes.append(contentsOf: $0) }
        }

        func appendString(_ text: String) {
            var text = text
            text.withUTF8 { utf8 in
                append32(utf8.count)
                bytes.append(contentsOf: utf8)
            }
        }

        /// Overwrites the 4-byte number at `offset`.
        func patch32(_ value: Int, at offset: Int) {
            let number = UInt32(truncatingIfNeeded: value).littleEndian
            withUnsafeBytes(of: number) { raw in
                for index in 0..<4 { bytes[offset + index] = raw[index] }
            }
        }

        /// Adds one to the 4-byte count at `offset`.
        func increment32(at offset: Int) {
            let current = Int(bytes[offset]) | Int(bytes[offset + 1]) << 8 | Int(bytes[offset + 2]) << 16 | Int(bytes[offset + 3]) << 24
            patch32(current + 1, at: offset)
        }
    }
}

/// The `Encoder` handed to each value's `encode(to:)`.
struct SnapshotValueEncoder: Encoder {
    let buffer: SnapshotEncoder.Buffer
    var codingPath: [any CodingKey] { [] }
    var userInfo: [CodingUserInfoKey: Any] { [:] }

    /// Writes a value with its tag: primitives directly, others through `encode(to:)`, which opens a container.
    func encodeValue<T: Encodable>(_ value: T) throws {
        switch value {
        case let text as String:
            buffer.append(SnapshotEncoder.Tag.string.rawValue)
            buffer.appendString(text)
        case let number as Int:
            buffer.append(SnapshotEncoder.Tag.integer.rawValue)
            buffer.append64(UInt64(bitPattern: Int64(number)))
        case let flag as Bool:
            buffer.append(SnapshotEncoder.Tag.boolean.rawValue)
            buffer.append(flag ? 1 : 0)
        case let number as Double:
            buffer.append(SnapshotEncoder.Tag.double.rawValue)
            buffer.append64(number.bitPattern)
        case let number as Float:
            buffer.append(SnapshotEncoder.Tag.double.rawValue)
            buffer.append64(Double(number).bitPattern)
        case let record as any SnapshotRecord:
            try buffer.tagged(record)
        case let number as any BinaryInteger:
            // Every other integer type, by its bit pattern (decoded back with the same truncation).
            buffer.append(SnapshotEncoder.Tag.integer.rawValue)
            buffer.append64(UInt64(truncatingIfNeeded: number))
        default:
            try value.encode(to: self)
        }
    }

    func container<Key: CodingKey>(keyedBy type: Key.Type) -> KeyedEncodingContainer<Key> {
        buffer.append(SnapshotEncoder.Tag.keyed.rawValue)
        let countOffset = buffer.bytes.count
        buffer.append32(0)
        return KeyedEncodingContainer(KeyedContainer<Key>(buffer: buffer, countOffset: countOffset))
    }

    func unkeyedContainer() -> any UnkeyedEncodingContainer {
        buffer.append(SnapshotEncoder.Tag.unkeyed.rawValue)
        let countOffset = buffer.bytes.count
        buffer.append32(0)
        return UnkeyedContainer(buffer: buffer, countOffset: countOffset)
    }

    func singleValueContainer() -> any SingleValueEncodingContainer {
        SingleContainer(encoder: self)
    }

    struct KeyedContainer<Key: CodingKey>: KeyedEncodingContainerProtocol {
        let buffer: SnapshotEncoder.Buffer
        let countOffset: Int
        var codingPath: [any CodingKey] { [] }

        /// Writes the key and a length placeholder, runs `body`, then fills in the length.
        private func entry(_ key: Key, _ body: () throws -> Void) rethrows {
            buffer.increment32(at: countOffset)
            buffer.appendString(key.stringValue)
            let lengthOffset = buffer.bytes.count
            buffer.append32(0)
            try body()
            buffer.patch32(buffer.bytes.count - lengthOffset - 4, at: lengthOffset)
        }

        /// Writes the key of a nested container, whose length stays unknown (the decoder skips it by its tags).
        private func openEntry(_ key: Key) {
            buffer.increment32(at: countOffset)
            buffer.appendString(key.stringValue)
            buffer.append32(-1)
        }

        mutating func encodeNil(forKey key: Key) throws {
            entry(key) { buffer.append(SnapshotEncoder.Tag.null.rawValue) }
        }

        mutating func encode<T: Encodable>(_ value: T, forKey key: Key) throws {
            try entry(key) { try SnapshotValueEncoder(buffer: buffer).encodeValue(value) }
        }

        mutating func nestedContainer<NestedKey: CodingKey>(keyedBy keyType: NestedKey.Type, forKey key: Key) -> KeyedEncodingContainer<NestedKey> {
            openEntry(key)
            return SnapshotValueEncoder(buffer: buffer).container(keyedBy: keyType)
        }

        mutating func nestedUnkeyedContainer(forKey key: Key) -> any UnkeyedEncodingContainer {
            openEntry(key)
            return SnapshotValueEncoder(buffer: buffer).unkeyedContainer()
        }

        mutating func superEncoder() -> any Encoder {
            openEntry(Key(stringValue: "super") ?? Key(intValue: 0)!)
            return SnapshotValueEncoder(buffer: buffer)
        }

        mutating func superEncoder(forKey key: Key) -> any Encoder {
            openEntry(key)
            return SnapshotValueEncoder(buffer: buffer)
        }
    }

    struct UnkeyedContainer: UnkeyedEncodingContainer {
        let buffer: SnapshotEncoder.Buffer
        let countOffset: Int
        var codingPath: [any CodingKey] { [] }
        var count = 0

        private mutating func counted() {
            count += 1
            buffer.increment32(at: countOffset)
        }

        mutating func encodeNil() throws {
            counted()
            buffer.append(SnapshotEncoder.Tag.null.rawValue)
        }

        mutating func encode<T: Encodable>(_ value: T) throws {
            counted()
            try SnapshotValueEncoder(buffer: buffer).encodeValue(value)
        }

        mutating func nestedContainer<NestedKey: CodingKey>(keyedBy keyType: NestedKey.Type) -> KeyedEncodingContainer<NestedKey> {
            counted()
            return SnapshotValueEncoder(buffer: buffer).container(keyedBy: keyType)
        }

        mutating func nestedUnkeyedContainer() -> any UnkeyedEncodingContainer {
            counted()
            return SnapshotValueEncoder(buffer: buffer).unkeyedContainer()
        }

        mutating func superEncoder() -> any Encoder {
            counted()
            return SnapshotValueEncoder(buffer: buffer)
        }
    }

    struct SingleContainer: SingleValueEncodingContainer {
        let encoder: SnapshotValueEncoder
        var codingPath: [any CodingKey] { [] }

        mutating func encodeNil() throws {
            encoder.buffer.append(SnapshotEncoder.Tag.null.rawValue)
        }

        mutating func encode<T: Encodable>(_ value: T) throws {
            try encoder.encodeValue(value)
        }
    }
}
