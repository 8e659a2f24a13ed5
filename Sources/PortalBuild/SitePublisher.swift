import Foundation
#if canImport(Glibc)
import Glibc
#endif
import PortalDiagnostics
import PortalModel
import PortalRender

/// Writes a complete new site beside the published one and swaps it in, so a failed or interrupted build never
/// damages the published site. The only place that writes the output folder.
struct SitePublisher {
    /// The output folder, canonical.
    let outputDirectory: String

    private var parent: String { (outputDirectory as NSString).deletingLastPathComponent }
    private var name: String { (outputDirectory as NSString).lastPathComponent }
    private var stagingPrefix: String { ".\(name).tmp-" }

    /// Writes `files` and copies `assets` (source path on disk → path below the site root), then swaps.
    ///
    /// A file whose fingerprint equals the one recorded in `previous` and that is still on disk exactly as
    /// published is hard-linked from the current site instead of written again (published files are never modified
    /// in place, so sharing them is safe). Returns the manifest of the new site and how many files were linked.
    @discardableResult
    func publish(
        files: [OutputFile], assets: [(source: String, destination: String)], previous: [String: PublishedFile] = [:]
    ) throws -> (manifest: [String: PublishedFile], linked: Int) {
        let fileManager = FileManager.default
        try fileManager.createDirectory(atPath: parent, withIntermediateDirectories: true)
        removeLeftovers()
        let staging = parent + "/" + stagingPrefix + "\(getpid())-\(UInt32.random(in: 0...UInt32.max))"
        try fileManager.createDirectory(atPath: staging, withIntermediateDirectories: false)
        do {
            for file in files { try Self.checkRelative(file.path) }
            for asset in assets { try Self.checkRelative(asset.destination) }
            try createFolders(for: files.map(\.path) + assets.map(\.destination), in: staging)
            let jobs = files.indices.map { PublishJob.generated($0) } + assets.indices.map { PublishJob.asset($0) }
            let current = outputDirectory
            let results = Parallel.map(jobs) { job -> Result<(path: String, file: PublishedFile, linked: Bool), Error> in
                Result {
                    switch job {
                    case .generated(let index):
                        let file = files[index]
                        let hash = ContentHash.of(file.bytes)
                        return try Self.place(path: file.path, hash: hash, previous: previous[file.path], current: current, staging: staging) { target in
                            try Self.write(file.bytes, to: target)
                        }
                    case .asset(let index):
                        let asset = assets[index]
                        guard let data = FileManager.default.contents(atPath: asset.source) else {
                            throw PublishError.unreadableAsset(asset.source)
                        }
                        let bytes = [UInt8](data)
                        return try Self.place(path: asset.destination, hash: ContentHash.of(bytes), previous: previous[asset.destination], current: current, staging: staging) { target in
                            try Self.write(bytes, to: target)
                        }
                    }
                }
            }
            var manifest: [String: PublishedFile] = [:]
            var linked = 0
            for result in results {
                let placed = try result.get()
                manifest[placed.path] = placed.file
                if placed.linked { linked += 1 }
            }
            try swapIn(staging)
            return (manifest, linked)
        } catch {
            try? fileManager.removeItem(atPath: staging)
            throw error
        }
    }

    /// One file to place in the staging folder: a generated file or an asset, by index.
    private enum PublishJob: Sendable {
        case generated(Int)
        case asset(Int)
    }

    /// Creates every folder the paths need below `root`, parents first.
    private func createFolders(for paths: [String], in root: String) throws {
        var folders = Set<String>()
        for path in paths {
            var folder = (path as NSString).deletingLastPathComponent
            while !folder.isEmpty, folders.insert(folder).inserted {
                folder = (folder as NSString).deletingLastPathComponent
            }
        }
        for folder in folders.sorted() where mkdir(root + "/" + folder, 0o777) != 0 && errno != EEXIST {
            throw PublishError.writeFailed(folder, errno)
        }
    }

