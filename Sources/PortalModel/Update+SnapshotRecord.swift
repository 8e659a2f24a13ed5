extension Update: SnapshotRecord {
    public init(snapshot reader: SnapshotDecoder.Reader) throws {
        self.init(
            slug: try reader.string(), title: try reader.string(), date: try reader.record(LocalDate.self),
            summary: try reader.optionalString(), type: try reader.vocabulary(UpdateType.self),
            related: try reader.array { try reader.record(Related.self) }, tags: try reader.strings(),
            body: try reader.record(RichText.self), sourcePath: try reader.string())
    }

    public func write(to buffer: SnapshotEncoder.Buffer) {
        buffer.string(slug)
        buffer.string(title)
        date.write(to: buffer)
        buffer.optionalString(summary)
        buffer.vocabulary(type)
        buffer.array(related) { $0.write(to: buffer) }
        buffer.strings(tags)
        body.write(to: buffer)
        buffer.string(sourcePath)
    }
}

extension Update.Related: SnapshotRecord {
    public init(snapshot reader: SnapshotDecoder.Reader) throws {
        switch try reader.string() {
        case "motion": self = .motion(try reader.string())
        case "measure": self = .measure(try reader.string())
        case let kind: throw SnapshotDecoder.Failure(description: "no related kind \(kind)")
        }
    }

    public func write(to buffer: SnapshotEncoder.Buffer) {
        switch self {
        case .motion(let reference):
            buffer.string("motion")
            buffer.string(reference)
        case .measure(let slug):
            buffer.string("measure")
            buffer.string(slug)
        }
    }
}
