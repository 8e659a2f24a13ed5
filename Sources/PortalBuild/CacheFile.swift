import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// Writes and reads cache files with plain POSIX calls, so large contents are not copied into a `Data` and back,
/// and can be written piece by piece when they are made in pieces.
struct CacheFile {
    private let descriptor: Int32

    /// Creates (or truncates) the file at `path`, creating its folder.
    init(path: String) throws {
        try FileManager.default.createDirectory(atPath: (path as NSString).deletingLastPathComponent, withIntermediateDirectories: true)
        descriptor = open(path, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0o644)
        guard descriptor >= 0 else { throw CocoaError(.fileWriteUnknown) }
    }

    /// Appends bytes.
    func write(_ bytes: [UInt8]) throws {
        try bytes.withUnsafeBytes { buffer in
            var offset = 0
            while offset < buffer.count {
                let written = Glibc.write(descriptor, buffer.baseAddress! + offset, buffer.count - offset)
                if written < 0 {
                    if errno == EINTR { continue }
                    throw CocoaError(.fileWriteUnknown)
                }
                offset += written
            }
        }
    }

    /// Closes the file; throws when the last writes failed.
    func close() throws {
        guard Glibc.close(descriptor) == 0 else { throw CocoaError(.fileWriteUnknown) }
    }

    /// Writes `bytes` as the whole file at `path`.
    static func write(_ bytes: [UInt8], to path: String) throws {
        let file = try CacheFile(path: path)
        do {
            try file.write(bytes)
        } catch {
            try? file.close()
            throw error
        }
        try file.close()
    }

    /// The whole file at `path` as bytes, read without an intermediate copy; nil when it cannot be read.
    static func read(_ path: String) -> [UInt8]? {
        let descriptor = open(path, O_RDONLY | O_CLOEXEC)
        guard descriptor >= 0 else { return nil }
        defer { Glibc.close(descriptor) }
        var info = stat()
        guard fstat(descriptor, &info) == 0, info.st_size >= 0 else { return nil }
        let size = Int(info.st_size)
        var failed = false
        let bytes = [UInt8](unsafeUninitializedCapacity: size) { buffer, count in
            var offset = 0
            while offset < size {
                let got = Glibc.read(descriptor, buffer.baseAddress! + offset, size - offset)
                if got < 0, errno == EINTR { continue }
                if got <= 0 { break }
                offset += got
            }
            count = offset
            failed = offset != size
        }
        return failed ? nil : bytes
    }
}
