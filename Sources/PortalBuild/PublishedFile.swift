/// One file of the published site as the cache remembers it: the fingerprint of what was written and the stamp
/// of the file on disk, so the next build can hard-link it instead of writing it again.
struct PublishedFile: Sendable, Hashable {
    /// `ContentHash` of the file's bytes.
    var hash: String
    var stamp: FileStamp
}
