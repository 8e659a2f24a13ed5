import PortalModel

extension PageBuilder {
    /// The number of pages of the updates list (at least one, even without updates).
    var updatePageCount: Int {
        max(1, (site.updates.count + Self.updatesPerPage - 1) / Self.updatesPerPage)
    }

    /// The path of one page of the updates list: `/aktuelles/`, `/aktuelles/seite/2/`, …
    static func updatesPath(page: Int) -> String {
        page <= 1 ? Route.updates.path : Route.updates.path + "seite/\(page)/"
    }

    /// One page of the updates list, newest first, with the feeds.
    func updatesPage(page: Int) -> PageView {
        let path = Self.updatesPath(page: page)
        let pageCount = updatePageCount
        let title = page <= 1 ? labels["updates.title"]
            : labels.format("updates.pageTitle", ["page": format.integer(page), "pages": format.integer(pageCount)])
        var view = frame(path: path, title: title, description: labels["updates.intro"],
                         trail: page <= 1 ? [] : [(labels["nav.updates"], Route.updates.path)])
        let start = (page - 1) * Self.updatesPerPage
        let slice = site.updates.dropFirst(start).prefix(Self.updatesPerPage)
        view[list: "updates"] = slice.map(updateSummary)
        if pageCount > 1 {
            var pagination = ViewData()
            pagination["status"] = labels.format("updates.pageStatus", ["page": format.integer(page), "pages": format.integer(pageCount)])
            if page > 1 { pagination[object: "previous"] = Self.link(labels["updates.previous"], Self.updatesPath(page: page - 1)) }
            if page < pageCount { pagination[object: "next"] = Self.link(labels["updates.next"], Self.updatesPath(page: page + 1)) }
            if page > 2 { pagination[object: "first"] = Self.link(labels["updates.first"], Self.updatesPath(page: 1)) }
            if page < pageCount - 1 { pagination[object: "last"] = Self.link(labels["updates.last"], Self.updatesPath(page: pageCount)) }
            view[object: "pagination"] = pagination
        }
        view["atomURL"] = Route.updates.path + "atom.xml"
        view["jsonFeedURL"] = Route.updates.path + "feed.json"
        view["calendarURL"] = "/termine.ics"
        return PageView(path: path, template: "layouts/updates", view: view)
    }

    /// One update with what it is about.
    func updatePage(_ update: Update) -> PageView {
        let path = Route.update(update.slug).path
        var view = frame(path: path, title: update.title, description: update.summary ?? update.body.leadText,
                         trail: [(labels["nav.updates"], Route.updates.path)])
        view[object: "date"] = date(update.date)
        view[object: "type"] = Badge(prefix: labels["badge.updateType"], text: labels.label(update.type), tone: "update-\(update.type.rawValue)").view
        view["summary"] = update.summary
        view["bodyHTML"] = Self.html(update.body)
        var motions: [ViewData] = [], measures: [ViewData] = []
        for related in update.related {
            switch related {
            case .motion(let reference):
                if let motion = index.motionsByReference[reference] { motions.append(motionSummary(motion)) }
            case .measure(let slug):
                if let measure = index.measuresBySlug[slug] { measures.append(measureSummary(measure)) }
            }
        }
        view[list: "motions"] = motions
        view[list: "measures"] = measures
        view[flag: "hasRelations"] = !motions.isEmpty || !measures.isEmpty
        view[texts: "tags"] = update.tags
        return PageView(path: path, template: "layouts/update", view: view)
    }
}
