/// A council body (Gremium): the council, a committee, an advisory board, a faction.
public struct Body: Sendable, Hashable, Codable, Identifiable {
    public var id: String
    public var name: String
    public var shortName: String?
    public var organizationType: OrganizationType
    public var classification: BodyClassification
    public var startDate: LocalDate?
    /// Set when the body was dissolved; it keeps its page.
    public var endDate: LocalDate?
    public var website: String?
    /// Free text about the body, optional.
    public var description: String?

    public init(
        id: String, name: String, shortName: String?, organizationType: OrganizationType,
        classification: BodyClassification, startDate: LocalDate?, endDate: LocalDate?, website: String?,
        description: String?
    ) {
        self.id = id
        self.name = name
        self.shortName = shortName
        self.organizationType = organizationType
        self.classification = classification
        self.startDate = startDate
        self.endDate = endDate
        self.website = website
        self.description = description
    }

    /// Whether the body was dissolved on or before `date`.
    public func isDissolved(asOf date: LocalDate) -> Bool {
        guard let endDate else { return false }
        return endDate.lastDay <= date
    }
}
