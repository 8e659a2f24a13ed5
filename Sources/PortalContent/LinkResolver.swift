import Foundation
import PortalDiagnostics
import PortalMarkdown
import PortalModel

/// Decides what a link in Markdown points at: a content file becomes its page's URL, an asset its `/assets/` URL;
/// links to files or anchors that do not exist are reported. Pure.
struct LinkResolver: Sendable {
    let documents: DocumentIndex
    let assetPaths: Set<String>

    enum Resolution: Equatable {
        /// Emit the destination as written.
        case keep
        /// Emit this URL instead.
        case rewrite(String)
        /// The link is broken; the message says why and what to do.
        case broken(String)
    }

    /// Resolves `destination` written in the file at `sourcePath` (relative to the content folder).
    /// `suggesting` adds a "did you mean" hint to the message of a broken link; it costs a comparison with every
    /// file or anchor, so callers that resolve many links limit it.
    func resolve(_ destination: String, from sourcePath: String, suggesting: Bool = true) -> Resolution {
        let trimmed = destination.trimmingHorizontalWhitespace()
        if trimmed.isEmpty || Self.hasScheme(trimmed) || trimmed.hasPrefix("//") { return .keep }
        let (path, fragment) = Self.split(trimmed)
        if path.isEmpty {
            guard let fragment else { return .keep }
            return check(fragment: fragment, in: sourcePath, url: nil, suggesting: suggesting)
        }
        if path.hasPrefix("/") {
            if path.hasPrefix("/assets/") {
                let asset = String(path.dropFirst("/assets/".count))
                return assetPaths.contains(asset) ? .keep : .broken("The file assets/\(asset) does not exist. Put it into content/assets/ or correct the path.")
            }
            return .keep
        }
        guard let target = Self.normalise(path, relativeTo: sourcePath) else {
            return .broken("The link '\(destination)' points outside the content folder. Link to content files with relative paths such as ../measures/name.md.")
        }
        if documents.unavailable.contains(target) { return .keep }
        if let entry = documents[target] {
            guard let fragment else { return .rewrite(entry.path) }
            return check(fragment: fragment, in: target, url: entry.path, suggesting: suggesting)
        }
        if target.hasPrefix("assets/") {
            let asset = String(target.dropFirst("assets/".count))
            guard assetPaths.contains(asset) else {
                return .broken("The file \(target) does not exist. Put it into content/assets/ or correct the path.")
            }
            return .rewrite("/" + target + (fragment.map { "#" + $0 } ?? ""))
        }
        let hint = suggesting && target.hasSuffix(".md") ? NameSuggester.hint(for: target, among: documents.paths) : ""
        if target.hasSuffix(".md") {
            return .broken("The file \(target) does not exist (or could not be loaded).\(hint) Link to content files by their path relative to this file, such as ../measures/name.md.")
        }
        return .broken("The link '\(destination)' points at no content file. Link to other pages through their file (../measures/name.md), to assets through assets/…, or write a full URL (https://…) or a site path (/massnahmen/).")
    }

    private func check(fragment: String, in target: String, url: String?, suggesting: Bool) -> Resolution {
        guard let entry = documents[target] else { return .keep }
        if entry.anchors.contains(fragment) {
            return url.map { .rewrite($0 + "#" + fragment) } ?? .keep
        }
        let hint = suggesting ? NameSuggester.hint(for: fragment, among: Array(entry.anchors)) : ""
        return .broken("The anchor '#\(fragment)' does not exist in \(target).\(hint) Anchors are made from headings: '## Begründung' becomes #begruendung.")
    }

    /// Whether a destination points at another host (`https://…`, `//host/…`).
    static func isExternal(_ destination: String) -> Bool {
        let lowered = destination.trimmingHorizontalWhitespace().lowercased()
        return lowered.hasPrefix("//") || lowered.hasPrefix("http:") || lowered.hasPrefix("https:")
    }

