/// A value that snapshots store field by field in a fixed order, without the keys and tags that `Codable` values
/// carry (see ``SnapshotEncoder``).
///
/// For the values a snapshot holds thousands of: measures, updates, their texts, the document index, the gate's
/// file table. Through `Codable`'s keyed containers, decoding 10,000 articles' content took 0.58 s of processor
/// time, most of it finding keys and boxing containers (BENCHMARKS.md, "session 10").
///
/// `write(to:)` and `init(snapshot:)` must read exactly what the other writes, in the same order; a value that
/// does not round-trip is a bug that `SnapshotRecordTests` looks for with values that fill every field.
public protocol SnapshotRecord {
    /// Reads the fields `write(to:)` wrote; throws ``SnapshotDecoder/Failure`` on bytes it does not understand.
    init(snapshot reader: SnapshotDecoder.Reader) throws
    /// Writes the value's fields; throws what a field without record form throws when it is encoded.
    func write(to buffer: SnapshotEncoder.Buffer) throws
}
