import PortalModel

extension PageBuilder {
    /// Every HTML page of the site, in a fixed order.
    func allRequests() -> [PageRequest] {
        var requests: [PageRequest] = [.home, .measures]
        requests += site.config.areas.map { .measureFilter(.area($0.id)) }
        requests += MeasureStatus.allCases.map { .measureFilter(.status($0)) }
        requests += RiskClass.allCases.map { .measureFilter(.riskClass($0)) }
        requests += site.measures.indices.map(PageRequest.measure)
        requests.append(.motions)
        requests += site.motions.indices.map(PageRequest.motion)
        requests.append(.timeline(nil))
        requests += TimelineKind.allCases.map { .timeline($0) }
        requests += PageRequest.Topic.allCases.map(PageRequest.topic)
        requests.append(.savings)
        requests += (1...updatePageCount).map { .updates(page: $0) }
        requests += site.updates.indices.map(PageRequest.update)
        requests.append(.bodies)
        requests += site.bodies.indices.map(PageRequest.body)
        requests.append(.partners)
        requests += site.partners.indices.map(PageRequest.partner)
        let generated = Set(PageRequest.Topic.allCases.map(\.rawValue) + PageRequest.LegalPage.allCases.map(\.rawValue))
        requests += site.pages.indices.filter { !generated.contains(site.pages[$0].slug) }.map(PageRequest.page)
        requests += PageRequest.LegalPage.allCases.map(PageRequest.legal)
        requests += [.search, .index, .openData, .notFound]
        return requests
    }

    /// The page for a request.
    func page(for request: PageRequest) -> PageView {
        switch request {
        case .home: homePage()
        case .measures: measuresPage(filter: nil)
        case .measureFilter(let filter): measuresPage(filter: filter)
        case .measure(let position): measurePage(site.measures[position])
        case .motions: motionsPage()
        case .motion(let position): motionPage(site.motions[position])
        case .timeline(let kind): timelinePage(kind: kind)
        case .topic(let topic): topicPage(topic)
        case .savings: savingsPage()
        case .updates(let page): updatesPage(page: page)
        case .update(let position): updatePage(site.updates[position])
        case .bodies: bodiesPage()
        case .body(let position): bodyPage(site.bodies[position])
        case .partners: partnersPage()
        case .partner(let position): partnerPage(site.partners[position])
        case .page(let position): freePage(site.pages[position])
        case .legal(let legal): legalPage(legal)
        case .search: searchPage()
        case .index: indexPage()
        case .openData: openDataPage()
        case .notFound: notFoundPage()
        }
    }

    /// When the content of a page last changed, for the sitemap.
    func lastModified(_ request: PageRequest) -> LocalDate? {
        switch request {
        case .measure(let position): site.measures[position].updated
        case .motion(let position):
            ([site.motions[position].date] + site.motions[position].consultations.compactMap(\.date)).filter { $0 <= site.asOf }.max()
        case .update(let position): site.updates[position].date
        case .page(let position): site.pages[position].lastReviewed
        case .legal(.accessibility): site.config.accessibility.lastReviewed
        default: nil
        }
    }
}

extension PageBuilder {
    /// The source paths of the documents whose whole Markdown text the page shows (beyond what every page may show
    /// of any document: its headings and its lead). A page whose texts did not change, in a site where nothing else
    /// changed, renders to the same bytes (`SiteRendererReuseTests` edits every text of the fixture sites to hold
    /// this to account).
    func textSources(of request: PageRequest) -> [String] {
        switch request {
        case .measure(let position): [site.measures[position].sourcePath]
        case .motion(let position): [site.motions[position].sourcePath]
        case .update(let position): [site.updates[position].sourcePath]
        case .page(let position): [site.pages[position].sourcePath]
        case .legal(let legal): index.pagesBySlug[legal.rawValue].map { [$0.sourcePath] } ?? []
        case .topic(let topic): index.pagesBySlug[topic.rawValue].map { [$0.sourcePath] } ?? []
        default: []
        }
    }
}
