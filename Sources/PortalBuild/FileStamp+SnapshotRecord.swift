import PortalModel

extension FileStamp: SnapshotRecord {
    init(snapshot reader: SnapshotDecoder.Reader) throws {
        self.init(
            size: Int64(try reader.int()), modifiedSeconds: Int64(try reader.int()),
            modifiedNanoseconds: Int64(try reader.int()), inode: try reader.uint64())
    }

    func write(to buffer: SnapshotEncoder.Buffer) {
        buffer.int(Int(size))
        buffer.int(Int(modifiedSeconds))
        buffer.int(Int(modifiedNanoseconds))
        buffer.uint64(inode)
    }
}
