import Foundation
#if canImport(Glibc)
import Glibc
#endif
import PortalDiagnostics
import PortalModel
import PortalRender

/// Writes a complete new site beside the published one and swaps it in, so a failed or interrupted build never
/// damages the published site. The only place that writes the output folder.
///
/// With a `spareDirectory` (incremental builds: in the build cache), the site that was replaced is moved there
/// instead of being deleted, and the next build takes it over as its staging folder: it keeps the files that are
/// still right, rewrites the others and removes the rest, so a small change costs a few files instead of a whole
/// new folder tree plus deleting the old one.
struct SitePublisher {
    /// The output folder, canonical.
    let outputDirectory: String
    /// Where the replaced site is kept for the next build; nil deletes it.
    var spareDirectory: String?

    private var parent: String { (outputDirectory as NSString).deletingLastPathComponent }
    private var name: String { (outputDirectory as NSString).lastPathComponent }
    private var stagingPrefix: String { ".\(name).tmp-" }

    /// Creates the staging folder beside the output folder (after removing what dead builds left there): the spare
    /// site of an earlier build when there is one (`reusable` is the manifest it was published with), else empty.
    ///
    /// Files go into it while the site is rendered (`StagingSite.place`); `complete` swaps it in, `abandon`
    /// deletes it. `previous` is the manifest of the published site, for hard-linking unchanged files. `scanned`
    /// gives what the spare folder holds when the caller read it ahead (nil: read it now); only this process moves
    /// the spare folder, so what it held before the move it holds after.
    func beginStaging(
        previous: [String: PublishedFile] = [:], reusable: [String: PublishedFile] = [:], scanned: (() -> ReusedTree?)? = nil
    ) throws -> StagingSite {
        try FileManager.default.createDirectory(atPath: parent, withIntermediateDirectories: true)
        removeLeftovers()
        func stagingPath() -> String { parent + "/" + stagingPrefix + "\(getpid())-\(UInt32.random(in: 0...UInt32.max))" }
        if let spareDirectory, FileManager.default.fileExists(atPath: spareDirectory) {
            // Renamed first, so a build killed from here on leaves an ordinary staging leftover.
            let staging = stagingPath()
            if AtomicRename.move(spareDirectory, staging) {
                if let tree = scanned?() ?? ReusedTree.scan(root: staging) {
                    return StagingSite(path: staging, current: outputDirectory, previous: previous, reused: tree, reusable: reusable)
                }
                // Not usable; what cannot be deleted now is a leftover for the next build to remove.
                try? FileManager.default.removeItem(atPath: staging)
            } else {
                // Elsewhere than beside the output (another file system): not reusable.
                try? FileManager.default.removeItem(atPath: spareDirectory)
            }
        }
        let staging = stagingPath()
        try FileManager.default.createDirectory(atPath: staging, withIntermediateDirectories: false)
        return StagingSite(path: staging, current: outputDirectory, previous: previous)
    }

    /// Places the remaining `files` and copies `assets` (source path on disk → path below the site root) into
    /// the staging folder, on all cores, then swaps it in. Files placed earlier win over these when paths collide.
    /// Returns the manifest of the new site, how many files were kept or linked instead of written, and whether
    /// the replaced site was kept as the spare; on failure the staging folder is deleted and the published site
    /// stays as it was.
    @discardableResult
    func complete(
        _ staging: StagingSite, files: [OutputFile], assets: [(source: String, destination: String)]
    ) throws -> (manifest: [String: PublishedFile], reused: Int, keptSpare: Bool) {
        do {
            let base = Int.max / 2
            _ = Parallel.map(Array(files.indices)) { index in staging.place(files[index], order: base + index) }
            _ = Parallel.map(Array(assets.indices)) { index in
                staging.placeAsset(source: assets[index].source, destination: assets[index].destination, order: base + files.count + index)
            }
            let placed = try staging.finish()
            let keptSpare = try swapIn(staging.path)
            return (placed.manifest, placed.reused, keptSpare)
        } catch {
            abandon(staging)
            throw error
        }
    }

    /// Deletes a staging folder that will not be published.
    func abandon(_ staging: StagingSite) {
        try? FileManager.default.removeItem(atPath: staging.path)
    }

    /// Makes `staging` the published site and keeps the previous one as the spare (returning true), or deletes it.
    private func swapIn(_ staging: String) throws -> Bool {
        let fileManager = FileManager.default
        var isDirectory: ObjCBool = false
        let exists = fileManager.fileExists(atPath: outputDirectory, isDirectory: &isDirectory)
        if !exists {
            guard AtomicRename.move(staging, outputDirectory) else { throw PublishError.swapFailed(errno) }
            return false
        }
        guard isDirectory.boolValue else { throw PublishError.outputIsNotAFolder }
        if AtomicRename.exchange(staging, outputDirectory) {
            return keepOrDelete(staging)
        }
        // Without an atomic exchange: move the old site aside, move the new one in, then keep or delete the old one.
        let previous = parent + "/" + stagingPrefix + "\(getpid())-previous"
        guard AtomicRename.move(outputDirectory, previous) else { throw PublishError.swapFailed(errno) }
        guard AtomicRename.move(staging, outputDirectory) else {
            _ = AtomicRename.move(previous, outputDirectory)
            throw PublishError.swapFailed(errno)
        }
        return keepOrDelete(previous)
    }

    /// Moves a replaced site to the spare folder; deletes it when there is none or the move fails.
    private func keepOrDelete(_ replaced: String) -> Bool {
        if let spareDirectory {
            try? FileManager.default.removeItem(atPath: spareDirectory)
            try? FileManager.default.createDirectory(atPath: (spareDirectory as NSString).deletingLastPathComponent, withIntermediateDirectories: true)
            if AtomicRename.move(replaced, spareDirectory) { return true }
        }
        try? FileManager.default.removeItem(atPath: replaced)
        return false
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

    /// Refuses paths that would leave the staging folder: absolute ones, and those with an empty, `.` or `..`
    /// component. Called for every file placed or kept, so it reads the bytes without splitting the path.
    static func checkRelative(_ path: String) throws {
        var length = 0, dots = 0
        func componentIsSafe() -> Bool { length > 0 && !(dots == length && dots <= 2) }
        for byte in path.utf8 {
            if byte == UInt8(ascii: "/") {
                guard componentIsSafe() else { throw PublishError.unsafePath(path) }
                (length, dots) = (0, 0)
            } else {
                length += 1
                if byte == UInt8(ascii: ".") { dots += 1 }
            }
        }
        guard componentIsSafe() else { throw PublishError.unsafePath(path) }
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
