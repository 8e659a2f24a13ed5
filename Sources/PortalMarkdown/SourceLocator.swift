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

    /// Creates a locator for a text.
    init(text: String) {
        bytes = Array(text.utf8)
        var starts: [Int] = []
        // cmark skips a byte order mark at the very start; its columns on line 1 begin after it.
        let hasByteOrderMark = bytes.starts(with: [0xEF, 0xBB, 0xBF])
        starts.append(hasByteOrderMark ? 3 : 0)
        bytes.withUnsafeBufferPointer { buffer in
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
    mutating func position(line: Int, byteColumn: Int) -> SourcePosition? {
        guard line > 0, byteColumn > 0 else { return nil }
        guard line <= lineStarts.count else { return SourcePosition(line: line, column: byteColumn) }
        let lineStart = lineStarts[line - 1]
        let lineEnd = line < lineStarts.count ? lineStarts[line] : bytes.count
        let targetOffset = lineStart + byteColumn - 1
        if targetOffset > lineEnd {
            // Beyond the line as we see it (cmark counts a NUL it replaced with U+FFFD as three bytes):
            // count the line's characters, then the rest as bytes.
            let column = scalarCount(from: lineStart, to: lineEnd) + 1 + (targetOffset - lineEnd)
            return SourcePosition(line: line, column: column)
        }
        var (offset, column) = (lineStart, 1)
        if cache.line == line && cache.offset <= targetOffset {
            (offset, column) = (cache.offset, cache.column)
        }
        column += scalarCount(from: offset, to: targetOffset)
        cache = (line, targetOffset, column)
        return SourcePosition(line: line, column: column)
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
