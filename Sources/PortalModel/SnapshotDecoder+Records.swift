import Glibc

extension SnapshotDecoder.Reader {
    /// A record stored as a tagged value: its tag, its length, its fields, which must fill that length exactly.
    func tagged(_ type: any SnapshotRecord.Type) throws -> any SnapshotRecord {
        if let isCancelled, isCancelled() { throw SnapshotDecoder.Failure(description: "cancelled") }
        try expect(.record)
        let length = try read32()
        guard length <= bytes.count - offset else { throw SnapshotDecoder.Failure(description: "record beyond the end") }
        let end = offset + length
        let value = try type.init(snapshot: self)
        guard offset == end else { throw SnapshotDecoder.Failure(description: "record of \(type) not \(length) bytes long") }
        return value
    }

    /// A string.
    public func string() throws -> String {
        try readString()
    }

    /// An integer.
    public func int() throws -> Int {
        Int(Int64(bitPattern: try read64()))
    }

    /// An unsigned 64-bit integer.
    public func uint64() throws -> UInt64 {
        try read64()
    }

    /// A floating-point number.
    public func double() throws -> Double {
        Double(bitPattern: try read64())
    }

    /// A Boolean.
    public func bool() throws -> Bool {
        switch try byte() {
        case 0: false
        case 1: true
        default: throw SnapshotDecoder.Failure(description: "not a Boolean at \(offset - 1)")
        }
    }

    /// A value that may be missing, read by `read` when present.
    public func optional<T>(_ read: () throws -> T) throws -> T? {
        try bool() ? try read() : nil
    }

    /// A string that may be missing.
    public func optionalString() throws -> String? {
        try optional(string)
    }

    /// A list, each element read by `read`.
    public func array<T>(_ read: () throws -> T) throws -> [T] {
        let count = try read32()
        // Every element takes at least one byte: damaged counts cannot reserve more than the bytes left.
        guard count <= bytes.count - offset else { throw SnapshotDecoder.Failure(description: "list beyond the end") }
        var elements: [T] = []
        elements.reserveCapacity(count)
        for _ in 0..<count { elements.append(try read()) }
        return elements
    }

    /// A list of strings.
    public func strings() throws -> [String] {
        try array(string)
    }

    /// A set of strings.
    public func stringSet() throws -> Set<String> {
        let count = try read32()
        guard count <= bytes.count - offset else { throw SnapshotDecoder.Failure(description: "set beyond the end") }
        var set = Set<String>(minimumCapacity: count)
        for _ in 0..<count {
            guard set.insert(try string()).inserted else { throw SnapshotDecoder.Failure(description: "a string twice in a set") }
        }
        return set
    }

    /// A dictionary, each key a string and each value read by `read`.
    public func dictionary<Value>(_ read: () throws -> Value) throws -> [String: Value] {
        let count = try read32()
        guard count <= bytes.count - offset else { throw SnapshotDecoder.Failure(description: "dictionary beyond the end") }
        var dictionary = [String: Value](minimumCapacity: count)
        for _ in 0..<count {
            let key = try string()
            guard dictionary.updateValue(try read(), forKey: key) == nil else {
                throw SnapshotDecoder.Failure(description: "key \(key) twice")
            }
        }
        return dictionary
    }

    /// A value of a vocabulary (an enumeration of strings), by its raw value.
    public func vocabulary<Value: RawRepresentable>(_ type: Value.Type) throws -> Value where Value.RawValue == String {
        let raw = try string()
        guard let value = Value(rawValue: raw) else { throw SnapshotDecoder.Failure(description: "no \(type) \(raw)") }
        return value
    }

    /// A record written with `SnapshotEncoder.Buffer.record(_:)`, without tag or length.
    public func record<T: SnapshotRecord>(_ type: T.Type) throws -> T {
        try T(snapshot: self)
    }

    /// Any `Decodable` value, as `SnapshotDecoder` reads it (with its tag): for fields whose types have no
    /// record form.
    public func value<T: Decodable>(_ type: T.Type) throws -> T {
        try SnapshotValueDecoder(reader: self).decodeValue(T.self)
    }
}
