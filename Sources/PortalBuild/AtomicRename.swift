#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Swaps two directory entries in one step where the system allows it (Linux `renameat2` with
/// `RENAME_EXCHANGE`), so there is no moment in which the published site is missing.
enum AtomicRename {
    private typealias RenameAt2 = @convention(c) (Int32, UnsafePointer<CChar>, Int32, UnsafePointer<CChar>, UInt32) -> Int32

    private static let renameExchange: UInt32 = 2
    private static let currentDirectory: Int32 = -100 // AT_FDCWD

    /// Exchanges `a` and `b`; returns false when the system or file system cannot do it atomically.
    static func exchange(_ a: String, _ b: String) -> Bool {
        #if os(Linux)
        guard let symbol = dlsym(nil, "renameat2") else { return false }
        let function = unsafeBitCast(symbol, to: RenameAt2.self)
        return function(currentDirectory, a, currentDirectory, b, renameExchange) == 0
        #else
        return false
        #endif
    }

    /// Renames `source` to `destination` (replacing an empty destination), returning whether it worked.
    static func move(_ source: String, _ destination: String) -> Bool {
        rename(source, destination) == 0
    }
}
