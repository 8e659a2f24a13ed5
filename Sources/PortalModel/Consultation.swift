/// One step of a paper's way through the bodies (Gremienweg): a body discusses it, and with what result.
public struct Consultation: Sendable, Hashable, Codable {
    public var date: LocalDate?
    /// The id of the body.
    public var organization: String
    public var role: ConsultationRole
    /// Whether this body decides (OParl `authoritative`).
    public var authoritative: Bool
    public var agendaItem: String?
    public var isPublic: Bool
    public var result: ConsultationResult
    public var vote: Vote?
    /// The body the paper was referred to, when `result` is `referred`.
    public var referredTo: String?
    public var resolutionText: RichText?
    /// The role as an OParl system wrote it, shown instead of `role`'s label when set (unmapped free text).
    public var roleText: String?
    /// The result as an OParl system wrote it, shown instead of `result`'s label when set (unmapped free text).
    public var resultText: String?
    /// Vendor extension fields of the OParl consultation or agenda item, as compact JSON text by key.
    public var extensions: [String: String]

    public init(
        date: LocalDate?, organization: String, role: ConsultationRole, authoritative: Bool, agendaItem: String?,
        isPublic: Bool, result: ConsultationResult, vote: Vote?, referredTo: String?, resolutionText: RichText?,
        roleText: String? = nil, resultText: String? = nil, extensions: [String: String] = [:]
    ) {
        self.date = date
        self.organization = organization
        self.role = role
        self.authoritative = authoritative
        self.agendaItem = agendaItem
        self.isPublic = isPublic
        self.result = result
        self.vote = vote
        self.referredTo = referredTo
        self.resolutionText = resolutionText
        self.roleText = roleText
        self.resultText = resultText
        self.extensions = extensions
    }
}

/// How a body voted: unanimously, or with counts.
public enum Vote: Sendable, Hashable, Codable {
    case unanimous
    case counts(yes: Int, no: Int, abstain: Int)
}
