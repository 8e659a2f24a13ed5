/// The public URL paths of the site: clean German paths ending in a slash, such as `/massnahmen/<slug>/`.
public enum Route: Sendable, Hashable, Codable {
    case home
    case measures
    case measure(String)
    case motions
    case motion(String)
    case updates
    case update(String)
    case bodies
    case body(String)
    case partners
    case partner(String)
    case page(String)
    case timeline
    case savings
    case search
    case openData
    case index

    /// The path below the site's base URL, starting and ending with `/`.
    public var path: String {
        switch self {
        case .home: "/"
        case .measures: "/massnahmen/"
        case .measure(let slug): "/massnahmen/\(slug)/"
        case .motions: "/antraege/"
        case .motion(let slug): "/antraege/\(slug)/"
        case .updates: "/aktuelles/"
        case .update(let slug): "/aktuelles/\(slug)/"
        case .bodies: "/gremien/"
        case .body(let id): "/gremien/\(id)/"
        case .partners: "/partner/"
        case .partner(let id): "/partner/\(id)/"
        case .page(let slug): "/\(slug)/"
        case .timeline: "/zeitleiste/"
        case .savings: "/einsparungen/"
        case .search: "/suche/"
        case .openData: "/daten/"
        case .index: "/a-z/"
        }
    }

    /// First path segments the generator uses itself, which free pages may not take.
    public static let reservedSegments: Set<String> = [
        "massnahmen", "antraege", "aktuelles", "gremien", "partner", "zeitleiste", "einsparungen", "suche",
        "daten", "a-z", "assets", "css", "js", "feeds", "schemas", "img", "404.html", "sitemap.xml", "robots.txt",
    ]
}
