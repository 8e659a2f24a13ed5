import Foundation
#if canImport(Glibc)
import Glibc
#endif
import PortalModel
import PortalRender

/// The new site being written beside the published one: files arrive from any thread while pages are rendered.
///
/// A file whose fingerprint equals the one recorded for the previous build, and whose published copy is still on
/// disk exactly as published, is hard-linked instead of written again (published files are never modified in
/// place, so sharing them is safe). When two files claim one path, the one with the lower `order` wins, whatever
/// order they arrive in, so the result does not depend on thread timing. The first failure is kept and reported
/// by `finish`; later files are then ignored.
final class StagingSite: @unchecked Sendable {
    /// The staging folder.
    let path: String
    /// The published site, to hard-link unchanged files from.
    private let current: String
    private let previous: [String: PublishedFile]

    private let lock = NSLock()
    private var folders = Set<String>()
    /// The order of the file that holds each path.
    private var claims: [String: Int] = [:]
    /// What was written or linked for each path.
    private var placed: [String: (file: PublishedFile, linked: Bool)] = [:]
    /// Files that arrived for a path already taken; settled by `finish`.
    private var contested: [(order: Int, file: OutputFile)] = []
    private var failure: Error?

    init(path: String, current: String, previous: [String: PublishedFile]) {
        self.path = path
        self.current = current
        self.previous = previous
    }

    /// Places one generated file (thread-safe).
    func place(_ file: OutputFile, order: Int) {
        let claimed: Bool = lock.withLock {
            guard failure == nil else { return false }
            if claims[file.path] != nil {
                contested.append((order, file))
                return false
            }
            do {
                try SitePublisher.checkRelative(file.path)
                try createFolders(for: file.path)
            } catch {
                failure = error
                return false
            }
            claims[file.path] = order
            return true
        }
        guard claimed else { return }
        record(file.path, Result { try put(file.bytes, at: file.path) })
    }

    /// Places an asset copied from `source` (thread-safe).
    func placeAsset(source: String, destination: String, order: Int) {
        guard let data = FileManager.default.contents(atPath: source) else {
            lock.withLock { if failure == nil { failure = SitePublisher.PublishError.unreadableAsset(source) } }
            return
        }
        place(OutputFile(path: destination, bytes: [UInt8](data)), order: order)
    }

    /// Settles contested paths and returns the manifest of the staged site and how many files were linked; throws
    /// the first failure.
    func finish() throws -> (manifest: [String: PublishedFile], linked: Int) {
        let (pending, found) = lock.withLock { (contested.sorted { $0.order < $1.order }, failure) }
        if let found { throw found }
        for (order, file) in pending {
            guard let holder = lock.withLock({ claims[file.path] }), order < holder else { continue }
            // The lower order wins: replace what the other file put there.
            let target = path + "/" + file.path
            if unlink(target) != 0 { throw SitePublisher.PublishError.writeFailed(file.path, errno) }
            let stamp = try Self.write(file.bytes, to: target)
            lock.withLock {
                claims[file.path] = order
                placed[file.path] = (PublishedFile(hash: ContentHash.of(file.bytes), stamp: stamp), false)
            }
        }
        return try lock.withLock {
            if let failure { throw failure }
            return (placed.mapValues(\.file), placed.values.filter(\.linked).count)
        }
    }

    private func record(_ filePath: String, _ result: Result<(PublishedFile, Bool), Error>) {
        lock.withLock {
            switch result {
            case .success(let (file, linked)): placed[filePath] = (file, linked)
            case .failure(let error): if failure == nil { failure = error }
            }
        }
    }

    /// Writes the bytes to `relativePath` in the staging folder, or hard-links the published copy when unchanged.
    private func put(_ bytes: [UInt8], at relativePath: String) throws -> (PublishedFile, Bool) {
        let target = path + "/" + relativePath
        let hash = ContentHash.of(bytes)
        if let previous = previous[relativePath], previous.hash == hash {
            let published = current + "/" + relativePath
            if FileStamp.of(published) == previous.stamp, link(published, target) == 0 {
                return (previous, true)
            }
        }
        return (PublishedFile(hash: hash, stamp: try Self.write(bytes, to: target)), false)
    }

    /// Creates the folders a file needs, parents first (called with the lock held).
    private func createFolders(for filePath: String) throws {
        var missing: [String] = []
        var folder = (filePath as NSString).deletingLastPathComponent
        while !folder.isEmpty, !folders.contains(folder) {
            missing.append(folder)
            folder = (folder as NSString).deletingLastPathComponent
        }
        for folder in missing.reversed() {
            if mkdir(path + "/" + folder, 0o777) != 0 && errno != EEXIST {
                throw SitePublisher.PublishError.writeFailed(folder, errno)
            }
            folders.insert(folder)
        }
    }

    /// Writes `bytes` to a new file at `path` with plain POSIX calls; returns the written file's stamp.
    static func write(_ bytes: [UInt8], to path: String) throws -> FileStamp {
        let descriptor = open(path, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0o666)
        guard descriptor >= 0 else { throw SitePublisher.PublishError.writeFailed(path, errno) }
        var failure: Int32?
        bytes.withUnsafeBytes { buffer in
            var offset = 0
            while offset < buffer.count {
                let written = Glibc.write(descriptor, buffer.baseAddress! + offset, buffer.count - offset)
                if written < 0 {
                    if errno == EINTR { continue }
                    failure = errno
                    return
                }
                offset += written
            }
        }
        let stamp = FileStamp.of(descriptor: descriptor)
        if close(descriptor) != 0, failure == nil { failure = errno }
        if let failure { throw SitePublisher.PublishError.writeFailed(path, failure) }
        guard let stamp else { throw SitePublisher.PublishError.writeFailed(path, errno) }
        return stamp
    }
}
