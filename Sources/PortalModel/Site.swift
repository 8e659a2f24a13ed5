/// The validated site: every entity loaded, every reference resolved, ready to render.
public struct Site: Sendable, Hashable, Codable {
    public var config: SiteConfig
    public var bodies: [Body]
    public var partners: [Partner]
    /// Motions, newest first.
    public var motions: [Motion]
    /// Measures, by title.
    public var measures: [Measure]
    /// Updates, newest first.
    public var updates: [Update]
    /// Pages, by slug.
    public var pages: [Page]
    public var assets: [Asset]
    /// The one date this build treats as today (overdue items, upcoming dates): `--as-of`,
    /// `SOURCE_DATE_EPOCH`, or the build day.
    public var asOf: LocalDate

    public init(
        config: SiteConfig, bodies: [Body], partners: [Partner], motions: [Motion], measures: [Measure],
        updates: [Update], pages: [Page], assets: [Asset], asOf: LocalDate
    ) {
        self.config = config
        self.bodies = bodies
        self.partners = partners
        self.motions = motions
        self.measures = measures
        self.updates = updates
        self.pages = pages
        self.assets = assets
        self.asOf = asOf
    }

    public func body(_ id: String) -> Body? { bodies.first { $0.id == id } }
    public func partner(_ id: String) -> Partner? { partners.first { $0.id == id } }
    public func area(_ id: String) -> Area? { config.areas.first { $0.id == id } }
    public func motion(reference: String) -> Motion? { motions.first { $0.reference == reference } }
    public func measure(_ slug: String) -> Measure? { measures.first { $0.slug == slug } }
    public func update(_ slug: String) -> Update? { updates.first { $0.slug == slug } }
    public func page(_ slug: String) -> Page? { pages.first { $0.slug == slug } }
}
