import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// What is in a site folder from an earlier build that a new build takes over as its staging folder: every
/// entry, so the build can keep the files that are still right and remove everything else.
///
/// The folder was published two builds ago (the build in between moved it aside instead of deleting it); most of
/// its files are still byte for byte what the new build would write, and keeping them costs one `lstat` instead
/// of creating a file and later deleting the old one.
struct ReusedTree: Sendable {
    /// Regular files by path below the root. Their stamps are read when a file is about to be kept, by the thread
    /// that places it, so the scan itself needs no `stat` per file.
    var files: Set<String>
    /// Folders below the root.
    var folders: Set<String>
    /// Everything else (symbolic links, sockets, …) by path below the root: never kept.
    var others: Set<String>

    /// An empty tree (a fresh staging folder).
    static let empty = ReusedTree(files: [], folders: [], others: [])

    /// Reads the whole tree below `root` without following links; nil when it cannot be read completely or holds a
    /// name that is not UTF-8 (such a tree is not reused: it is deleted and the build starts from an empty folder).
    ///
    /// Each folder is opened relative to its parent's descriptor, so the kernel looks up one name instead of the
    /// whole path: opening the 10,000 folders of a 10,000-article site by their paths was 42 % of the scan's
    /// samples in a perf profile (closing them another 18 %).
    static func scan(root: String) -> ReusedTree? {
        var tree = ReusedTree.empty
        let descriptor = open(root, O_RDONLY | O_DIRECTORY | O_CLOEXEC)
        guard descriptor >= 0, tree.scan(descriptor, relative: "") else { return nil }
        return tree
    }

    /// Adds the entries of the folder open at `descriptor` (at `relative` below the root), and those of its
    /// folders; closes the descriptor. False when something could not be read.
    private mutating func scan(_ descriptor: Int32, relative: String) -> Bool {
        guard let directory = fdopendir(descriptor) else {
            close(descriptor)
            return false
        }
        defer { closedir(directory) }
        var subfolders: [(name: String, path: String)] = []
        while let entry = readdir(directory) {
            let bytes = withUnsafeBytes(of: entry.pointee.d_name) { Array($0.prefix(while: { $0 != 0 })) }
            guard let name = String(validating: bytes, as: UTF8.self) else { return false }
            if name == "." || name == ".." { continue }
            let child = relative.isEmpty ? name : relative + "/" + name
            var type = Int32(entry.pointee.d_type)
            if type == Int32(DT_UNKNOWN) {
                // Not every file system says what an entry is; then `lstat` does.
                var info = stat()
                guard fstatat(descriptor, name, &info, AT_SYMLINK_NOFOLLOW) == 0 else { return false }
                switch info.st_mode & S_IFMT {
                case S_IFDIR: type = Int32(DT_DIR)
                case S_IFREG: type = Int32(DT_REG)
                default: type = Int32(DT_LNK)
                }
            }
            switch type {
            case Int32(DT_DIR):
                folders.insert(child)
                subfolders.append((name, child))
            case Int32(DT_REG):
                files.insert(child)
            default:
                others.insert(child)
            }
        }
        for subfolder in subfolders {
            let child = openat(descriptor, subfolder.name, O_RDONLY | O_DIRECTORY | O_NOFOLLOW | O_CLOEXEC)
            guard child >= 0, scan(child, relative: subfolder.path) else { return false }
        }
        return true
    }
}
