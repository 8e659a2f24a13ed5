import PortalModel

extension PageBuilder {
    /// The open data page: what each file holds and how to read it.
    func openDataPage() -> PageView {
        var view = frame(path: Route.openData.path, title: labels["data.title"], description: labels["data.intro"])
        func file(_ name: String, _ path: String, _ key: String) -> ViewData {
            var item = ViewData()
            item["name"] = name
            item["href"] = path
            item["format"] = labels["data.\(key).format"]
            item["description"] = labels["data.\(key).description"]
            return item
        }
        view[list: "files"] = [
            file("massnahmen.json", Route.openData.path + "massnahmen.json", "measuresJSON"),
            file("massnahmen.csv", Route.openData.path + "massnahmen.csv", "measuresCSV"),
            file("antraege.json", OParlExport.papersPath, "motionsOParl"),
            file("oparl/body.json", OParlExport.bodyPath, "oparlBody"),
            file("atom.xml", Route.updates.path + "atom.xml", "atom"),
            file("feed.json", Route.updates.path + "feed.json", "jsonFeed"),
            file("termine.ics", "/termine.ics", "calendar"),
        ]
        view[list: "csvColumns"] = MeasuresCSV.columns.map { column in
            var item = ViewData()
            item["name"] = labels[column.key]
            item["description"] = labels[column.key + "Help"]
            return item
        }
        view[list: "oparlFields"] = [
            "id", "type", "body", "name", "reference", "date", "paperType", "originatorOrganization", "relatedPaper",
            "mainFile", "auxiliaryFile", "consultation", "web", "portal:originatorNames", "portal:resolutionItems",
        ].map { field in
            var item = ViewData()
            item["name"] = field
            item["description"] = labels["data.oparl.\(field.replacing(":", with: "-"))"]
            return item
        }
        view[list: "consultationFields"] = [
            "id", "type", "paper", "organization", "role", "authoritative", "web",
            "portal:date", "portal:agendaItem", "portal:public", "portal:result", "portal:referredTo",
        ].map { field in
            var item = ViewData()
            item["name"] = field
            item["description"] = labels["data.consultation.\(field.replacing(":", with: "-"))"]
            return item
        }
        view["asOfText"] = format.date(site.asOf)
        return PageView(path: Route.openData.path, template: "layouts/open-data", view: view)
    }
}
