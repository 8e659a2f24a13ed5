/// Decides which link and image destinations may appear in a rendered page.
///
/// Unsafe are the schemes `javascript:`, `vbscript:`, `file:` and `data:`, except that images may use
/// `data:image/png`, `data:image/gif`, `data:image/jpeg` and `data:image/webp`. The check reads the URL as a
/// browser does (WHATWG URL parsing): leading and trailing spaces and control characters are ignored, tabs and
/// line breaks anywhere are removed, and the scheme is compared case-insensitively. Entities such as `&#x09;`
/// or `&colon;` are decoded by cmark before the check sees the destination. Everything else (relative paths,
/// fragments, `https:`, `mailto:` …) is safe.
public enum MarkdownURLPolicy {
    /// The image types allowed in `data:` URLs of images.
    private static let dataImageTypes: Set<String> = ["image/png", "image/gif", "image/jpeg", "image/webp"]
    /// Schemes that are never allowed.
    private static let forbiddenSchemes: Set<String> = ["javascript", "vbscript", "file", "data"]

    /// Whether `url` may be the destination of a link (`kind == .link`) or the source of an image.
    public static func isSafe(_ url: String, for kind: MarkdownLink.Kind) -> Bool {
        var bytes = browserVisibleBytes(of: url)
        guard let scheme = scheme(readingFrom: &bytes), forbiddenSchemes.contains(scheme) else { return true }
        guard scheme == "data", kind == .image else { return false }
        var mediaType: [UInt8] = []
        while let byte = bytes.next(), byte != UInt8(ascii: ";"), byte != UInt8(ascii: ",") {
            guard mediaType.count < 16 else { return false }
            mediaType.append(byte)
        }
        let lowercased = String(decoding: mediaType, as: UTF8.self).lowercased()
        return dataImageTypes.contains(lowercased) && bytes.hasReadSeparator
    }

    /// The URL's bytes as a browser's URL parser reads them: leading C0 controls and spaces skipped, ASCII tabs
    /// and line breaks removed. (Trailing ones do not matter for a prefix check.)
    private static func browserVisibleBytes(of url: String) -> VisibleBytes {
        VisibleBytes(base: url.utf8.drop { $0 <= 0x20 }.makeIterator())
    }

    /// The lowercased scheme (`https` in `HTTPS://x`), or nil for a URL without one (a relative reference).
    /// Reads up to and including the `:`.
    private static func scheme(readingFrom bytes: inout VisibleBytes) -> String? {
        var scheme = ""
        while let byte = bytes.next() {
            switch byte {
            case UInt8(ascii: ":"):
                return scheme.isEmpty ? nil : scheme
            case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "A")...UInt8(ascii: "Z"):
                scheme.append(Character(Unicode.Scalar(byte | 0x20)))
            case UInt8(ascii: "0")...UInt8(ascii: "9"), UInt8(ascii: "+"), UInt8(ascii: "-"), UInt8(ascii: "."):
                guard !scheme.isEmpty else { return nil }
                scheme.append(Character(Unicode.Scalar(byte)))
            default:
                return nil
            }
            if scheme.utf8.count > 32 {
                return nil
            }
        }
        return nil
    }

    /// Iterates URL bytes without ASCII tabs and line breaks, remembering whether the last byte read was the
    /// `;` or `,` that ends a media type.
    private struct VisibleBytes: IteratorProtocol {
        var base: Substring.UTF8View.Iterator
        private(set) var hasReadSeparator = false

        init(base: Substring.UTF8View.Iterator) {
            self.base = base
        }

        mutating func next() -> UInt8? {
            while let byte = base.next() {
                if byte == UInt8(ascii: "\t") || byte == UInt8(ascii: "\n") || byte == UInt8(ascii: "\r") {
                    continue
                }
                hasReadSeparator = byte == UInt8(ascii: ";") || byte == UInt8(ascii: ",")
                return byte
            }
            hasReadSeparator = false
            return nil
        }
    }
}
