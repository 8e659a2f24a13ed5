/// One page to be found by the site search, as plain text.
///
/// `kind` says what the page is (`measure`, `motion`, `update`, `page`, `body`, …); `area`, `status` and `kind`
/// are the values the search page can filter by. `date` is ISO 8601 (`2025-05-08` or `2025-05`) when known.
public struct SearchDocument: Sendable, Hashable, Codable {
    /// Site-relative URL of the page, e.g. `/massnahmen/chatbot/`.
    public var url: String
    /// Page title; matches here weigh most.
    public var title: String
    /// Short plain-language summary; matches here weigh more than in the body.
    public var summary: String
    /// The page's text, without markup.
    public var body: String
    /// What the page is: `measure`, `motion`, `update`, `page`, `body`, …
    public var kind: String
    /// Administrative area id, if the page belongs to one.
    public var area: String?
    /// Status id (e.g. `pilot`, `in-use`), if the page has one.
    public var status: String?
    /// ISO 8601 date, if the page has one.
    public var date: String?

    /// Creates a document from its plain-text parts.
    public init(
        url: String,
        title: String,
        summary: String = "",
        body: String,
        kind: String,
        area: String? = nil,
        status: String? = nil,
        date: String? = nil
    ) {
        self.url = url
        self.title = title
        self.summary = summary
        self.body = body
        self.kind = kind
        self.area = area
        self.status = status
        self.date = date
    }
}
