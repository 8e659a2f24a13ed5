/// A free page such as `chancen`, `grenzen`, `impressum` or a Leichte Sprache page.
public struct Page: Sendable, Hashable, Codable, Identifiable {
    public var slug: String
    public var title: String
    public var summary: String?
    public var variant: PageVariant
    /// For an easy-language page: the slug of the standard page it renders.
    public var translationOf: String?
    public var lastReviewed: LocalDate?
    /// Position in the main navigation, or `nil` when the page is not in the menu.
    public var menu: Int?
    public var body: RichText
    public var sourcePath: String

    public var id: String { slug }

    public init(
        slug: String, title: String, summary: String?, variant: PageVariant, translationOf: String?,
        lastReviewed: LocalDate?, menu: Int?, body: RichText, sourcePath: String
    ) {
        self.slug = slug
        self.title = title
        self.summary = summary
        self.variant = variant
        self.translationOf = translationOf
        self.lastReviewed = lastReviewed
        self.menu = menu
        self.body = body
        self.sourcePath = sourcePath
    }
}