    /// Whether a destination starts with a URL scheme such as `https:` or `mailto:`.
    static func hasScheme(_ text: String) -> Bool {
        // On the bytes: most destinations are paths without a colon, which the characters' search walked to the
        // end. A colon followed by a non-ASCII byte may begin a longer character: those go the characters' way.
        let bytes = text.utf8
        guard let colonByte = bytes.firstIndex(of: UInt8(ascii: ":")) else { return false }
        let afterColon = bytes.index(after: colonByte)
        if afterColon == bytes.endIndex || bytes[afterColon] < 0x80 {
            guard colonByte != bytes.startIndex else { return false }
            return bytes[..<colonByte].enumerated().allSatisfy { offset, byte in
                switch byte {
                case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "A")...UInt8(ascii: "Z"): true
                case UInt8(ascii: "0")...UInt8(ascii: "9"), UInt8(ascii: "+"), UInt8(ascii: "-"), UInt8(ascii: "."): offset > 0
                default: false
                }
            }
        }
        return hasSchemeByCharacters(text)
    }

    /// ``hasScheme(_:)`` decided character by character.
    static func hasSchemeByCharacters(_ text: String) -> Bool {
        guard let colon = text.firstIndex(of: ":"), colon != text.startIndex else { return false }
        let scheme = text[..<colon]
        guard let first = scheme.first, first.isASCII, first.isLetter else { return false }
        return scheme.allSatisfy { $0.isASCII && ($0.isLetter || $0.isNumber || $0 == "+" || $0 == "-" || $0 == ".") }
    }

    /// Splits off the fragment (`#…`) and drops a query; the path is percent-decoded.
    static func split(_ destination: String) -> (path: String, fragment: String?) {
        var path = Substring(destination)
        var fragment: String?
        if let hash = path.firstIndex(of: "#") {
            fragment = percentDecoded(path[path.index(after: hash)...])
            path = path[..<hash]
        }
        if let query = path.firstIndex(of: "?") { path = path[..<query] }
        return (percentDecoded(path), fragment)
    }

    /// The text percent-decoded, or as it is when it has no valid percent escapes. Most destinations have none,
    /// and Foundation's decoding bridges every string to `NSString`.
    private static func percentDecoded(_ text: Substring) -> String {
        let plain = String(text)
        guard plain.utf8.contains(UInt8(ascii: "%")) else { return plain }
        return plain.removingPercentEncoding ?? plain
    }

    /// Whether every `/`-separated part of a path is a name: none empty, `.` or `..`.
    private static func hasOnlyNamedParts(_ path: Substring.UTF8View) -> Bool {
        var partLength = 0
        var dotsOnly = true
        for byte in path {
            if byte == UInt8(ascii: "/") {
                if partLength == 0 || (dotsOnly && partLength <= 2) { return false }
                partLength = 0
                dotsOnly = true
            } else {
                partLength += 1
                if byte != UInt8(ascii: ".") { dotsOnly = false }
            }
        }
        return !(partLength == 0 || (dotsOnly && partLength <= 2))
    }

    /// `path` resolved against the folder of `sourcePath`; nil when it climbs above the content folder.
    static func normalise(_ path: String, relativeTo sourcePath: String) -> String? {
        // Most links name a file below the source's folder: no `.` or `..` and no empty part, so the path is
        // already normal and only the folder goes in front.
        // (Checked on the bytes: splitting into characters was most of the cost.)
        let folderEnd = sourcePath.utf8.lastIndex(of: UInt8(ascii: "/"))
        if hasOnlyNamedParts(path.utf8[...]), folderEnd.map({ hasOnlyNamedParts(sourcePath.utf8[..<$0]) }) ?? true {
            guard let folderEnd else { return path }
            return String(sourcePath[..<folderEnd]) + "/" + path
        }
        return normaliseByParts(path, relativeTo: sourcePath)
    }

    /// ``normalise(_:relativeTo:)`` for every path: its parts pushed and popped one by one.
    static func normaliseByParts(_ path: String, relativeTo sourcePath: String) -> String? {
        var parts = sourcePath.split(separator: "/").dropLast().map(String.init)
        for part in path.split(separator: "/", omittingEmptySubsequences: true) {
            switch part {
            case ".": continue
            case "..":
                guard !parts.isEmpty else { return nil }
                parts.removeLast()
            default: parts.append(String(part))
            }
        }
        return parts.joined(separator: "/")
    }
}
