import PortalModel

extension CheckedContent {
    /// The content in three parts that are stored and read back independently: the measures, the updates, and
    /// everything else. A build encodes and decodes them on separate cores (10,000 articles: most of the stored
    /// content is the 5,000 measures and 5,000 updates, decoded on one core in 0.25–0.6 s).
    public struct Parts: Sendable {
        public var rest: CheckedContent
        public var measures: [Measure]
        public var updates: [Update]

        public init(rest: CheckedContent, measures: [Measure], updates: [Update]) {
            self.rest = rest
            self.measures = measures
            self.updates = updates
        }
    }

    /// The content as its parts.
    public consuming func parts() -> Parts {
        var rest = consume self
        let measures = rest.site.measures, updates = rest.site.updates
        rest.site.measures = []
        rest.site.updates = []
        return Parts(rest: rest, measures: measures, updates: updates)
    }

    /// The content its parts make up again.
    public init(_ parts: consuming Parts) {
        var content = parts.rest
        content.site.measures = parts.measures
        content.site.updates = parts.updates
        self = content
    }
}
