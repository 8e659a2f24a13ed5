import PortalModel

/// Every content document's public URL and anchors, by its path below the content folder, for resolving links.
struct DocumentIndex: Sendable {
    struct Entry: Sendable {
        var path: String
        /// Ids that exist on the document's page: its headings and the theme's section ids.
        var anchors: Set<String>
    }

    private(set) var entries: [String: Entry] = [:]

    mutating func register(relativePath: String, route: Route, anchors: Set<String>) {
        entries[relativePath] = Entry(path: route.path, anchors: anchors)
    }

    mutating func addAnchors(_ anchors: some Sequence<String>, to relativePath: String) {
        entries[relativePath]?.anchors.formUnion(anchors)
    }

    subscript(relativePath: String) -> Entry? { entries[relativePath] }
}
