import PortalModel

extension ContentStamp: SnapshotRecord {
    init(snapshot reader: SnapshotDecoder.Reader) throws {
        self.init(file: try reader.record(FileStamp.self), changedSeconds: Int64(try reader.int()), changedNanoseconds: Int64(try reader.int()))
    }

    func write(to buffer: SnapshotEncoder.Buffer) {
        file.write(to: buffer)
        buffer.int(Int(changedSeconds))
        buffer.int(Int(changedNanoseconds))
    }
}
