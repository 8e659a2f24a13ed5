/// A request path checked and decoded for looking up a file of the site: `/massnahmen/x/` → `massnahmen/x/`.
struct SitePath: Sendable, Hashable {
    /// The decoded path below the site root, without the leading `/`; empty for the home page.
    let relative: String

    /// Decodes a raw request path; `nil` for paths that are not absolute, not valid percent-encoded UTF-8, or that
    /// contain `.`, `..`, empty or hidden segments, backslashes or control characters.
    init?(requestPath: String) {
        guard requestPath.hasPrefix("/"), let decoded = Self.percentDecoded(requestPath) else { return nil }
        let segments = decoded.dropFirst().split(separator: "/", omittingEmptySubsequences: false)
        for (index, segment) in segments.enumerated() {
            let isLast = index == segments.count - 1
            if segment.isEmpty, !isLast { return nil }
            if segment.hasPrefix(".") { return nil }
        }
        guard !decoded.contains("\\"), !decoded.unicodeScalars.contains(where: { $0.value < 0x20 || $0.value == 0x7F }) else { return nil }
        relative = String(decoded.dropFirst())
    }

    /// Whether the path names a folder (`/` or ending in `/`).
    var isFolder: Bool { relative.isEmpty || relative.hasSuffix("/") }

    /// The last segment's extension in lowercase, such as `html`; empty when it has none.
    var fileExtension: String {
        guard let name = relative.split(separator: "/").last, let dot = name.lastIndex(of: ".") else { return "" }
        return name[name.index(after: dot)...].lowercased()
    }

    /// `%XX` sequences decoded as UTF-8; `nil` when a sequence is malformed or the bytes are not UTF-8.
    static func percentDecoded(_ text: String) -> String? {
        var bytes: [UInt8] = []
        var iterator = Array(text.utf8).makeIterator()
        while let byte = iterator.next() {
            guard byte == UInt8(ascii: "%") else {
                bytes.append(byte)
                continue
            }
            guard let high = iterator.next().flatMap(hexValue), let low = iterator.next().flatMap(hexValue) else { return nil }
            bytes.append(high << 4 | low)
        }
        return String(validating: bytes, as: UTF8.self)
    }

    private static func hexValue(_ byte: UInt8) -> UInt8? {
        switch byte {
        case UInt8(ascii: "0")...UInt8(ascii: "9"): byte - UInt8(ascii: "0")
        case UInt8(ascii: "a")...UInt8(ascii: "f"): byte - UInt8(ascii: "a") + 10
        case UInt8(ascii: "A")...UInt8(ascii: "F"): byte - UInt8(ascii: "A") + 10
        default: nil
        }
    }
}
