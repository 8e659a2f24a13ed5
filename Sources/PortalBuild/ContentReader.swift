import Foundation
#if canImport(Glibc)
import Glibc
#endif
import PortalContent
import PortalDiagnostics
import PortalModel

/// Reads the content folder from disk: the only place content files are read.
enum ContentReader {
    /// Text files larger than this are refused instead of read (assets may be larger).
    static let maximumTextFileSize = 8 * 1024 * 1024

    /// The content files and assets below `directory`, with diagnostics for what could not be read, and each
    /// content file's stamp as it was read (by relative path).
    static func read(directory: String, displayPrefix: String) -> (files: [ContentFile], assets: [Asset], diagnostics: [Diagnostic], stamps: [String: FileStamp]) {
        var files: [ContentFile] = []
        var stamps: [String: FileStamp] = [:]
        var assets: [Asset] = []
        var diagnostics: [Diagnostic] = []
        let fileManager = FileManager.default
        let root = URL(fileURLWithPath: directory).standardizedFileURL.resolvingSymlinksInPath()
        var isDirectory: ObjCBool = false
        guard fileManager.fileExists(atPath: root.path, isDirectory: &isDirectory), isDirectory.boolValue else {
            let shown = displayPrefix.isEmpty ? directory : displayPrefix
            diagnostics.append(.error(.missingFile, "The content folder '\(shown)' does not exist. Create it or pass --content DIR.", at: SourceLocation(file: shown)))
            return ([], [], diagnostics, [:])
        }
        let rootPath = root.path.hasSuffix("/") ? root.path : root.path + "/"
        /// What one entry of the folder turned out to be.
        enum Entry: Sendable {
            case file(ContentFile, FileStamp)
            case asset(Asset)
            case problem(Diagnostic)
        }
        // Read on all cores: with a cold disk cache the waits overlap, and each file's bytes are allocated by
        // the threads that later parse and free them, so the memory is used again instead of left behind.
        let entries = Parallel.map(walkEntries(root: root.path).sorted(by: { $0.path < $1.path })) { entry -> Entry in
            let relativePath = entry.path
            let absolute = rootPath + relativePath
            let display = displayPrefix.isEmpty ? relativePath : displayPrefix + "/" + relativePath
            let location = SourceLocation(file: display)
            // A link may point anywhere; only files that really lie inside the content folder are read. Entries
            // that are not links lie inside, because the walk never follows links to folders.
            var resolved = absolute
            if entry.isLink {
                resolved = URL(fileURLWithPath: absolute).resolvingSymlinksInPath().path
                guard resolved.hasPrefix(rootPath) else {
                    return .problem(.error(.unreadableFile, "This is a symbolic link to '\(resolved)', outside the content folder. Copy the file into content/ instead.", at: location))
                }
            }
            if relativePath.hasPrefix("assets/") {
                guard let size = regularFileSize(resolved) else {
                    return .problem(.error(.unreadableFile, "This is not a regular file that can be read.", at: location))
                }
                return .asset(Asset(path: String(relativePath.dropFirst("assets/".count)), size: size))
            }
            switch readBytes(resolved, limit: maximumTextFileSize) {
            case .read(let bytes, let stamp):
                return .file(ContentFile(relativePath: relativePath, displayPath: display, bytes: bytes), stamp)
            case .notRegular:
                return .problem(.error(.unreadableFile, "This is not a regular file that can be read.", at: location))
            case .tooLarge(let size):
                return .problem(.error(.unreadableFile, "The file is \(size / 1_048_576) MB; content files may be at most \(maximumTextFileSize / 1_048_576) MB. Put large files in assets/.", at: location))
            case .unreadable:
                return .problem(.error(.unreadableFile, "The file could not be read (check its permissions).", at: location))
            }
        }
        for entry in entries {
            switch entry {
            case .file(let file, let stamp):
                files.append(file)
                stamps[file.relativePath] = stamp
            case .asset(let asset): assets.append(asset)
            case .problem(let diagnostic): diagnostics.append(diagnostic)
            }
        }
        return (files, assets, diagnostics, stamps)
    }

