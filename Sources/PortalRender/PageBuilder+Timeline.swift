import PortalModel

extension PageBuilder {
    /// The timeline: what is coming, then every past event by year and month; optionally one kind of event only.
    func timelinePage(kind: TimelineKind?) -> PageView {
        let path = kind?.path ?? Route.timeline.path
        let title = kind.map { labels.format("timeline.filteredTitle", ["kind": labels[$0.labelKey]]) } ?? labels["timeline.title"]
        var view = frame(path: path, title: title, description: labels["timeline.intro"],
                         trail: kind == nil ? [] : [(labels["nav.timeline"], Route.timeline.path)])
        var counts: [TimelineKind: Int] = [:]
        for event in timeline.events { counts[event.kind, default: 0] += 1 }
        var filters = [countRow(labels["timeline.allKinds"], timeline.events.count, Route.timeline.path)]
        filters += TimelineKind.allCases.map { countRow(labels[$0.labelKey], counts[$0] ?? 0, $0.path) }
        view[list: "filters"] = filters.map { option in
            var option = option
            option["current"] = option["href"] == path ? "page" : nil
            return option
        }
        let matches: (TimelineEvent) -> Bool = { event in kind.map { event.kind == $0 } ?? true }
        view[object: "upcoming"] = Self.group("events", timeline.upcoming.filter(matches).map(event))
        view[list: "years"] = yearGroups(timeline.past.filter(matches))
        return PageView(path: path, template: "layouts/timeline", view: view)
    }

    /// Past events grouped by year and month, newest first.
    private func yearGroups(_ events: [TimelineEvent]) -> [ViewData] {
        var years: [ViewData] = []
        var position = 0
        while position < events.count {
            let year = events[position].date.year
            var months: [ViewData] = []
            while position < events.count, events[position].date.year == year {
                let month = events[position].date.month
                let start = position
                while position < events.count, events[position].date.year == year, events[position].date.month == month {
                    position += 1
                }
                var monthView = ViewData()
                monthView["heading"] = format.month(year: year, month: month)
                monthView["id"] = "monat-\(LocalDate(year: year, month: month).iso)"
                let entries = events[start..<position]
                monthView.setItems("events", count: entries.count) { [self] in event(entries[entries.startIndex + $0]) }
                months.append(monthView)
            }
            var yearView = ViewData()
            yearView["heading"] = String(year)
            yearView["id"] = "jahr-\(year)"
            yearView[list: "months"] = months
            years.append(yearView)
        }
        return years
    }
}
