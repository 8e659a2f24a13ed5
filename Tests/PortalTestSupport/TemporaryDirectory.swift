import Foundation

/// A fresh folder below the system's temporary folder, removed when the value is dropped by `remove()`.
public struct TemporaryDirectory: Sendable {
    public let path: String

    public init(prefix: String = "portal-test") throws {
        let base = FileManager.default.temporaryDirectory.path
        path = base + "/\(prefix)-\(UUID().uuidString.prefix(8))"
        try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
    }

    /// Writes the archive's files below `folder` (relative to this directory).
    public func write(_ archive: Txtar, into folder: String) throws {
        for file in archive.files {
            let target = path + "/" + folder + "/" + file.path
            try FileManager.default.createDirectory(atPath: (target as NSString).deletingLastPathComponent, withIntermediateDirectories: true)
            try Data(file.text.utf8).write(to: URL(fileURLWithPath: target))
        }
    }

    public func remove() {
        try? FileManager.default.removeItem(atPath: path)
    }
}
