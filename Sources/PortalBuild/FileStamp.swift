#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// What `stat` says about a file that changes whenever the file is replaced or written: size, modification time
/// and inode. Used, like git's index, to recognise files that are still exactly as a build left them.
struct FileStamp: Sendable, Hashable {
    var size: Int64
    var modifiedSeconds: Int64
    var modifiedNanoseconds: Int64
    var inode: UInt64

    /// The stamp of the file at `path` (following links), or `nil` when it is missing or not a regular file.
    static func of(_ path: String) -> FileStamp? {
        var info = stat()
        guard stat(path, &info) == 0, (info.st_mode & S_IFMT) == S_IFREG else { return nil }
        return FileStamp(info)
    }

    /// The stamp of the regular file at `path` itself (not following a link), or `nil` for anything else.
    static func ofEntry(_ path: String) -> FileStamp? {
        var info = stat()
        guard lstat(path, &info) == 0, (info.st_mode & S_IFMT) == S_IFREG else { return nil }
        return FileStamp(info)
    }

    /// The stamp of the regular file at `relativePath` below the open folder `directory` itself (not following a
    /// link), or `nil` for anything else: the kernel looks up only the path below the folder.
    static func ofEntry(_ relativePath: String, in directory: Int32) -> FileStamp? {
        var info = stat()
        guard fstatat(directory, relativePath, &info, AT_SYMLINK_NOFOLLOW) == 0, (info.st_mode & S_IFMT) == S_IFREG else { return nil }
        return FileStamp(info)
    }

    /// The stamp of an open file.
    static func of(descriptor: Int32) -> FileStamp? {
        var info = stat()
        guard fstat(descriptor, &info) == 0 else { return nil }
        return FileStamp(info)
    }

    init(size: Int64, modifiedSeconds: Int64, modifiedNanoseconds: Int64, inode: UInt64) {
        self.size = size
        self.modifiedSeconds = modifiedSeconds
        self.modifiedNanoseconds = modifiedNanoseconds
        self.inode = inode
    }

    /// The stamp from `stat` or `lstat` results.
    init(_ info: stat) {
        #if os(Linux)
        self.init(size: Int64(info.st_size), modifiedSeconds: Int64(info.st_mtim.tv_sec),
                  modifiedNanoseconds: Int64(info.st_mtim.tv_nsec), inode: UInt64(info.st_ino))
        #else
        self.init(size: Int64(info.st_size), modifiedSeconds: Int64(info.st_mtimespec.tv_sec),
                  modifiedNanoseconds: Int64(info.st_mtimespec.tv_nsec), inode: UInt64(info.st_ino))
        #endif
    }
}
