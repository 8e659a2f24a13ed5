import PortalSearch

/// What a build takes over from the previous one instead of rendering it again, when the only inputs that changed
/// are the Markdown texts of some documents (see `CheckedContent` in PortalContent).
///
/// Pages and files that show none of those texts are kept as the previous build wrote them; the pages of the
/// changed documents, the feeds (which carry whole updates) and the search index are made again — the index from
/// the previous build's counted words (`previousSearch`) with only the changed documents counted again.
public struct RenderReuse: Sendable {
    /// The source paths of the documents whose texts changed.
    public var changedTexts: Set<String>
    /// What the previous build rendered, from its `RenderRecord`.
    public var previous: RenderRecord
    /// Puts the previous build's file at a path into the new site with the given order (see `PageSink`); returns
    /// false when it cannot, and the file is then made again.
    public var keep: @Sendable (_ path: String, _ order: Int) -> Bool
    /// The previous build's search corpus, if it was kept; without it, every search document is counted.
    public var previousSearch: SearchCorpus?
    /// Whether the render makes independent parts side by side (the templates beside the site's lookups, the
    /// search index beside the pages) instead of one after the other: faster, but they need memory at once (a text
    /// edit of 100,000 articles peaked 55 MB higher), so only for sites well below the memory limit.
    public var sideBySide: Bool

    public init(
        changedTexts: Set<String>, previous: RenderRecord, previousSearch: SearchCorpus? = nil, sideBySide: Bool = true,
        keep: @escaping @Sendable (_ path: String, _ order: Int) -> Bool
    ) {
        self.changedTexts = changedTexts
        self.previous = previous
        self.previousSearch = previousSearch
        self.sideBySide = sideBySide
        self.keep = keep
    }

    /// The previous search corpus with the changed texts, taken out of this reuse (nil when there was none):
    /// the caller holds the only reference, so the corpus can be changed in place and is gone after its use.
    mutating func takePreviousSearch() -> (previous: SearchCorpus, changedTexts: Set<String>)? {
        var taken: SearchCorpus?
        swap(&taken, &previousSearch)
        return taken.map { ($0, changedTexts) }
    }
}

/// What the render stage made, for the next build's `RenderReuse`: each page's address, file and template (in the
/// order of the page requests) and the paths of each machine-readable file maker.
public struct RenderRecord: Sendable, Codable, Hashable {
    public struct Page: Sendable, Codable, Hashable {
        public var path: String
        public var filePath: String
        public var template: String
    }

    public var pages: [Page]
    public var machineFiles: [[String]]
}
