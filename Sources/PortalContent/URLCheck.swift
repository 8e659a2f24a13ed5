import Foundation

/// Checks the shape of URLs and e-mail addresses authors write.
enum URLCheck {
    /// An absolute http(s) URL with a host, or a path on this site starting with a single `/`.
    static func isValid(_ text: String) -> Bool {
        guard !text.isEmpty, !text.contains(where: { $0.isWhitespace || $0 == "\"" || $0 == "<" || $0 == ">" }) else { return false }
        if text.hasPrefix("/") { return !text.hasPrefix("//") }
        guard let components = URLComponents(string: text),
              let scheme = components.scheme?.lowercased(), scheme == "https" || scheme == "http",
              let host = components.host, !host.isEmpty, host.contains(".") || host == "localhost"
        else { return false }
        return true
    }

    /// A plausible e-mail address: one `@`, a dot in the domain, no spaces.
    static func isEmail(_ text: String) -> Bool {
        let parts = text.split(separator: "@", omittingEmptySubsequences: false)
        guard parts.count == 2, !parts[0].isEmpty, parts[1].contains("."), !parts[1].hasPrefix("."), !parts[1].hasSuffix(".") else { return false }
        return !text.contains(where: { $0.isWhitespace || $0 == "<" || $0 == ">" || $0 == "\"" })
    }
}
