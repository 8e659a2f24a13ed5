#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// A content file's stamp as a build read it, and the time of its last status change (`ctime`), which no
/// program can set back: like git's index, it lets the next build trust the file's recorded hash without reading
/// it, when the file still has this stamp and was last changed well before that build began reading.
///
/// Separate from `FileStamp`, which also identifies published files: linking a published file into the next
/// site changes its `ctime`, not its bytes.
struct ContentStamp: Sendable, Hashable {
    var file: FileStamp
    var changedSeconds: Int64
    var changedNanoseconds: Int64

    /// How long before a build began reading a file must have last changed for the next build to trust its
    /// stamp: file times come from a coarse clock (a few milliseconds) that may lag the clock the build reads,
    /// and a file written twice within one of its ticks keeps its modification time.
    static let settlingNanoseconds: Int64 = 1_000_000_000

    init(file: FileStamp, changedSeconds: Int64, changedNanoseconds: Int64) {
        self.file = file
        self.changedSeconds = changedSeconds
        self.changedNanoseconds = changedNanoseconds
    }

    /// The stamp from `stat` results.
    init(_ info: stat) {
        #if os(Linux)
        self.init(file: FileStamp(info), changedSeconds: Int64(info.st_ctim.tv_sec), changedNanoseconds: Int64(info.st_ctim.tv_nsec))
        #else
        self.init(file: FileStamp(info), changedSeconds: Int64(info.st_ctimespec.tv_sec), changedNanoseconds: Int64(info.st_ctimespec.tv_nsec))
        #endif
    }

    /// The stamp of the regular file at `path` (following links), or `nil` when it is missing or not a regular file.
    static func of(_ path: String) -> ContentStamp? {
        var info = stat()
        guard stat(path, &info) == 0, (info.st_mode & S_IFMT) == S_IFREG else { return nil }
        return ContentStamp(info)
    }

    /// The later of the file's modification and status change, in nanoseconds since 1970.
    var lastChange: Int64 {
        max(file.modifiedSeconds &* 1_000_000_000 &+ file.modifiedNanoseconds, changedSeconds &* 1_000_000_000 &+ changedNanoseconds)
    }

    /// Whether a file that has this stamp now, and had `recorded` when a build began reading at `readStarted`
    /// (nanoseconds since 1970), still has the bytes that build read.
    func matches(_ recorded: ContentStamp, readStarted: Int64) -> Bool {
        self == recorded && lastChange < readStarted &- Self.settlingNanoseconds
    }

    /// The current time in nanoseconds since 1970, as file times count it.
    static func now() -> Int64 {
        var time = timespec()
        guard clock_gettime(CLOCK_REALTIME, &time) == 0 else { return 0 }
        return Int64(time.tv_sec) &* 1_000_000_000 &+ Int64(time.tv_nsec)
    }
}
