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

    /// Creates an empty staging folder beside the output folder (after removing what dead builds left there).
    ///
    /// Files go into it while the site is rendered (`StagingSite.place`); `complete` swaps it in, `abandon`
    /// deletes it. `previous` is the manifest of the published site, for hard-linking unchanged files.
    func beginStaging(previous: [String: PublishedFile] = [:]) throws -> StagingSite {
        try FileManager.default.createDirectory(atPath: parent, withIntermediateDirectories: true)
        removeLeftovers()
        let staging = parent + "/" + stagingPrefix + "\(getpid())-\(UInt32.random(in: 0...UInt32.max))"
        try FileManager.default.createDirectory(atPath: staging, withIntermediateDirectories: false)
        return StagingSite(path: staging, current: outputDirectory, previous: previous)
    }

    /// Places the remaining `files` and copies `assets` (source path on disk → path below the site root) into
    /// the staging folder, on all cores, then swaps it in. Files placed earlier win over these when paths collide.
    /// Returns the manifest of the new site and how many files were hard-linked; on failure the staging folder is
    /// deleted and the published site stays as it was.
    @discardableResult
    func complete(
        _ staging: StagingSite, files: [OutputFile], assets: [(source: String, destination: String)]
    ) throws -> (manifest: [String: PublishedFile], linked: Int) {
        do {
            let base = Int.max / 2
            _ = Parallel.map(Array(files.indices)) { index in staging.place(files[index], order: base + index) }
            _ = Parallel.map(Array(assets.indices)) { index in
                staging.placeAsset(source: assets[index].source, destination: assets[index].destination, order: base + files.count + index)
            }
            let placed = try staging.finish()
            try swapIn(staging.path)
            return placed
        } catch {
            abandon(staging)
            throw error
        }
    }

    /// Deletes a staging folder that will not be published.
    func abandon(_ staging: StagingSite) {
        try? FileManager.default.removeItem(atPath: staging.path)
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
