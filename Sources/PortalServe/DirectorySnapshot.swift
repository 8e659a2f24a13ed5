#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import Foundation

/// A cheap listing of the watched folders: every file's path with its modification time, size and inode.
/// Two snapshots differ exactly when a file was added, removed, saved or replaced.
struct DirectorySnapshot: Sendable, Equatable {
    /// What identifies one version of a file without reading it.
    struct Stamp: Sendable, Equatable {
        var modifiedSeconds: Int
        var modifiedNanoseconds: Int
        var size: Int64
        var inode: UInt64
    }

    /// Stamps by absolute path.
    private(set) var stamps: [String: Stamp] = [:]

    /// Lists every file below `roots` (following no links to folders, skipping hidden entries as the build does).
    /// Missing roots are listed as empty.
    static func take(roots: [String]) -> DirectorySnapshot {
        var snapshot = DirectorySnapshot()
        for root in roots {
            var pending = [root]
            while let folder = pending.popLast() {
                guard let names = try? FileManager.default.contentsOfDirectory(atPath: folder) else { continue }
                for name in names where !name.hasPrefix(".") {
                    let path = folder + "/" + name
                    var info = stat()
                    guard lstat(path, &info) == 0 else { continue }
                    if (info.st_mode & S_IFMT) == S_IFDIR {
                        pending.append(path)
                        continue
                    }
                    // A link is listed by what it points to, so saving the target counts as a change.
                    if (info.st_mode & S_IFMT) == S_IFLNK { _ = stat(path, &info) }
                    #if os(Linux)
                    let modified = info.st_mtim
                    #else
                    let modified = info.st_mtimespec
                    #endif
                    snapshot.stamps[path] = Stamp(
                        modifiedSeconds: Int(modified.tv_sec), modifiedNanoseconds: Int(modified.tv_nsec),
                        size: Int64(info.st_size), inode: UInt64(info.st_ino))
                }
            }
        }
        return snapshot
    }

    /// The paths added, removed or changed since `earlier`, sorted.
    func changes(since earlier: DirectorySnapshot) -> [String] {
        var changed: [String] = []
        for (path, stamp) in stamps where earlier.stamps[path] != stamp { changed.append(path) }
        for path in earlier.stamps.keys where stamps[path] == nil { changed.append(path) }
        return changed.sorted()
    }
}
