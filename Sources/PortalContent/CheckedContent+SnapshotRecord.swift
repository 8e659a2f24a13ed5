import PortalDiagnostics
import PortalModel

extension CheckedContent: SnapshotRecord {
    /// The site and the diagnostics go through `Codable` (few values each once the measures and updates, which
    /// are records, are stored apart: `Parts`); the document index and the front matter hashes, one entry per
    /// document, are records.
    public init(snapshot reader: SnapshotDecoder.Reader) throws {
        self.init(
            site: try reader.value(Site.self), documents: try reader.record(DocumentIndex.self), assetPaths: try reader.strings(),
            fileDiagnostics: try reader.value([String: [Diagnostic]].self),
            textDiagnostics: try reader.value([String: [Diagnostic]].self),
            otherDiagnostics: try reader.value([Diagnostic].self), frontMatterHashes: try reader.dictionary(reader.uint64))
    }

    public func write(to buffer: SnapshotEncoder.Buffer) throws {
        try buffer.value(site)
        documents.write(to: buffer)
        buffer.strings(assetPaths)
        try buffer.value(fileDiagnostics)
        try buffer.value(textDiagnostics)
        try buffer.value(otherDiagnostics)
        buffer.dictionary(frontMatterHashes, buffer.uint64)
    }
}
