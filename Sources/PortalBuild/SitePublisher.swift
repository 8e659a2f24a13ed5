import Foundation
import PortalDiagnostics
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
    func publish(files: [OutputFile], assets: [(source: String, destination: String)]) throws {
        let fileManager = FileManager.default
        try fileManager.createDirectory(atPath: parent, withIntermediateDirectories: true)
        removeLeftovers()
        let staging = parent + "/" + stagingPrefix + "\(getpid())-\(UInt32.random(in: 0...UInt32.max))"
        try fileManager.createDirectory(atPath: staging, withIntermediateDirectories: false)
        do {
            var createdDirectories: Set<String> = [""]
            func ensureDirectory(for path: String) throws {
                let folder = (path as NSString).deletingLastPathComponent
                guard !createdDirectories.contains(folder) else { return }
                try fileManager.createDirectory(atPath: staging + "/" + folder, withIntermediateDirectories: true)
                var current = folder
                while !current.isEmpty, createdDirectories.insert(current).inserted {
                    current = (current as NSString).deletingLastPathComponent
                }
            }
            for file in files {
                try Self.checkRelative(file.path)
                try ensureDirectory(for: file.path)
                let url = URL(fileURLWithPath: staging + "/" + file.path)
                try Data(file.bytes).write(to: url)
            }
            for asset in assets {
                try Self.checkRelative(asset.destination)
                try ensureDirectory(for: asset.destination)
                try fileManager.copyItem(atPath: asset.source, toPath: staging + "/" + asset.destination)
            }
            try swapIn(staging)
        } catch {
            try? fileManager.removeItem(atPath: staging)
            throw error
        }
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

        var description: String {
            switch self {
            case .swapFailed(let code): "the new site could not be moved into place (\(String(cString: strerror(code))))."
            case .outputIsNotAFolder: "the output path exists and is not a folder."
            case .unsafePath(let path): "the generated path '\(path)' would leave the output folder."
            }
        }
    }
}