    /// Puts the file at `path` into the staging folder: a hard link to the published file when it is unchanged
    /// (same fingerprint, and still exactly as published), else written by `make`, which returns the new stamp.
    private static func place(
        path: String, hash: String, previous: PublishedFile?, current: String, staging: String,
        make: (String) throws -> FileStamp
    ) throws -> (path: String, file: PublishedFile, linked: Bool) {
        let target = staging + "/" + path
        if let previous, previous.hash == hash {
            let published = current + "/" + path
            if FileStamp.of(published) == previous.stamp, link(published, target) == 0 {
                return (path, previous, true)
            }
        }
        return (path, PublishedFile(hash: hash, stamp: try make(target)), false)
    }

    /// Writes `bytes` to a new file at `path` with plain POSIX calls; returns the written file's stamp.
    private static func write(_ bytes: [UInt8], to path: String) throws -> FileStamp {
        let descriptor = open(path, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0o666)
        guard descriptor >= 0 else { throw PublishError.writeFailed(path, errno) }
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
        if let failure { throw PublishError.writeFailed(path, failure) }
        guard let stamp else { throw PublishError.writeFailed(path, errno) }
        return stamp
    }

    /// Makes `staging` the published site and deletes the previous one.
    private func swapIn(_ staging: String) throws {
        let fileManager = FileManager.default
        var isDirectory: ObjCBool = false
        let exists = fileManager.fileExists(atPath: outputDirectory, isDirectory: &isDirectory)
        if !exists {
            guard AtomicRename.move(staging, outputDirectory) else { throw PublishError.swapFailed(errno) }
            return
        }
        guard isDirectory.boolValue else { throw PublishError.outputIsNotAFolder }
        if AtomicRename.exchange(staging, outputDirectory) {
            try? fileManager.removeItem(atPath: staging)
            return
        }
        // Without an atomic exchange: move the old site aside, move the new one in, then delete the old one.
        let previous = parent + "/" + stagingPrefix + "\(getpid())-previous"
        guard AtomicRename.move(outputDirectory, previous) else { throw PublishError.swapFailed(errno) }
        guard AtomicRename.move(staging, outputDirectory) else {
            _ = AtomicRename.move(previous, outputDirectory)
            throw PublishError.swapFailed(errno)
        }
        try? fileManager.removeItem(atPath: previous)
    }

    /// Deletes staging folders that earlier builds left behind (killed or crashed), unless their process still runs.
    /// A previous site moved aside by an interrupted non-atomic swap is moved back first.
    func removeLeftovers() {
        let fileManager = FileManager.default
        guard let names = try? fileManager.contentsOfDirectory(atPath: parent) else { return }
        for entry in names.sorted() where entry.hasPrefix(stagingPrefix) {
            let rest = entry.dropFirst(stagingPrefix.count)
            if let pid = Int32(rest.split(separator: "-").first ?? ""), pid != getpid(), kill(pid, 0) == 0 { continue }
            let path = parent + "/" + entry
            if entry.hasSuffix("-previous"), !fileManager.fileExists(atPath: outputDirectory) {
                _ = AtomicRename.move(path, outputDirectory)
                continue
            }
            try? fileManager.removeItem(atPath: path)
        }
    }

    /// Refuses paths that would leave the staging folder.
    static func checkRelative(_ path: String) throws {
        let parts = path.split(separator: "/", omittingEmptySubsequences: false)
        if path.hasPrefix("/") || parts.contains(where: { $0.isEmpty || $0 == "." || $0 == ".." }) {
            throw PublishError.unsafePath(path)
        }
    }

    enum PublishError: Error, CustomStringConvertible {
        case swapFailed(Int32)
        case outputIsNotAFolder
        case unsafePath(String)
        case writeFailed(String, Int32)
        case unreadableAsset(String)

        var description: String {
            switch self {
            case .swapFailed(let code): "the new site could not be moved into place (\(String(cString: strerror(code))))."
            case .outputIsNotAFolder: "the output path exists and is not a folder."
            case .unsafePath(let path): "the generated path '\(path)' would leave the output folder."
            case .writeFailed(let path, let code): "'\(path)' could not be written (\(String(cString: strerror(code))))."
            case .unreadableAsset(let path): "the asset '\(path)' could not be read."
            }
        }
    }
}
