#if canImport(Glibc)
import Glibc
#endif

/// Gives memory the process freed back to the system.
enum MemoryRelease {
    /// Returns the free pages inside the allocator's heaps to the system (glibc's `malloc_trim`, looked up at run
    /// time because Swift's Glibc module leaves out `malloc.h`).
    ///
    /// Many small freed blocks (a large site's content files) stay counted in the process's memory until other small
    /// blocks reuse them, while large arrays allocated next come from fresh pages. Elsewhere this does nothing.
    static func returnFreedPages() {
        #if canImport(Glibc)
        guard let symbol = dlsym(UnsafeMutableRawPointer(bitPattern: 0), "malloc_trim") else { return }
        typealias Trim = @convention(c) (Int) -> Int32
        _ = unsafeBitCast(symbol, to: Trim.self)(0)
        #endif
    }
}
