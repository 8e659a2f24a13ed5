/// The site's settings from `site.yml`.
public struct SiteConfig: Sendable, Hashable, Codable {
    public var title: String
    public var description: String
    /// Where the site is published, without a trailing slash (`https://ki.example.de`).
    public var baseURL: String
    /// BCP 47 language tag; `de` by default.
    public var language: String
    public var organisation: Organisation
    public var accessibility: AccessibilityInfo
    public var privacy: PrivacyInfo
    public var areas: [Area]
    /// An optional video in German Sign Language (DGS) explaining the site.
    public var signLanguageVideo: SignLanguageVideo?

    public init(
        title: String, description: String, baseURL: String, language: String, organisation: Organisation,
        accessibility: AccessibilityInfo, privacy: PrivacyInfo, areas: [Area], signLanguageVideo: SignLanguageVideo? = nil
    ) {
        self.title = title
        self.description = description
        self.baseURL = baseURL
        self.language = language
        self.organisation = organisation
        self.accessibility = accessibility
        self.privacy = privacy
        self.areas = areas
        self.signLanguageVideo = signLanguageVideo
    }

    /// The absolute URL of a site path such as `/massnahmen/`.
    public func absoluteURL(_ path: String) -> String {
        baseURL + path
    }
}

/// The organisation that publishes the site, for the Impressum.
public struct Organisation: Sendable, Hashable, Codable {
    public var name: String
    public var address: String
    public var email: String
    public var phone: String?
    public var representedBy: String
    public var supervisoryAuthority: String?

    public init(name: String, address: String, email: String, phone: String?, representedBy: String, supervisoryAuthority: String?) {
        self.name = name
        self.address = address
        self.email = email
        self.phone = phone
        self.representedBy = representedBy
        self.supervisoryAuthority = supervisoryAuthority
    }
}

/// The data of the accessibility statement (Erklärung zur Barrierefreiheit).
public struct AccessibilityInfo: Sendable, Hashable, Codable {
    public var contactEmail: String
    public var contactPhone: String?
    public var enforcementBody: EnforcementBody
    public var status: ConformanceStatus
    public var createdOn: LocalDate?
    public var lastReviewed: LocalDate
    /// How conformance was assessed (self-assessment, external test…).
    public var method: String?
    /// Parts that are not accessible, with reasons and alternatives.
    public var knownIssues: [KnownIssue]

    public init(
        contactEmail: String, contactPhone: String?, enforcementBody: EnforcementBody, status: ConformanceStatus,
        createdOn: LocalDate?, lastReviewed: LocalDate, method: String?, knownIssues: [KnownIssue]
    ) {
        self.contactEmail = contactEmail
        self.contactPhone = contactPhone
        self.enforcementBody = enforcementBody
        self.status = status
        self.createdOn = createdOn
        self.lastReviewed = lastReviewed
        self.method = method
        self.knownIssues = knownIssues
    }

    /// A part of the site that is not fully accessible.
    public struct KnownIssue: Sendable, Hashable, Codable {
        public var part: String
        public var reason: String
        public var alternative: String?

        public init(part: String, reason: String, alternative: String?) {
            self.part = part
            self.reason = reason
            self.alternative = alternative
        }
    }
}

/// The body that enforces accessibility law (Schlichtungsstelle / Durchsetzungsstelle).
public struct EnforcementBody: Sendable, Hashable, Codable {
    public var name: String
    public var url: String?
    public var email: String?

    public init(name: String, url: String?, email: String?) {
        self.name = name
        self.url = url
        self.email = email
    }
}

/// The data of the privacy statement (Datenschutzerklärung).
public struct PrivacyInfo: Sendable, Hashable, Codable {
    public var controller: String
    public var dataProtectionOfficer: String
    public var supervisoryAuthority: String
    /// What the web server logs and for how long.
    public var serverLogs: String?

    public init(controller: String, dataProtectionOfficer: String, supervisoryAuthority: String, serverLogs: String?) {
        self.controller = controller
        self.dataProtectionOfficer = dataProtectionOfficer
        self.supervisoryAuthority = supervisoryAuthority
        self.serverLogs = serverLogs
    }
}

/// A video in sign language, linked with its duration and file size so people can decide before loading it.
public struct SignLanguageVideo: Sendable, Hashable, Codable {
    public var title: String
    /// A path below `assets/` or a URL on the same site.
    public var url: String
    /// Duration in seconds.
    public var durationSeconds: Int
    /// File size in bytes.
    public var sizeBytes: Int
    public var captionsURL: String?

    public init(title: String, url: String, durationSeconds: Int, sizeBytes: Int, captionsURL: String?) {
        self.title = title
        self.url = url
        self.durationSeconds = durationSeconds
        self.sizeBytes = sizeBytes
        self.captionsURL = captionsURL
    }
}
