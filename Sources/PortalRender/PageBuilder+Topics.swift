import PortalModel

extension PageBuilder {
    /// Chancen or Grenzen: the free page of that name (if any) plus every measure's opportunities or limits,
    /// grouped by area, each linked to its measure.
    func topicPage(_ topic: PageRequest.Topic) -> PageView {
        let page = index.pagesBySlug[topic.rawValue]
        let key = topic == .opportunities ? "opportunities" : "limits"
        let title = page?.title ?? labels["topic.\(key).title"]
        var view = frame(path: topic.path, title: title, description: page?.summary ?? labels["topic.\(key).intro"])
        view["introHTML"] = Self.html(page?.body)
        view["intro"] = page == nil ? labels["topic.\(key).intro"] : nil
        view["listHeading"] = labels["topic.\(key).listHeading"]
        view["listIntro"] = labels["topic.\(key).listIntro"]
        view[object: "lastReviewed"] = date(page?.lastReviewed)
        if let page { addLanguageLinks(for: page, to: &view) }
        let areaOrder = site.config.areas.map(\.id)
        var groups: [String: [ViewData]] = [:]
        for measure in index.measures {
            let points = topic == .opportunities ? measure.opportunities : measure.limits
            guard !points.isEmpty else { continue }
            var entry = ViewData()
            entry["title"] = measure.title
            entry["href"] = Route.measure(measure.slug).path + "#" + topic.rawValue
            entry[object: "status"] = statusBadge(measure.status).view
            entry[texts: "points"] = points
            groups[measure.area, default: []].append(entry)
        }
        let unknownAreas = groups.keys.filter { !areaOrder.contains($0) }.sorted()
        view[list: "areas"] = (areaOrder + unknownAreas).compactMap { id in
            guard let entries = groups[id] else { return nil }
            var area = ViewData()
            area["heading"] = index.areaLabel(id)
            area[list: "measures"] = entries
            return area
        }
        return PageView(path: topic.path, template: "layouts/topic", view: view)
    }

    /// Links between a standard page and its Leichte Sprache version.
    func addLanguageLinks(for page: Page, to view: inout ViewData) {
        if let easy = index.easyLanguageVersions[page.slug] {
            view[object: "easyLanguageLink"] = Self.link(labels["page.easyLanguageVersion"], Route.page(easy.slug).path)
        }
        if page.variant == .easyLanguage, let original = page.translationOf, let standard = index.pagesBySlug[original] {
            view[object: "standardLanguageLink"] = Self.link(labels.format("page.standardVersion", ["title": standard.title]), pagePath(of: standard))
        }
    }

    /// The path a page is published at (Chancen and Grenzen, and legal pages, under their generated pages).
    func pagePath(of page: Page) -> String {
        Route.page(page.slug).path
    }
}