    /// The size of the regular file at `path` (following links), or `nil` for anything else.
    static func regularFileSize(_ path: String) -> Int? {
        var info = stat()
        guard stat(path, &info) == 0, (info.st_mode & S_IFMT) == S_IFREG else { return nil }
        return Int(info.st_size)
    }

    /// What reading a content file found.
    enum ReadOutcome {
        case read(bytes: [UInt8], stamp: FileStamp)
        /// A folder, a device, a pipe: nothing a content file can be.
        case notRegular
        /// A regular file of this many bytes, more than the limit.
        case tooLarge(Int)
        case unreadable
    }

    /// The bytes of the file at `path` with plain POSIX calls and its stamp as it was opened. Opened without
    /// blocking (a pipe does not wait for a writer) and checked as a regular file through its descriptor, so the
    /// path is looked up once (a `stat` before the `open` was a tenth of reading 10,000 files). Reads into a buffer
    /// of the file's size, growing it only if the file grew meanwhile.
    static func readBytes(_ path: String, limit: Int) -> ReadOutcome {
        let descriptor = open(path, O_RDONLY | O_NONBLOCK | O_NOCTTY | O_CLOEXEC)
        guard descriptor >= 0 else { return .unreadable }
        defer { close(descriptor) }
        var info = stat()
        guard fstat(descriptor, &info) == 0 else { return .unreadable }
        guard (info.st_mode & S_IFMT) == S_IFREG else { return .notRegular }
        let size = max(Int(info.st_size), 0)
        guard size <= limit else { return .tooLarge(size) }
        var bytes = [UInt8](repeating: 0, count: size + 1)
        var filled = 0
        while true {
            if filled == bytes.count {
                guard bytes.count <= limit else { return .tooLarge(bytes.count) }
                bytes.append(contentsOf: repeatElement(0, count: bytes.count))
            }
            let count = bytes.withUnsafeMutableBytes { Glibc.read(descriptor, $0.baseAddress! + filled, $0.count - filled) }
            if count < 0 {
                if errno == EINTR { continue }
                return .unreadable
            }
            if count == 0 { break }
            filled += count
        }
        guard filled <= limit else { return .tooLarge(filled) }
        bytes.removeLast(bytes.count - filled)
        return .read(bytes: bytes, stamp: FileStamp(info))
    }

    /// Every file path below `root`, relative to it, not following directory links; hidden entries skipped.
    static func walk(root: String) -> [String] {
        walkEntries(root: root).map(\.path)
    }

    /// Every non-directory entry below `root` (relative path, and whether it is a symbolic link), read with
    /// `readdir`; links to folders are listed as entries, never followed; hidden entries skipped.
    static func walkEntries(root: String) -> [(path: String, isLink: Bool)] {
        var result: [(path: String, isLink: Bool)] = []
        var pending = [""]
        while let relative = pending.popLast() {
            let absolute = relative.isEmpty ? root : root + "/" + relative
            guard let directory = opendir(absolute) else { continue }
            defer { closedir(directory) }
            while let entry = readdir(directory) {
                let name = withUnsafeBytes(of: entry.pointee.d_name) { buffer in
                    String(decoding: buffer.prefix(while: { $0 != 0 }), as: UTF8.self)
                }
                guard !name.hasPrefix(".") else { continue }
                let child = relative.isEmpty ? name : relative + "/" + name
                var type = Int32(entry.pointee.d_type)
                if type == Int32(DT_UNKNOWN) {
                    var info = stat()
                    guard lstat(root + "/" + child, &info) == 0 else { continue }
                    switch info.st_mode & S_IFMT {
                    case S_IFDIR: type = Int32(DT_DIR)
                    case S_IFLNK: type = Int32(DT_LNK)
                    default: type = Int32(DT_REG)
                    }
                }
                if type == Int32(DT_DIR) {
                    pending.append(child)
                } else {
                    result.append((child, type == Int32(DT_LNK)))
                }
            }
        }
        return result
    }
}
