import PortalMarkdown

extension Slug {
    /// Whether `text` is already a clean slug, so it can be used as an id as written.
    static func isValid(_ text: String) -> Bool {
        !text.isEmpty && make(from: text) == text && text.allSatisfy(\.isASCII)
    }
}
