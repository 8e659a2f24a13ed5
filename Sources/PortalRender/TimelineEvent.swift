import PortalModel

/// One dated event on the timeline: a paper submitted, a consultation, a due date, a milestone, an update.
struct TimelineEvent: Sendable, Hashable {
    var date: LocalDate
    var kind: TimelineKind
    /// What happened, such as "Beratung im Stadtrat" or a milestone's title.
    var title: String
    /// What it belongs to, such as the motion's subject or the measure's title.
    var context: String?
    /// The page with the details.
    var href: String
    /// The outcome or state, such as "beschlossen" or "offen".
    var badges: [Badge]
    var note: String?
    /// A stable identifier, used as the iCalendar UID.
    var id: String

    /// Whether the event lies after the build's date.
    func isUpcoming(asOf: LocalDate) -> Bool {
        asOf < date
    }

    /// Orders events by date, then kind, then id, so every build lists them the same way.
    static func chronological(_ lhs: TimelineEvent, _ rhs: TimelineEvent) -> Bool {
        if lhs.date != rhs.date { return lhs.date < rhs.date }
        if lhs.kind != rhs.kind { return lhs.kind < rhs.kind }
        return lhs.id < rhs.id
    }
}
