import Glibc

extension FrontMatter {
    /// The body of a document whose bytes are plain — UTF-8 without byte order mark, carriage return or NUL, the
    /// first line exactly `---` — found in the bytes: what `split` of the decoded text gives as `body`. Nil for any
    /// other file (and for a plain one without closing fence or with invalid UTF-8), which the caller then decodes
    /// and splits as the check does.
    ///
    /// Reading back 10,000 articles' texts in a text edit decoded each whole file and walked its front matter
    /// character by character (0.21 s of processor time); this validates the two parts and copies the body only.
    /// Both parts are valid exactly when the whole file is: they are split at a line feed, which no multi-byte
    /// sequence contains.
    static func plainBody(of bytes: [UInt8]) -> String? {
        let opening: [UInt8] = Array("---\n".utf8)
        guard bytes.starts(with: opening) else { return nil }
        return bytes.withUnsafeBufferPointer { buffer -> String? in
            guard let base = buffer.baseAddress,
                  memchr(base, 0, buffer.count) == nil, memchr(base, Int32(UInt8(ascii: "\r")), buffer.count) == nil else { return nil }
            var lineStart = opening.count
            while lineStart < buffer.count {
                let newline = memchr(base + lineStart, Int32(UInt8(ascii: "\n")), buffer.count - lineStart)
                    .map { UnsafePointer<UInt8>($0.assumingMemoryBound(to: UInt8.self)) - base } ?? buffer.count
                var lineEnd = newline
                while lineEnd > lineStart, buffer[lineEnd - 1] == UInt8(ascii: " ") || buffer[lineEnd - 1] == UInt8(ascii: "\t") {
                    lineEnd -= 1
                }
                let line = UnsafeBufferPointer(rebasing: buffer[lineStart..<lineEnd])
                if line.elementsEqual("---".utf8) || line.elementsEqual("...".utf8) {
                    let bodyStart = min(newline + 1, buffer.count)
                    guard String(validating: UnsafeBufferPointer(rebasing: buffer[..<bodyStart]), as: UTF8.self) != nil else { return nil }
                    return String(validating: UnsafeBufferPointer(rebasing: buffer[bodyStart...]), as: UTF8.self)
                }
                lineStart = newline + 1
            }
            return nil
        }
    }
}
