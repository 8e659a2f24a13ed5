/// One AI measure, use case or system in the register, aligned with the public algorithm registers.
public struct Measure: Sendable, Hashable, Codable, Identifiable {
    public var slug: String
    public var title: String
    public var summary: String
    /// The id of an area from `site.yml`.
    public var area: String
    public var status: MeasureStatus
    public var riskClass: RiskClass
    public var automation: Automation
    public var humanOversight: String
    public var personalData: PersonalData
    public var legalBasis: [String]
    public var impactAssessments: [ImpactAssessment]
    public var opportunities: [String]
    public var limits: [String]
    public var risks: [Risk]
    public var savings: Savings?
    public var vendor: String?
    /// Ids of partners.
    public var partners: [String]
    public var hosting: Hosting?
    public var dataSources: [Link]
    /// The resolution items (or whole motions) this measure fulfils.
    public var motions: [MotionLink]
    public var milestones: [Milestone]
    public var contact: String
    public var responsibleUnit: String
    public var euDatabaseURL: String?
    public var updated: LocalDate
    public var tags: [String]
    /// The description: the file's body.
    public var description: RichText
    public var sourcePath: String

    public var id: String { slug }

    public init(
        slug: String, title: String, summary: String, area: String, status: MeasureStatus, riskClass: RiskClass,
        automation: Automation, humanOversight: String, personalData: PersonalData, legalBasis: [String],
        impactAssessments: [ImpactAssessment], opportunities: [String], limits: [String], risks: [Risk],
        savings: Savings?, vendor: String?, partners: [String], hosting: Hosting?, dataSources: [Link],
        motions: [MotionLink], milestones: [Milestone], contact: String, responsibleUnit: String,
        euDatabaseURL: String?, updated: LocalDate, tags: [String], description: RichText, sourcePath: String
    ) {
        self.slug = slug
        self.title = title
        self.summary = summary
        self.area = area
        self.status = status
        self.riskClass = riskClass
        self.automation = automation
        self.humanOversight = humanOversight
        self.personalData = personalData
        self.legalBasis = legalBasis
        self.impactAssessments = impactAssessments
        self.opportunities = opportunities
        self.limits = limits
        self.risks = risks
        self.savings = savings
        self.vendor = vendor
        self.partners = partners
        self.hosting = hosting
        self.dataSources = dataSources
        self.motions = motions
        self.milestones = milestones
        self.contact = contact
        self.responsibleUnit = responsibleUnit
        self.euDatabaseURL = euDatabaseURL
        self.updated = updated
        self.tags = tags
        self.description = description
        self.sourcePath = sourcePath
    }

    /// An impact assessment: DSFA (dpia), fundamental-rights assessment (fria), threshold analysis, other.
    public struct ImpactAssessment: Sendable, Hashable, Codable {
        public var type: ImpactAssessmentType
        public var date: LocalDate?
        public var url: String?
        public var summary: String?

        public init(type: ImpactAssessmentType, date: LocalDate?, url: String?, summary: String?) {
            self.type = type
            self.date = date
            self.url = url
            self.summary = summary
        }
    }

    /// A risk and how it is mitigated.
    public struct Risk: Sendable, Hashable, Codable {
        public var risk: String
        public var mitigation: String?

        public init(risk: String, mitigation: String?) {
            self.risk = risk
            self.mitigation = mitigation
        }
    }

    /// Expected and realised savings (Einsparpotenziale).
    public struct Savings: Sendable, Hashable, Codable {
        public var expected: Figure?
        public var realised: Figure?

        public init(expected: Figure?, realised: Figure?) {
            self.expected = expected
            self.realised = realised
        }

        /// Savings per year in hours and euros, as of a date.
        public struct Figure: Sendable, Hashable, Codable {
            public var hoursPerYear: Double?
            public var eurosPerYear: Double?
            public var asOf: LocalDate?
            public var note: String?

            public init(hoursPerYear: Double?, eurosPerYear: Double?, asOf: LocalDate?, note: String?) {
                self.hoursPerYear = hoursPerYear
                self.eurosPerYear = eurosPerYear
                self.asOf = asOf
                self.note = note
            }
        }
    }

    /// A titled link, such as a data source.
    public struct Link: Sendable, Hashable, Codable {
        public var title: String
        public var url: String?

        public init(title: String, url: String?) {
            self.title = title
            self.url = url
        }
    }

    /// A reference to a motion, or to one resolution item of it (`AT/0047/2025#3`).
    public struct MotionLink: Sendable, Hashable, Codable {
        public var reference: String
        public var item: Int?

        public init(reference: String, item: Int?) {
            self.reference = reference
            self.item = item
        }
    }

    /// A dated step in the measure's own timeline.
    public struct Milestone: Sendable, Hashable, Codable {
        public var date: LocalDate
        public var title: String
        public var note: String?

        public init(date: LocalDate, title: String, note: String?) {
            self.date = date
            self.title = title
            self.note = note
        }
    }
}
