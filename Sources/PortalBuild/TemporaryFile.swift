import Foundation

/// The name a cache file has while the build writing it has not succeeded yet: the final path with this process's
/// id, so concurrent builds never share one, and leftovers of killed builds can be told apart and removed.
enum TemporaryFile {
    /// Where this process writes `path` before the build succeeds.
    static func location(of path: String) -> String {
        path + ".tmp-\(getpid())"
    }

    /// Gives this process's temporary file its final name `path`; false (the temporary file removed) when there is
    /// none or it cannot be renamed.
    @discardableResult
    static func publish(_ path: String) -> Bool {
        let temporary = location(of: path)
        guard rename(temporary, path) == 0 else {
            unlink(temporary)
            return false
        }
        return true
    }

    /// Removes this process's temporary file for `path`, and those of processes that no longer run.
    static func discard(at path: String) {
        let folder = (path as NSString).deletingLastPathComponent
        let prefix = (path as NSString).lastPathComponent + ".tmp-"
        for name in (try? FileManager.default.contentsOfDirectory(atPath: folder)) ?? [] where name.hasPrefix(prefix) {
            let pid = Int32(name.dropFirst(prefix.count)) ?? 0
            if pid == getpid() || pid <= 0 || kill(pid, 0) != 0 { unlink(folder + "/" + name) }
        }
    }
}
