extension SnapshotEncoder.Buffer {
    /// Writes a record as a tagged value: its tag, its length, its fields.
    func tagged(_ record: any SnapshotRecord) throws {
        append(SnapshotEncoder.Tag.record.rawValue)
        let lengthOffset = bytes.count
        append32(0)
        try record.write(to: self)
        patch32(bytes.count - lengthOffset - 4, at: lengthOffset)
    }

    /// Writes a string.
    public func string(_ text: String) {
        appendString(text)
    }

    /// Writes an integer.
    public func int(_ number: Int) {
        append64(UInt64(bitPattern: Int64(number)))
    }

    /// Writes an unsigned 64-bit integer.
    public func uint64(_ number: UInt64) {
        append64(number)
    }

    /// Writes a floating-point number.
    public func double(_ number: Double) {
        append64(number.bitPattern)
    }

    /// Writes a Boolean.
    public func bool(_ flag: Bool) {
        append(flag ? 1 : 0)
    }

    /// Writes a value that may be missing, with `write` when present.
    public func optional<T>(_ value: T?, _ write: (T) throws -> Void) rethrows {
        bool(value != nil)
        if let value { try write(value) }
    }

    /// Writes a string that may be missing.
    public func optionalString(_ text: String?) {
        optional(text, string)
    }

    /// Writes a list, each element with `write`.
    public func array<T>(_ elements: [T], _ write: (T) throws -> Void) rethrows {
        append32(elements.count)
        for element in elements { try write(element) }
    }

    /// Writes a list of strings.
    public func strings(_ elements: [String]) {
        array(elements, string)
    }

    /// Writes a set of strings, in the set's order (which differs from process to process, like a dictionary's
    /// under `Codable`: snapshots are not compared byte for byte).
    public func stringSet(_ elements: Set<String>) {
        append32(elements.count)
        for element in elements { string(element) }
    }

    /// Writes a dictionary with string keys in the dictionary's order (see `stringSet(_:)`), each value with
    /// `write`.
    public func dictionary<Value>(_ dictionary: [String: Value], _ write: (Value) throws -> Void) rethrows {
        append32(dictionary.count)
        for (key, value) in dictionary {
            string(key)
            try write(value)
        }
    }

    /// Writes a value of a vocabulary by its raw value.
    public func vocabulary<Value: RawRepresentable>(_ value: Value) where Value.RawValue == String {
        string(value.rawValue)
    }

    /// Writes a record's fields, without tag or length (read back with `SnapshotDecoder.Reader.record(_:)`).
    public func record(_ record: some SnapshotRecord) throws {
        try record.write(to: self)
    }

    /// Writes any `Encodable` value as `SnapshotEncoder` writes it (with its tag), for fields whose types have no
    /// record form.
    public func value<T: Encodable>(_ value: T) throws {
        try SnapshotValueEncoder(buffer: self).encodeValue(value)
    }
}
