/// The kinds of dated events on the timeline, each with its own filter page `/zeitleiste/<slug>/`.
enum TimelineKind: String, CaseIterable, Sendable, Comparable {
    case paper
    case consultation
    case due
    case milestone
    case update

    /// The URL segment of the filter page.
    var slug: String {
        switch self {
        case .paper: "vorlagen"
        case .consultation: "beratungen"
        case .due: "fristen"
        case .milestone: "meilensteine"
        case .update: "meldungen"
        }
    }

    /// The path of the filter page.
    var path: String { "/zeitleiste/\(slug)/" }

    /// The key of the kind's plural label (filter navigation, headings).
    var labelKey: String { "timeline.kind.\(rawValue)" }

    /// The key of the kind's singular label (shown on each event).
    var singularKey: String { "timeline.event.\(rawValue)" }

    private var order: Int { Self.allCases.firstIndex(of: self) ?? 0 }

    static func < (lhs: TimelineKind, rhs: TimelineKind) -> Bool { lhs.order < rhs.order }
}
