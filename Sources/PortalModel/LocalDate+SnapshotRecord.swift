extension LocalDate: SnapshotRecord {
    public init(snapshot reader: SnapshotDecoder.Reader) throws {
        let year = try reader.int(), month = try reader.int(), day = try reader.optional(reader.int)
        // Only dates `init(iso:)` accepts: pages index month names and count days with them.
        guard year >= 1000, year <= 9999, (1...12).contains(month),
              day.map({ (1...LocalDate.daysIn(month: month, year: year)).contains($0) }) ?? true
        else { throw SnapshotDecoder.Failure(description: "no date \(year)-\(month)-\(day ?? 0)") }
        self.init(year: year, month: month, day: day)
    }

    public func write(to buffer: SnapshotEncoder.Buffer) {
        buffer.int(year)
        buffer.int(month)
        buffer.optional(day, buffer.int)
    }
}
