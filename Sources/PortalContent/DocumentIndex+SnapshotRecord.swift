import PortalModel

extension DocumentIndex: SnapshotRecord {
    init(snapshot reader: SnapshotDecoder.Reader) throws {
        self.init(entries: try reader.dictionary { try reader.record(Entry.self) }, unavailable: try reader.stringSet())
    }

    func write(to buffer: SnapshotEncoder.Buffer) {
        buffer.dictionary(entries) { $0.write(to: buffer) }
        buffer.stringSet(unavailable)
    }
}

extension DocumentIndex.Entry: SnapshotRecord {
    init(snapshot reader: SnapshotDecoder.Reader) throws {
        self.init(path: try reader.string(), anchors: try reader.stringSet())
    }

    func write(to buffer: SnapshotEncoder.Buffer) {
        buffer.string(path)
        buffer.stringSet(anchors)
    }
}
