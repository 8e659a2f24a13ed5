import PortalModel

/// Every content document's public URL and anchors, by its path below the content folder, for resolving links.
struct DocumentIndex: Sendable, Codable {
    struct Entry: Sendable, Codable {
        var path: String
        /// Ids that exist on the document's page: its headings and the theme's section ids.
        var anchors: Set<String>
    }

    private(set) var entries: [String: Entry] = [:]
    /// Files that exist but could not be loaded: links to them are not reported again.
    private(set) var unavailable: Set<String> = []

    init() {}

    /// An index with these entries and unavailable files (as a snapshot stored them).
    init(entries: [String: Entry], unavailable: Set<String>) {
        self.entries = entries
        self.unavailable = unavailable
    }

    mutating func markUnavailable(_ relativePath: String) {
        unavailable.insert(relativePath)
    }

    mutating func register(relativePath: String, route: Route, anchors: Set<String>) {
        entries[relativePath] = Entry(path: route.path, anchors: anchors)
    }

    mutating func addAnchors(_ anchors: some Sequence<String>, to relativePath: String) {
        entries[relativePath]?.anchors.formUnion(anchors)
    }

    subscript(relativePath: String) -> Entry? { entries[relativePath] }

    /// Every registered path, sorted.
    var paths: [String] { entries.keys.sorted() }
}
