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

    /// Writes `bytes` as the file at `path`, atomically: under its temporary name first (`TemporaryFile`), then
    /// renamed.
    static func writeAtomically(_ bytes: [UInt8], to path: String) throws {
        try writeTemporary(of: path, stamp: bytes) { _ in }
        guard TemporaryFile.publish(path) else { throw CocoaError(.fileWriteUnknown) }
    }

    /// Writes the temporary file of `path` (`TemporaryFile.location`): `stamp`, then what `body` writes; on failure
    /// the temporary file is removed and the error thrown. `TemporaryFile.publish` names it.
    static func writeTemporary(of path: String, stamp: [UInt8], body: (CacheFile) throws -> Void) throws {
        let temporary = TemporaryFile.location(of: path)
        do {
            let file = try CacheFile(path: temporary)
            do {
                try file.write(stamp)
                try body(file)
            } catch {
                try? file.close()
                throw error
            }
            try file.close()
        } catch {
            unlink(temporary)
            throw error
        }
    }

    /// The bytes of the file at `path` when they start with `stamp` (the caller reads on from `stamp.count`); nil
    /// when the file cannot be read or belongs to something else.
    static func read(_ path: String, stamp: [UInt8]) -> [UInt8]? {
        guard let bytes = read(path), bytes.starts(with: stamp) else { return nil }
        return bytes
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
