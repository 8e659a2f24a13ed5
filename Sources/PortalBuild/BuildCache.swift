import Foundation
import PortalDiagnostics
import PortalModel

/// What the last successful build of an output folder left behind: the fingerprint of all its inputs, its
/// diagnostics and counts, and the manifest of the published files (path → fingerprint and stamp).
///
/// Kept in `.portal-cache/` in the working directory, never in the published folder. A missing, unreadable or
/// foreign cache file simply means a full build; the cache never decides what a page contains, only whether a file
/// already on disk has exactly the bytes that would be written.
struct BuildCache: Sendable {
    /// The fingerprint of every input: content, assets, theme, options, the as-of date and the executable.
    var fingerprint: String
    var diagnostics: [Diagnostic]
    var pagesWritten: Int
    var filesWritten: Int
    /// The executable's stamp and hash, so an unchanged binary need not be hashed again.
    var executable: (stamp: FileStamp, hash: String)?
    /// Every published file by path below the site root.
    var manifest: [String: PublishedFile]
    /// Every file of the site this build replaced, kept in the spare folder for the next build (empty when none
    /// was kept or its files are unknown).
    var spare: [String: PublishedFile] = [:]

    /// What the file starts with; its record follows (`BuildCache+SnapshotRecord.swift`).
    private static let header = Array("portal-cache 3\n".utf8)

    /// The cache file for `outputDirectory` (canonical) below `workingDirectory`.
    static func location(outputDirectory: String, workingDirectory: String) -> String {
        let name = (outputDirectory as NSString).lastPathComponent.filter { $0.isLetter || $0.isNumber || $0 == "-" || $0 == "_" }
        var hash = ContentHash()
        hash.add(outputDirectory)
        return workingDirectory + "/.portal-cache/" + name + "-" + hash.hex.prefix(16) + ".cache"
    }

    /// The folder that keeps the site an incremental build replaced, beside its cache file (see `SitePublisher`).
    static func spareLocation(cachePath: String) -> String {
        cachePath.replacingSuffix(".cache", with: ".spare")
    }

    /// Reads the cache file; `nil` when it is missing or not understood.
    static func read(from path: String) -> BuildCache? {
        guard let bytes = CacheFile.read(path, stamp: header),
              let cache = try? SnapshotDecoder().read(bytes, startingAt: header.count, { try $0.record(BuildCache.self) }),
              !cache.fingerprint.isEmpty else { return nil }
        return cache
    }

    /// Writes the cache file atomically (a temporary file renamed over it). Failing to write is not an error of
    /// the build: the next build is simply a full one.
    func write(to path: String) {
        let buffer = SnapshotEncoder.Buffer()
        buffer.append(contentsOf: Self.header)
        do {
            try buffer.record(self)
            try CacheFile.writeAtomically(buffer.bytes, to: path)
        } catch {
            Self.remove(at: path)
        }
    }

    /// Deletes the cache file, so the next build is a full one.
    static func remove(at path: String) {
        unlink(path)
    }

    /// Whether every file of the manifest is still in `outputDirectory` exactly as published (same stamp).
    func publishedSiteIsIntact(in outputDirectory: String) -> Bool {
        guard !manifest.isEmpty else { return false }
        let entries = Array(manifest)
        return !Parallel.map(entries) { path, file in FileStamp.of(outputDirectory + "/" + path) == file.stamp }.contains(false)
    }
}
