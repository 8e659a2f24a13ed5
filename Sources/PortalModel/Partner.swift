/// A partner organisation: a university, a technology provider, a service provider.
public struct Partner: Sendable, Hashable, Codable, Identifiable {
    public var id: String
    public var name: String
    public var type: PartnerType
    public var role: PartnerRole
    public var website: String?
    public var since: LocalDate?
    public var description: String?

    public init(id: String, name: String, type: PartnerType, role: PartnerRole, website: String?, since: LocalDate?, description: String?) {
        self.id = id
        self.name = name
        self.type = type
        self.role = role
        self.website = website
        self.since = since
        self.description = description
    }
}
