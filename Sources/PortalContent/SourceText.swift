import Glibc
import PortalDiagnostics

/// Turns a file's bytes into text: checks UTF-8, drops a byte order mark, normalises line endings.
enum SourceText {
    /// The decoded text, or a diagnostic that points at the first invalid byte.
    static func decode(_ file: ContentFile) -> Result<String, Diagnostic> {
        var bytes = file.bytes[...]
        if bytes.starts(with: [0xEF, 0xBB, 0xBF]) { bytes = bytes.dropFirst(3) }
        if bytes.starts(with: [0xFF, 0xFE]) || bytes.starts(with: [0xFE, 0xFF]) {
            return .failure(.error(
                .invalidEncoding,
                "The file is UTF-16 encoded. Save it as UTF-8 (in most editors: 'Save with encoding' → UTF-8).",
                at: file.location(line: 1, column: 1)))
        }
        if let nul = firstIndex(of: 0, in: bytes) {
            let (line, column) = position(of: nul, in: bytes)
            return .failure(.error(
                .invalidEncoding,
                "The file contains a NUL byte and looks like a binary file. Content files must be UTF-8 text; put binary files in assets/.",
                at: file.location(line: line, column: column)))
        }
        guard let text = String(validating: bytes, as: UTF8.self) else {
            let index = firstInvalidByte(in: bytes)
            let (line, column) = position(of: index, in: bytes)
            return .failure(.error(
                .invalidEncoding,
                "The file is not valid UTF-8 (first invalid byte here). Save it as UTF-8 in your editor.",
                at: file.location(line: line, column: column)))
        }
        if firstIndex(of: UInt8(ascii: "\r"), in: bytes) != nil {
            return .success(text.replacing("\r\n", with: "\n").replacing("\r", with: "\n"))
        }
        return .success(text)
    }

    /// The index of the first `byte` in `bytes`, found with `memchr` (a byte at a time took a third of reading
    /// back 10,000 articles' texts).
    private static func firstIndex(of byte: UInt8, in bytes: ArraySlice<UInt8>) -> ArraySlice<UInt8>.Index? {
        bytes.withUnsafeBufferPointer { buffer in
            guard let base = buffer.baseAddress, let found = memchr(base, Int32(byte), buffer.count) else { return nil }
            return bytes.startIndex + (UnsafeRawPointer(found) - UnsafeRawPointer(base))
        }
    }

    /// The 1-based line and column (in characters of the valid prefix) of a byte index. Lines end at LF, CRLF or
    /// a lone CR, as in decoded text.
    private static func position(of index: ArraySlice<UInt8>.Index, in bytes: ArraySlice<UInt8>) -> (Int, Int) {
        var line = 1
        var lineStart = bytes.startIndex
        for offset in bytes.startIndex..<index {
            let isLineBreak = bytes[offset] == 0x0A || (bytes[offset] == 0x0D && (offset + 1 == bytes.endIndex || bytes[offset + 1] != 0x0A))
            if isLineBreak {
                line += 1
                lineStart = offset + 1
            }
        }
        let lineBytes = bytes[lineStart..<index]
        let column = String(decoding: lineBytes, as: UTF8.self).count + 1
        return (line, column)
    }

    /// The index of the first byte that breaks UTF-8.
    private static func firstInvalidByte(in bytes: ArraySlice<UInt8>) -> ArraySlice<UInt8>.Index {
        var index = bytes.startIndex
        while index < bytes.endIndex {
            let lead = bytes[index]
            let length: Int
            switch lead {
            case 0x00...0x7F: length = 1
            case 0xC2...0xDF: length = 2
            case 0xE0...0xEF: length = 3
            case 0xF0...0xF4: length = 4
            default: return index
            }
            guard index + length <= bytes.endIndex else { return index }
            let sequence = bytes[index..<(index + length)]
            if String(validating: sequence, as: UTF8.self) == nil { return index }
            index += length
        }
        return bytes.endIndex
    }
}
