import Foundation
#if canImport(Glibc)
import Glibc
#endif
import PortalModel
import PortalRender

/// The new site being written beside the published one: files arrive from any thread while pages are rendered.
///
/// The staging folder is either empty or a site from an earlier build taken over (`reused`, with the manifest
/// it was published with in `reusable`). A file whose fingerprint equals the one recorded there, and which is
/// still on disk exactly as recorded, is kept as it is; otherwise, a file whose fingerprint equals the one
/// recorded for the previous build, and whose published copy is still exactly as published, is hard-linked
/// instead of written again (published files are never modified in place, so sharing them is safe); any other
/// file is written. `finish` removes whatever of the reused site the new one does not have.
///
/// When two files claim one path, the one with the lower `order` wins, whatever order they arrive in, so the
/// result does not depend on thread timing. The first failure is kept and reported by `finish`; later files are
/// then ignored.
final class StagingSite: @unchecked Sendable {
    /// The staging folder.
    let path: String
    /// The published site, to hard-link unchanged files from.
    private let current: String
    private let previous: [String: PublishedFile]
    /// What was in the staging folder when the build took it over, and the manifest it was published with (paths
    /// as they are now: `adoptFolder` may move a folder; read and changed with the lock held).
    private var reused: ReusedTree
    private var reusable: [String: PublishedFile]

    private let lock = NSLock()
    /// The folders the new site needs (every folder above a placed file), all of them on disk.
    private var folders = Set<String>()
    /// The order of the file that holds each path.
    private var claims: [String: Int] = [:]
    /// What was written, kept or linked for each path (`reused`: kept or linked, not written).
    private var placed: [String: (file: PublishedFile, reused: Bool)] = [:]
    /// Files that arrived for a path already taken; settled by `finish`.
    private var contested: [(order: Int, file: OutputFile)] = []
    private var failure: Error?

    /// The staging folder, open: the stamps of the files to keep are read relative to it (10,000 pages of six path
    /// components each from the root, three below it).
    private let descriptor: Int32

    init(path: String, current: String, previous: [String: PublishedFile], reused: ReusedTree = .empty, reusable: [String: PublishedFile] = [:]) {
        self.path = path
        self.current = current
        self.previous = previous
        self.reused = reused
        self.reusable = reusable
        descriptor = open(path, O_RDONLY | O_DIRECTORY | O_CLOEXEC)
    }

    deinit {
        if descriptor >= 0 { close(descriptor) }
    }

