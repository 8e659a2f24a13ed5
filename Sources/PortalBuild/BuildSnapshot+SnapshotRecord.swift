import PortalModel

extension BuildSnapshot.Gate: SnapshotRecord {
    init(snapshot reader: SnapshotDecoder.Reader) throws {
        self.init(
            fingerprint: try reader.string(), baseFingerprint: try reader.string(),
            fileHashes: try reader.dictionary(reader.string),
            fileStamps: try reader.dictionary { try reader.record(ContentStamp.self) }, readStarted: Int64(try reader.int()),
            contentID: try reader.string())
    }

    func write(to buffer: SnapshotEncoder.Buffer) {
        buffer.string(fingerprint)
        buffer.string(baseFingerprint)
        buffer.dictionary(fileHashes, buffer.string)
        buffer.dictionary(fileStamps) { $0.write(to: buffer) }
        buffer.int(Int(readStarted))
        buffer.string(contentID)
    }
}
