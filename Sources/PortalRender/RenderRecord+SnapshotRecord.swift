import PortalModel

extension RenderRecord: SnapshotRecord {
    public init(snapshot reader: SnapshotDecoder.Reader) throws {
        self.init(pages: try reader.array { try reader.record(Page.self) }, machineFiles: try reader.array(reader.strings))
    }

    public func write(to buffer: SnapshotEncoder.Buffer) {
        buffer.array(pages) { $0.write(to: buffer) }
        buffer.array(machineFiles, buffer.strings)
    }
}

extension RenderRecord.Page: SnapshotRecord {
    public init(snapshot reader: SnapshotDecoder.Reader) throws {
        self.init(path: try reader.string(), filePath: try reader.string(), template: try reader.string())
    }

    public func write(to buffer: SnapshotEncoder.Buffer) {
        buffer.string(path)
        buffer.string(filePath)
        buffer.string(template)
    }
}
