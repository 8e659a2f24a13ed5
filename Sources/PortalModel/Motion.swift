/// A council paper (Antrag, Anfrage, Vorlage…) with its resolution items and its way through the bodies.
public struct Motion: Sendable, Hashable, Codable, Identifiable {
    /// The paper's reference as printed, such as `AT/0047/2025`; unique.
    public var reference: String
    /// The URL segment derived from the reference (`at-0047-2025`).
    public var slug: String
    /// The subject line (Betreff).
    public var name: String
    public var date: LocalDate
    public var paperType: PaperType
    public var originator: Originator
    public var resolutionItems: [ResolutionItem]
    /// The introduction of the draft resolution, such as "Der Stadtrat möge beschließen, …".
    public var resolutionPreamble: String?
    public var consultations: [Consultation]
    public var financialImpact: String?
    public var climateImpact: String?
    /// References of related motions.
    public var related: [String]
    public var files: [Attachment]
    /// The justification (Begründung): the file's body.
    public var justification: RichText
    /// The content file this motion came from, relative to the content folder.
    public var sourcePath: String
    /// The paper type as an OParl system wrote it, shown instead of `paperType`'s label when set (free text
    /// that maps to no known type, such as "Beantwortung einer Anfrage").
    public var paperTypeText: String?
    /// The OParl id (URL) of the paper this motion was imported from.
    public var oparlID: String?
    /// Vendor extension fields of the OParl paper (such as `sessionnet:status`), as compact JSON text by key;
    /// exported again unchanged.
    public var extensions: [String: String]

    public var id: String { reference }

    public init(
        reference: String, slug: String, name: String, date: LocalDate, paperType: PaperType, originator: Originator,
        resolutionItems: [ResolutionItem], resolutionPreamble: String?, consultations: [Consultation],
        financialImpact: String?, climateImpact: String?, related: [String], files: [Attachment],
        justification: RichText, sourcePath: String, paperTypeText: String? = nil, oparlID: String? = nil,
        extensions: [String: String] = [:]
    ) {
        self.reference = reference
        self.slug = slug
        self.name = name
        self.date = date
        self.paperType = paperType
        self.originator = originator
        self.resolutionItems = resolutionItems
        self.resolutionPreamble = resolutionPreamble
        self.consultations = consultations
        self.financialImpact = financialImpact
        self.climateImpact = climateImpact
        self.related = related
        self.files = files
        self.justification = justification
        self.sourcePath = sourcePath
        self.paperTypeText = paperTypeText
        self.oparlID = oparlID
        self.extensions = extensions
    }

    /// The consultation that decided the paper: the last authoritative one with a final result.
    public var decision: Consultation? {
        consultations.last { $0.authoritative && $0.result != .pending && $0.result != .postponed && $0.result != .referred }
    }

    /// Whether a deciding body adopted the paper (as submitted or amended), so its items are commitments.
    public var isAdopted: Bool {
        decision.map { $0.result == .adopted || $0.result == .adoptedAmended } ?? false
    }

    /// Whether the items are commitments: the paper was adopted, or it is an inquiry, which the administration
    /// must answer whatever the council does.
    public var isBinding: Bool {
        isAdopted || paperType == .inquiry
    }

    /// Whether `item` of this motion is overdue on `date`: the motion binds (see `isBinding`), the item's due
    /// date has passed, and it is neither done nor dropped. Items of motions not (yet) adopted are never
    /// overdue — a deadline in a draft resolution binds no one.
    public func isOverdue(_ item: ResolutionItem, asOf date: LocalDate) -> Bool {
        isBinding && item.isPastDue(asOf: date)
    }

    /// Who submitted the paper: a body (usually a faction) or named people.
    public enum Originator: Sendable, Hashable, Codable {
        case body(String)
        case people([String])
    }
}
