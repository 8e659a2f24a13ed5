import Foundation
import PortalModel

extension PageBuilder {
    /// A page generated from site.yml; a free page with the same slug adds its text (and may set the title).
    func legalPage(_ legal: PageRequest.LegalPage) -> PageView {
        let page = index.pagesBySlug[legal.rawValue]
        let key: String = switch legal {
        case .accessibility: "accessibility"
        case .imprint: "imprint"
        case .privacy: "privacy"
        case .easyLanguage: "easy"
        case .contact: "contact"
        }
        let title = page?.title ?? labels["\(key).title"]
        var view = frame(path: legal.path, title: title, description: page?.summary ?? labels["\(key).description"])
        view["extraHTML"] = Self.html(page?.body)
        view[object: "lastReviewed"] = date(page?.lastReviewed)
        if let page { addLanguageLinks(for: page, to: &view) }
        let config = site.config
        switch legal {
        case .accessibility:
            addAccessibilityStatement(to: &view)
        case .imprint:
            view["organisation"] = config.organisation.name
            view[texts: "address"] = Self.lines(config.organisation.address)
            view["email"] = config.organisation.email
            view["phone"] = config.organisation.phone
            view["phoneHref"] = config.organisation.phone.flatMap(Self.telephoneHref)
            view["representedBy"] = config.organisation.representedBy
            view["supervisoryAuthority"] = config.organisation.supervisoryAuthority
        case .privacy:
            view["controller"] = config.privacy.controller
            view["dataProtectionOfficer"] = config.privacy.dataProtectionOfficer
            view["supervisoryAuthority"] = config.privacy.supervisoryAuthority
            view["serverLogs"] = config.privacy.serverLogs ?? labels["privacy.serverLogsDefault"]
        case .easyLanguage:
            view[texts: "introParagraphs"] = paragraphs("easy.intro")
            view[texts: "usageParagraphs"] = paragraphs("easy.usage")
            view["accessibilityStatus"] = labels["easy.status.\(config.accessibility.status.rawValue)"]
            view["contactEmail"] = config.accessibility.contactEmail
            view["contactPhone"] = config.accessibility.contactPhone
            view[list: "easyPages"] = site.pages.filter { $0.variant == .easyLanguage && $0.slug != legal.rawValue }
                .map { Self.link($0.title, pagePath(of: $0)) }
            view[list: "offers"] = [
                (labels["easy.offer.measures"], Route.measures.path),
                (labels["easy.offer.motions"], Route.motions.path),
                (labels["easy.offer.updates"], Route.updates.path),
                (labels["easy.offer.search"], Route.search.path),
                (labels["easy.offer.accessibility"], PageRequest.LegalPage.accessibility.path),
            ].map { Self.link($0.0, $0.1) }
            view[object: "video"] = signLanguageVideo()
        case .contact:
            view["organisation"] = config.organisation.name
            view[texts: "address"] = Self.lines(config.organisation.address)
            view["email"] = config.organisation.email
            view["phone"] = config.organisation.phone
            view["phoneHref"] = config.organisation.phone.flatMap(Self.telephoneHref)
            view["accessibilityEmail"] = config.accessibility.contactEmail
            view["accessibilityPhone"] = config.accessibility.contactPhone
            view["dataProtectionOfficer"] = config.privacy.dataProtectionOfficer
            view["registerHref"] = Route.measures.path
        }
        return PageView(path: legal.path, template: "layouts/\(legal == .easyLanguage ? "easy-language" : key)", view: view)
    }

    /// The Erklärung zur Barrierefreiheit as the EU model statement structures it.
    private func addAccessibilityStatement(to view: inout ViewData) {
        let info = site.config.accessibility
        view["intro"] = labels.format("accessibility.intro", ["organisation": site.config.organisation.name, "url": baseURL])
        view["conformance"] = labels.label(info.status)
        view["conformanceText"] = labels["accessibility.status.\(info.status.rawValue)"]
        view[list: "knownIssues"] = info.knownIssues.map { issue in
            var item = ViewData()
            item["part"] = issue.part
            item["reason"] = issue.reason
            item["alternative"] = issue.alternative
            return item
        }
        view[object: "createdOn"] = date(info.createdOn)
        view[object: "reviewedOn"] = date(info.lastReviewed)
        view["method"] = info.method
        view["contactEmail"] = info.contactEmail
        view["contactPhone"] = info.contactPhone
        view["contactPhoneHref"] = info.contactPhone.flatMap(Self.telephoneHref)
        view["enforcementName"] = info.enforcementBody.name
        view["enforcementURL"] = info.enforcementBody.url
        view["enforcementEmail"] = info.enforcementBody.email
        view[object: "video"] = signLanguageVideo()
    }

    /// The sign language video with its duration and size, or nil when the site has none.
    func signLanguageVideo() -> ViewData? {
        guard let video = site.config.signLanguageVideo else { return nil }
        var view = ViewData()
        let url = Self.sitePath(video.url)
        view["title"] = video.title
        view["href"] = url
        view[flag: "isLocal"] = url.hasPrefix("/")
        view["duration"] = labels.format("video.duration", ["minutes": format.duration(seconds: video.durationSeconds)])
        view["size"] = format.bytes(video.sizeBytes)
        view["captionsHref"] = video.captionsURL.map(Self.sitePath)
        view["mediaType"] = url.lowercased().hasSuffix(".webm") ? "video/webm" : "video/mp4"
        return view
    }

    /// A URL as given, or a bare asset path made into `/assets/…`.
    static func sitePath(_ url: String) -> String {
        if url.hasPrefix("/") || TextTools.isExternal(url) { return url }
        return "/assets/" + url
    }

    /// The lines of an address written on one line with commas, or on several lines.
    static func lines(_ text: String) -> [String] {
        let separator: Character = text.contains("\n") ? "\n" : ","
        return text.split(separator: separator).map { $0.trimmingHorizontalWhitespace() }.filter { !$0.isEmpty }
    }

    /// A `tel:` link for a phone number, or nil when the text holds no digits.
    static func telephoneHref(_ phone: String) -> String? {
        let number = phone.prefix { $0 != "(" }.filter { $0.isNumber || $0 == "+" }
        return number.count >= 3 ? "tel:" + number : nil
    }
}
