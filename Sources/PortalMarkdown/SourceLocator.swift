#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Turns cmark's byte-based line/column pairs into ``SourcePosition``s that count Unicode scalars.
///
/// cmark reports columns as 1-based byte offsets into the line; for `Ämter [x](y)` the link starts at byte
/// column 8 but character column 7. The locator keeps the UTF-8 bytes and the start of every line, and counts
/// the scalars before the byte column. Lookups in document order on the same line continue from the previous
/// lookup, so converting all nodes of a line stays linear in the line's length.
struct SourceLocator {
    /// The UTF-8 bytes of the text.
    private let bytes: [UInt8]
    /// The byte offset at which each line starts; index 0 is line 1.
    private let lineStarts: [Int]
    /// The last conversion, to continue from: line, byte offset reached, and the column at that offset.
    private var cache: (line: Int, offset: Int, column: Int) = (0, 0, 1)
    /// The last result of ``textColumn(line:)``.
    private var textColumnCache: (line: Int, column: Int)?

    /// Creates a locator for a text.
    init(text: String) {
        bytes = Array(text.utf8)
        var starts: [Int] = []
        // cmark skips a byte order mark at the very start; its columns on line 1 begin after it.
        let hasByteOrderMark = bytes.starts(with: [0xEF, 0xBB, 0xBF])
        starts.append(hasByteOrderMark ? 3 : 0)
        bytes.withUnsafeBufferPointer { buffer in
            guard let base = buffer.baseAddress else { return }
            // Without a CR (the content stage normalises line breaks), lines end at LF alone: found with memchr.
            if memchr(base, Int32(UInt8(ascii: "\r")), buffer.count) == nil {
                var offset = 0
                while offset < buffer.count, let found = memchr(base + offset, Int32(UInt8(ascii: "\n")), buffer.count - offset) {
                    offset = base.distance(to: found.assumingMemoryBound(to: UInt8.self)) + 1
                    starts.append(offset)
                }
                return
            }
            var offset = 0
            while offset < buffer.count {
                let byte = buffer[offset]
                offset += 1
                if byte == UInt8(ascii: "\n") {
                    starts.append(offset)
                } else if byte == UInt8(ascii: "\r") {
                    if offset < buffer.count && buffer[offset] == UInt8(ascii: "\n") {
                        offset += 1
                    }
                    starts.append(offset)
                }
            }
        }
        lineStarts = starts
    }

    /// The position for cmark's 1-based line and byte column, or nil if cmark did not record one (line 0).
    ///
    /// A column that runs past the end of its line is read as a byte offset from the line's start that lies on
    /// a later line: cmark 0.30 reports the inlines after a backslash line break (`\` at the end of a line)
    /// with the line before the break and columns counted from its start.
    mutating func position(line: Int, byteColumn: Int) -> SourcePosition? {
        guard line > 0, byteColumn > 0 else { return nil }
        guard line <= lineStarts.count else { return SourcePosition(line: line, column: byteColumn) }
        var line = line
        let targetOffset = min(lineStarts[line - 1] + byteColumn - 1, bytes.count)
        if !contains(line: line, byteColumn: byteColumn) {
            line = lineContaining(offset: targetOffset)
        }
        let lineStart = lineStarts[line - 1]
        var (offset, column) = (lineStart, 1)
        if cache.line == line && cache.offset <= targetOffset {
            (offset, column) = (cache.offset, cache.column)
        }
        column += scalarCount(from: offset, to: targetOffset)
        cache = (line, targetOffset, column)
        return SourcePosition(line: line, column: column)
    }

    /// Whether cmark's 1-based `line` and `byteColumn` lie on the line: before the start of the next line, or
    /// at most at the end of the text on the last line.
    private func contains(line: Int, byteColumn: Int) -> Bool {
        let offset = lineStarts[line - 1] + byteColumn - 1
        return line < lineStarts.count ? offset < lineStarts[line] : offset <= bytes.count
    }

    /// The 1-based byte column where the text of `line` starts, after its indentation and block quote markers
    /// (spaces, tabs and `>`). Remembers the last line asked for, as many inlines share a line.
    mutating func textColumn(line: Int) -> Int {
        guard line > 0, line <= lineStarts.count else { return 1 }
        if let cached = textColumnCache, cached.line == line { return cached.column }
        let lineStart = lineStarts[line - 1]
        var offset = lineStart
        scan: while offset < bytes.count {
            switch bytes[offset] {
            case UInt8(ascii: " "), UInt8(ascii: "\t"), UInt8(ascii: ">"): offset += 1
            default: break scan
            }
        }
        textColumnCache = (line, offset - lineStart + 1)
        return offset - lineStart + 1
    }

    /// The 1-based line on which the byte at `offset` stands.
    private func lineContaining(offset: Int) -> Int {
        // The last line start at or before the offset (binary search).
        var low = 0, high = lineStarts.count - 1
        while low < high {
            let middle = (low + high + 1) / 2
            if lineStarts[middle] <= offset { low = middle } else { high = middle - 1 }
        }
        return low + 1
    }

    /// The number of Unicode scalars that start in the byte range `start..<end`.
    private func scalarCount(from start: Int, to end: Int) -> Int {
        var count = 0
        for offset in start..<end where bytes[offset] & 0xC0 != 0x80 {
            count += 1
        }
        return count
    }
}
