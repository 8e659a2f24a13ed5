import PortalDiagnostics
import PortalModel

/// The cache file's layout: a text file of one line per published file took 0.12 s of processor time to read for
/// 10,000 articles' 23,000 files (splitting lines and fields, parsing stamps), on the path of every build.
extension BuildCache: SnapshotRecord {
    init(snapshot reader: SnapshotDecoder.Reader) throws {
        let fingerprint = try reader.string(), pagesWritten = try reader.int(), filesWritten = try reader.int()
        let executable = try reader.optional { (stamp: try reader.record(FileStamp.self), hash: try reader.string()) }
        self.init(
            fingerprint: fingerprint, diagnostics: try reader.value([Diagnostic].self), pagesWritten: pagesWritten,
            filesWritten: filesWritten, executable: executable, manifest: try reader.dictionary { try reader.record(PublishedFile.self) },
            spare: try reader.dictionary { try reader.record(PublishedFile.self) })
    }

    func write(to buffer: SnapshotEncoder.Buffer) throws {
        buffer.string(fingerprint)
        buffer.int(pagesWritten)
        buffer.int(filesWritten)
        buffer.optional(executable) { executable in
            executable.stamp.write(to: buffer)
            buffer.string(executable.hash)
        }
        try buffer.value(diagnostics)
        buffer.dictionary(manifest) { $0.write(to: buffer) }
        buffer.dictionary(spare) { $0.write(to: buffer) }
    }
}

extension PublishedFile: SnapshotRecord {
    init(snapshot reader: SnapshotDecoder.Reader) throws {
        self.init(hash: try reader.string(), stamp: try reader.record(FileStamp.self))
    }

    func write(to buffer: SnapshotEncoder.Buffer) {
        buffer.string(hash)
        stamp.write(to: buffer)
    }
}
