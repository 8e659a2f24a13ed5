import PortalDiagnostics
import PortalModel

extension SiteAssembler {
    /// Builds the site settings, bodies and partners.
    mutating func assembleConfig() -> SiteConfig? {
        // A missing or unparsable site.yml is reported by the parser.
        guard let site = content.site else { return nil }
        var seenAreas: [String: SourceLocation] = [:]
        var areas: [Area] = []
        for area in site.objects("areas") {
            guard let id = area.text("id"), let label = area.text("label") else { continue }
            guard claim(id, in: &seenAreas, what: "The area id", at: area.location(of: "id")) else { continue }
            areas.append(Area(id: id, label: label, description: area.text("description") ?? ""))
        }
        areaIDs = Set(areas.map(\.id))
        if site["areas"] != nil, areas.isEmpty, site.list("areas").isEmpty {
            error(.emptyValue, "'areas' needs at least one area, such as '- id: buergerservice'.", at: site.location(of: "areas"))
        }
        var baseURL = site.text("baseURL") ?? ""
        if baseURL.hasPrefix("/") {
            error(.invalidURL, "baseURL must be the full public address, such as https://ki.stadt.example.", at: site.location(of: "baseURL"))
        }
        while baseURL.hasSuffix("/") { baseURL.removeLast() }
        guard let title = site.text("title"), let description = site.text("description"),
              !baseURL.isEmpty,
              let organisation = site.object("organisation"), let accessibility = site.object("accessibility"),
              let privacy = site.object("privacy"),
              let enforcement = accessibility.object("enforcementBody"),
              let status = accessibility.vocabulary("status", as: ConformanceStatus.self),
              let lastReviewed = accessibility.date("lastReviewed")
        else { return nil }
        let video = site.object("signLanguageVideo").flatMap { video -> SignLanguageVideo? in
            guard let title = video.text("title"), let url = video.text("url"),
                  let duration = video.integer("duration"), let size = video.integer("size") else { return nil }
            return SignLanguageVideo(title: title, url: url, durationSeconds: duration, sizeBytes: size, captionsURL: video.text("captions"))
        }
        if let created = accessibility.date("createdOn"), created > lastReviewed {
            warning(.inconsistentDates, "accessibility.createdOn (\(created)) is after lastReviewed (\(lastReviewed)).", at: accessibility.location(of: "createdOn"))
        }
        return SiteConfig(
            title: title, description: description, baseURL: baseURL, language: site.text("language") ?? "de",
            organisation: Organisation(
                name: organisation.text("name") ?? "", address: organisation.text("address") ?? "",
                email: organisation.text("email") ?? "", phone: organisation.text("phone"),
                representedBy: organisation.text("representedBy") ?? "",
                supervisoryAuthority: organisation.text("supervisoryAuthority")),
            accessibility: AccessibilityInfo(
                contactEmail: accessibility.text("contactEmail") ?? "", contactPhone: accessibility.text("contactPhone"),
                enforcementBody: EnforcementBody(name: enforcement.text("name") ?? "", url: enforcement.text("url"), email: enforcement.text("email")),
                status: status, createdOn: accessibility.date("createdOn"), lastReviewed: lastReviewed,
                method: accessibility.text("method"),
                knownIssues: accessibility.objects("knownIssues").compactMap { issue in
                    guard let part = issue.text("part"), let reason = issue.text("reason") else { return nil }
                    return AccessibilityInfo.KnownIssue(part: part, reason: reason, alternative: issue.text("alternative"))
                }),
            privacy: PrivacyInfo(
                controller: privacy.text("controller") ?? "", dataProtectionOfficer: privacy.text("dataProtectionOfficer") ?? "",
                supervisoryAuthority: privacy.text("supervisoryAuthority") ?? "", serverLogs: privacy.text("serverLogs")),
            areas: areas,
            signLanguageVideo: video)
    }

    mutating func assembleBodies() -> [Body] {
        var seen: [String: SourceLocation] = [:]
        var bodies: [Body] = []
        for entry in content.bodies {
            guard let id = entry.text("id"), let name = entry.text("name"),
                  let type = entry.vocabulary("organizationType", as: OrganizationType.self),
                  let classification = entry.vocabulary("classification", as: BodyClassification.self)
            else { continue }
            guard claim(id, in: &seen, what: "The body id", at: entry.location(of: "id")) else { continue }
            let start = entry.date("startDate"), end = entry.date("endDate")
            if let start, let end, end < start {
                error(.inconsistentDates, "The body '\(id)' ends (\(end)) before it starts (\(start)).", at: entry.location(of: "endDate"))
            }
            bodies.append(Body(
                id: id, name: name, shortName: entry.text("shortName"), organizationType: type,
                classification: classification, startDate: start, endDate: end, website: entry.text("website"),
                description: entry.text("description")))
        }
        bodyIDs = Set(bodies.map(\.id))
        return bodies
    }

    mutating func assemblePartners() -> [Partner] {
        var seen: [String: SourceLocation] = [:]
        var partners: [Partner] = []
        for entry in content.partners {
            guard let id = entry.text("id"), let name = entry.text("name"),
                  let type = entry.vocabulary("type", as: PartnerType.self),
                  let role = entry.vocabulary("role", as: PartnerRole.self)
            else { continue }
            guard claim(id, in: &seen, what: "The partner id", at: entry.location(of: "id")) else { continue }
            partners.append(Partner(
                id: id, name: name, type: type, role: role, website: entry.text("website"), since: entry.date("since"),
                description: entry.text("description")))
        }
        partnerIDs = Set(partners.map(\.id))
        return partners
    }
}
