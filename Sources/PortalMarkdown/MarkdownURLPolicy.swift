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
    private static let dataImageTypes = ["image/png", "image/gif", "image/jpeg", "image/webp"]
    /// Schemes that are never allowed.
    private static let forbiddenSchemes: Set<String> = ["javascript", "vbscript", "file", "data"]

    /// Whether `url` may be the destination of a link (`kind == .link`) or the source of an image.
    public static func isSafe(_ url: String, for kind: MarkdownLink.Kind) -> Bool {
        let normalized = browserNormalized(url)
        guard let scheme = scheme(of: normalized), forbiddenSchemes.contains(scheme) else { return true }
        guard scheme == "data", kind == .image else { return false }
        let mediaType = normalized.utf8.dropFirst("data:".utf8.count)
        return dataImageTypes.contains { type in
            guard mediaType.count > type.utf8.count,
                  mediaType.prefix(type.utf8.count).elementsEqual(type.utf8, by: asciiCaseInsensitiveEqual)
            else { return false }
            let next = mediaType[mediaType.index(mediaType.startIndex, offsetBy: type.utf8.count)]
            return next == UInt8(ascii: ";") || next == UInt8(ascii: ",")
        }
    }

    /// The URL as a browser's URL parser sees it: without leading/trailing C0 controls and spaces, and without
    /// ASCII tabs and line breaks anywhere.
    private static func browserNormalized(_ url: String) -> String {
        let isControlOrSpace: (Unicode.Scalar) -> Bool = { $0.value <= 0x20 }
        var scalars = Substring(url).unicodeScalars
        while let first = scalars.first, isControlOrSpace(first) { scalars.removeFirst() }
        while let last = scalars.last, isControlOrSpace(last) { scalars.removeLast() }
        var result = String.UnicodeScalarView()
        for scalar in scalars where scalar != "\t" && scalar != "\n" && scalar != "\r" {
            result.append(scalar)
        }
        return String(result)
    }

    /// The lowercased scheme (`https` in `HTTPS://x`), or nil for a URL without one (a relative reference).
    private static func scheme(of url: String) -> String? {
        var scheme = ""
        for byte in url.utf8 {
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
        }
        return nil
    }

    /// Compares two ASCII bytes ignoring letter case.
    private static func asciiCaseInsensitiveEqual(_ lhs: UInt8, _ rhs: UInt8) -> Bool {
        let lower: (UInt8) -> UInt8 = { (0x41...0x5A).contains($0) ? $0 | 0x20 : $0 }
        return lower(lhs) == lower(rhs)
    }
}
