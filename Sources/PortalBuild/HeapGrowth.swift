#if canImport(Glibc)
import Glibc
#endif

/// How the allocator grows the heaps of the threads that render and read side by side.
public enum HeapGrowth {
    /// Has glibc make each new per-thread heap readable and writable whole (64 MB of address space) when it
    /// creates it, instead of extending it a few pages at a time with one `mprotect` call each (`M_TOP_PAD`, looked
    /// up at run time like `malloc_trim` in `MemoryRelease`). Pages still count as memory only once they are used.
    ///
    /// A 10,000-article text edit made 24,000–34,000 such calls (`strace -c`), and the kernel's work for them was
    /// 0.13 s of processor time in its first 0.45 s; with this, 44. Full builds of 10,000 and 100,000 articles
    /// peaked the same within the noise (BENCHMARKS.md, "session 10"). For a process that builds and ends
    /// (`portal build`); elsewhere this does nothing.
    public static func allocateWholeHeaps() {
        #if canImport(Glibc)
        guard let symbol = dlsym(UnsafeMutableRawPointer(bitPattern: 0), "mallopt") else { return }
        typealias Option = @convention(c) (Int32, Int32) -> Int32
        let topPad: Int32 = -2  // M_TOP_PAD in malloc.h
        _ = unsafeBitCast(symbol, to: Option.self)(topPad, 64 << 20)
        #endif
    }
}