    /// The stamp of the file at `relativePath` in the staging folder itself (not following a link).
    private func stampOfEntry(_ relativePath: String) -> FileStamp? {
        descriptor >= 0 ? FileStamp.ofEntry(relativePath, in: descriptor) : FileStamp.ofEntry(path + "/" + relativePath)
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

    /// Places the file the published site has at `relativePath`, as the previous build recorded it, without its
    /// bytes (thread-safe): kept when the reused site still has it, else hard-linked from the published site.
    /// Returns false, placing nothing, when neither is possible (the file is then to be made and placed again) or
    /// the path is taken already.
    func keep(_ relativePath: String, order: Int) -> Bool {
        guard let recorded = previous[relativePath], (try? SitePublisher.checkRelative(relativePath)) != nil else { return false }
        let target = path + "/" + relativePath
        // Read before taking the lock, so the threads keeping pages stat them side by side. Should another thread
        // place a file at this path meanwhile, it claimed the path first and this file is not kept.
        let stamp = stampOfEntry(relativePath)
        return lock.withLock {
            guard failure == nil, claims[relativePath] == nil else { return false }
            do { try createFolders(for: relativePath) } catch { return false }
            if reused.files.contains(relativePath), let reusable = reusable[relativePath], reusable.hash == recorded.hash,
               stamp == reusable.stamp {
                claims[relativePath] = order
                placed[relativePath] = (reusable, true)
                return true
            }
            let published = current + "/" + relativePath
            guard FileStamp.of(published) == recorded.stamp else { return false }
            guard (try? clearReused(at: relativePath)) != nil, link(published, target) == 0 else { return false }
            claims[relativePath] = order
            placed[relativePath] = (recorded, true)
            return true
        }
    }

    /// Gives `folder` (below the root), before files are placed in it, the folder of the reused site that the new
    /// site has no use for and that has the same parent, by renaming it (thread-safe; does nothing when the new or
    /// the reused site has `folder` already, or no such sibling exists). Meant for folders named by a version, like
    /// the search index's: its files that kept their bytes are then kept in place instead of written again, and
    /// `finish` removes the others as it would have removed the whole old folder.
    func adoptFolder(_ folder: String) {
        lock.withLock {
            guard failure == nil, !folder.isEmpty, (try? SitePublisher.checkRelative(folder)) != nil, !folders.contains(folder),
                  !reused.folders.contains(folder), !reused.files.contains(folder), !reused.others.contains(folder) else { return }
            let parent = Self.parent(of: folder)
            guard parent.isEmpty || reused.folders.contains(parent) else { return }
            // A folder the new site uses is in `folders` (every folder above a placed or kept file is) or claimed.
            let prefix = parent.isEmpty ? "" : parent + "/"
            let candidates = reused.folders.filter { candidate in
                candidate.hasPrefix(prefix) && !candidate.utf8.dropFirst(prefix.utf8.count).contains(UInt8(ascii: "/"))
                    && !folders.contains(candidate) && claims[candidate] == nil
            }
            guard let adopted = candidates.min(), rename(path + "/" + adopted, path + "/" + folder) == 0 else { return }
            // Only the entries below the adopted folder change their paths (10,000 articles: rebuilding every
            // entry's path here took 50 ms of processor time with the lock held).
            let inside = adopted + "/"
            func moved(_ entry: String) -> String {
                entry == adopted ? folder : folder + entry.dropFirst(adopted.count)
            }
            func isMoved(_ entry: String) -> Bool { entry == adopted || entry.hasPrefix(inside) }
            func move(_ entries: inout Set<String>) {
                let affected = entries.filter(isMoved)
                entries.subtract(affected)
                entries.formUnion(affected.map(moved))
            }
            move(&reused.files)
            move(&reused.folders)
            move(&reused.others)
            for key in reusable.keys.filter(isMoved) {
                if let file = reusable.removeValue(forKey: key), reusable[moved(key)] == nil { reusable[moved(key)] = file }
            }
        }
    }

    /// Places an asset copied from `source` (thread-safe).
    func placeAsset(source: String, destination: String, order: Int) {
        guard let data = FileManager.default.contents(atPath: source) else {
            lock.withLock { if failure == nil { failure = SitePublisher.PublishError.unreadableAsset(source) } }
            return
        }
        place(OutputFile(path: destination, bytes: [UInt8](data)), order: order)
    }

    /// Settles contested paths, removes what of a reused site the new one does not have, and returns the manifest
    /// of the staged site and how many files were kept or linked instead of written; throws the first failure.
    func finish() throws -> (manifest: [String: PublishedFile], reused: Int) {
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
        try removeLeftovers()
        return try lock.withLock {
            if let failure { throw failure }
            return (placed.mapValues(\.file), placed.values.filter(\.reused).count)
        }
    }

    /// Removes the files, links and folders of the reused site that the new site does not have.
    private func removeLeftovers() throws {
        let (claimed, needed) = lock.withLock { (claims, folders) }
        let reused = lock.withLock { self.reused }
        // Gone already (ENOENT), or below a folder that a file of the new site replaced (ENOTDIR): nothing to do.
        func gone(_ code: Int32) -> Bool { code == ENOENT || code == ENOTDIR }
        // Files in any order (sorting 10,000 paths was most of this); folders below.
        for entry in [reused.files, reused.others].joined() where claimed[entry] == nil && !needed.contains(entry) {
            if unlink(path + "/" + entry) != 0, !gone(errno) { throw SitePublisher.PublishError.writeFailed(entry, errno) }
        }
        // Deepest first, so each folder is empty when its turn comes.
        let unused = reused.folders.subtracting(needed).filter { claimed[$0] == nil }.sorted { $0.count > $1.count }
        for folder in unused where rmdir(path + "/" + folder) != 0 && !gone(errno) {
            throw SitePublisher.PublishError.writeFailed(folder, errno)
        }
    }

    private func record(_ filePath: String, _ result: Result<(PublishedFile, Bool), Error>) {
        lock.withLock {
            switch result {
            case .success(let (file, reused)): placed[filePath] = (file, reused)
            case .failure(let error): if failure == nil { failure = error }
            }
        }
    }

    /// Keeps the reused file at `relativePath` when it has these bytes, else hard-links the published copy when
    /// it has them, else writes the bytes. Returns the file's record and whether it was kept or linked.
    private func put(_ bytes: [UInt8], at relativePath: String) throws -> (PublishedFile, Bool) {
        let target = path + "/" + relativePath
        let hash = ContentHash.of(bytes)
        let reusedFile = lock.withLock { reused.files.contains(relativePath) ? reusable[relativePath] : nil }
        if let recorded = reusedFile, recorded.hash == hash, stampOfEntry(relativePath) == recorded.stamp {
            return (recorded, true)
        }
        try lock.withLock { try clearReused(at: relativePath) }
        if let previous = previous[relativePath], previous.hash == hash {
            let published = current + "/" + relativePath
            if FileStamp.of(published) == previous.stamp, link(published, target) == 0 {
                return (previous, true)
            }
        }
        return (PublishedFile(hash: hash, stamp: try Self.write(bytes, to: target)), false)
    }

    /// Removes what the reused site has at `relativePath` (a file, a link or a folder with its contents), so a new
    /// file can take the path (called with the lock held).
    private func clearReused(at relativePath: String) throws {
        let target = path + "/" + relativePath
        if reused.files.contains(relativePath) || reused.others.contains(relativePath) {
            if unlink(target) != 0, errno != ENOENT { throw SitePublisher.PublishError.writeFailed(relativePath, errno) }
        } else if reused.folders.contains(relativePath) {
            // A folder of the old site where the new one has a file: its contents go too.
            try FileManager.default.removeItem(atPath: target)
        }
    }

    /// Creates the folders a file needs, parents first (called with the lock held).
    private func createFolders(for filePath: String) throws {
        var missing: [String] = []
        var folder = Self.parent(of: filePath)
        while !folder.isEmpty, !folders.contains(folder) {
            missing.append(folder)
            folder = Self.parent(of: folder)
        }
        for folder in missing.reversed() {
            if !reused.folders.contains(folder) {
                // A file or link of the reused site where the new one has a folder goes first.
                if reused.files.contains(folder) || reused.others.contains(folder) {
                    if unlink(path + "/" + folder) != 0, errno != ENOENT { throw SitePublisher.PublishError.writeFailed(folder, errno) }
                }
                if mkdir(path + "/" + folder, 0o777) != 0 && errno != EEXIST {
                    throw SitePublisher.PublishError.writeFailed(folder, errno)
                }
            }
            folders.insert(folder)
        }
    }

    /// The folder a relative path is in ("" for the root). Foundation's `deletingLastPathComponent` crashes on a
    /// one-character path such as "a" (swift-corelibs-foundation of Swift 6.x), so site paths never go through it.
    static func parent(of relativePath: String) -> String {
        guard let slash = relativePath.utf8.lastIndex(of: UInt8(ascii: "/")) else { return "" }
        return String(relativePath[..<slash])
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
