/// One point of a motion's draft resolution, tracked until it is done.
public struct ResolutionItem: Sendable, Hashable, Codable, Identifiable {
    /// 1, 2, 3…, unique within the motion.
    public var id: Int
    public var text: RichText
    public var status: ItemStatus
    public var due: LocalDate?
    public var responsible: String?
    public var evidence: [Evidence]
    public var note: String?

    public init(id: Int, text: RichText, status: ItemStatus, due: LocalDate?, responsible: String?, evidence: [Evidence], note: String?) {
        self.id = id
        self.text = text
        self.status = status
        self.due = due
        self.responsible = responsible
        self.evidence = evidence
        self.note = note
    }

    /// Whether the item's due date has passed on `date` and it is neither done nor dropped.
    ///
    /// This alone does not make the item overdue: only an adopted motion commits anyone to it — see
    /// `Motion.isOverdue(_:asOf:)`.
    public func isPastDue(asOf date: LocalDate) -> Bool {
        guard let due, status != .done, status != .dropped else { return false }
        return due.lastDay < date
    }

    /// What shows that an item was worked on: a measure, an update, or a web page.
    public enum Evidence: Sendable, Hashable, Codable {
        case measure(String)
        case update(String)
        case url(String)
    }
}
