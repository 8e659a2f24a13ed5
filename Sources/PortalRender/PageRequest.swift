import PortalModel

/// One HTML page of the site, named before its view is built, so pages can be built and rendered in parallel.
enum PageRequest: Sendable, Hashable {
    case home
    case measures
    case measureFilter(MeasureFilter)
    /// A measure, by position in `Site.measures`.
    case measure(Int)
    case motions
    case motion(Int)
    /// The whole timeline (`nil`) or one kind of event.
    case timeline(TimelineKind?)
    case topic(Topic)
    case savings
    /// One page of the updates list, 1-based.
    case updates(page: Int)
    case update(Int)
    case bodies
    case body(Int)
    case partners
    case partner(Int)
    /// A free page, by position in `Site.pages`.
    case page(Int)
    case legal(LegalPage)
    case search
    case index
    case openData
    case notFound

    /// A filter of the measures register.
    enum MeasureFilter: Sendable, Hashable {
        case area(String)
        case status(MeasureStatus)
        case riskClass(RiskClass)

        var path: String {
            switch self {
            case .area(let id): "/massnahmen/bereich/\(id)/"
            case .status(let status): "/massnahmen/status/\(status.rawValue)/"
            case .riskClass(let riskClass): "/massnahmen/risiko/\(riskClass.rawValue)/"
            }
        }
    }

    /// The pages that collect one side of every measure: its opportunities or its limits.
    enum Topic: String, Sendable, Hashable, CaseIterable {
        case opportunities = "chancen"
        case limits = "grenzen"

        var path: String { "/\(rawValue)/" }
    }

    /// The pages generated from site.yml; a free page with the same slug adds its text.
    enum LegalPage: String, Sendable, Hashable, CaseIterable {
        case accessibility = "barrierefreiheit"
        case imprint = "impressum"
        case privacy = "datenschutz"
        case easyLanguage = "leichte-sprache"
        case contact = "kontakt"

        var path: String { "/\(rawValue)/" }
    }
}
