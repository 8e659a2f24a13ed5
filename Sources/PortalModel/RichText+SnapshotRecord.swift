extension RichText: SnapshotRecord {
    public init(snapshot reader: SnapshotDecoder.Reader) throws {
        self.init(
            markdown: try reader.string(), linkTargets: try reader.dictionary(reader.string),
            reservedHeadingIDs: try reader.strings(), isInline: try reader.bool(),
            headings: try reader.array { try reader.record(Heading.self) }, leadText: try reader.string())
        // Stored, not derived: a stored text has its Markdown left out (`withoutMarkdown`) and keeps `isEmpty`.
        isEmpty = try reader.bool()
    }

    public func write(to buffer: SnapshotEncoder.Buffer) {
        buffer.string(markdown)
        buffer.dictionary(linkTargets, buffer.string)
        buffer.strings(reservedHeadingIDs)
        buffer.bool(isInline)
        buffer.array(headings) { $0.write(to: buffer) }
        buffer.string(leadText)
        buffer.bool(isEmpty)
    }
}

extension RichText.Heading: SnapshotRecord {
    public init(snapshot reader: SnapshotDecoder.Reader) throws {
        self.init(level: try reader.int(), text: try reader.string(), id: try reader.string())
    }

    public func write(to buffer: SnapshotEncoder.Buffer) {
        buffer.int(level)
        buffer.string(text)
        buffer.string(id)
    }
}
