import Foundation

/// The hash of the running executable, so that a new build of `portal` invalidates the cache of every site.
enum ExecutableFingerprint {
    /// The executable's stamp and content hash; the recorded hash is reused while the file's stamp is unchanged
    /// (like git's index). `nil` when the executable cannot be read (then nothing is reused).
    static func current(previous: (stamp: FileStamp, hash: String)?) -> (stamp: FileStamp, hash: String)? {
        let path = (try? FileManager.default.destinationOfSymbolicLink(atPath: "/proc/self/exe")) ?? CommandLine.arguments.first ?? ""
        guard let stamp = FileStamp.of(path) else { return nil }
        if let previous, previous.stamp == stamp { return previous }
        // Read in pieces: a release build of portal is some 50 MB, which need not sit in memory at once.
        guard let file = FileHandle(forReadingAtPath: path) else { return nil }
        defer { try? file.close() }
        var hash = ContentHash()
        while let piece = try? file.read(upToCount: 1 << 20), !piece.isEmpty {
            piece.withUnsafeBytes { hash.add($0) }
        }
        return (stamp, hash.hex)
    }
}
