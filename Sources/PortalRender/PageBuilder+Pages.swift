import Foundation
import PortalModel

extension PageBuilder {
    /// A free page, standard or Leichte Sprache.
    func freePage(_ page: Page) -> PageView {
        let path = pagePath(of: page)
        var view = frame(path: path, title: page.title, description: page.summary ?? page.body.leadText)
        view["summary"] = page.summary
        view["bodyHTML"] = Self.html(page.body)
        view[object: "lastReviewed"] = date(page.lastReviewed)
        view[flag: "isEasyLanguage"] = page.variant == .easyLanguage
        addLanguageLinks(for: page, to: &view)
        return PageView(path: path, template: "layouts/page", view: view)
    }

    /// The page at `/404.html`, served for every address that does not exist.
    func notFoundPage() -> PageView {
        var view = frame(path: "/404.html", title: labels["notFound.title"])
        view[list: "links"] = [
            Self.link(labels["nav.home"], Route.home.path),
            Self.link(labels["nav.measures"], Route.measures.path),
            Self.link(labels["nav.search"], Route.search.path),
            Self.link(labels["nav.index"], Route.index.path),
        ]
        view[object: "trail"] = nil
        view["canonicalURL"] = nil
        return PageView(path: "/404.html", template: "layouts/not-found", view: view)
    }

    /// The search page: the form, an empty results region for the script, and ways to find things without it.
    func searchPage() -> PageView {
        var view = frame(path: Route.search.path, title: labels["search.title"], description: labels["search.intro"])
        view[flag: "hasSearchScript"] = hasSearchScript
        // The page's own search form replaces the one in the header.
        view[flag: "isSearchPage"] = true
        view["scriptURL"] = "/js/search/ui.js"
        view["registerHref"] = Route.measures.path
        view["indexHref"] = Route.index.path
        view["indexURL"] = "/suche/index/"
        let kinds = ["measure", "motion", "update", "page", "body", "partner"]
        func option(_ value: String, _ label: String) -> ViewData {
            var option = ViewData()
            option["value"] = value
            option["label"] = label
            return option
        }
        view[list: "kinds"] = kinds.map { option($0, labels["search.kind.\($0)"]) }
        view[list: "areas"] = site.config.areas.map { option($0.id, $0.label) }
        view[list: "statuses"] = MeasureStatus.allCases.map { option($0.rawValue, labels.label($0)) }
        // Names of facet values for results, as a JSON data block (not executed, so the CSP allows it).
        var names: [String: [String: String]] = ["kind": [:], "area": [:], "status": [:]]
        for kind in kinds { names["kind"]?[kind] = labels["search.kind.\(kind)"] }
        for area in site.config.areas { names["area"]?[area.id] = area.label }
        for status in MeasureStatus.allCases { names["status"]?[status.rawValue] = labels.label(status) }
        for result in ConsultationResult.allCases { names["status"]?[result.rawValue] = labels.label(result) }
        view["labelsJSON"] = Self.scriptSafeJSON(names)
        return PageView(path: Route.search.path, template: "layouts/search", view: view)
    }

    /// JSON for a `<script type="application/json">` block: keys sorted, and `<`, `>`, `&` written as escapes
    /// (they can only occur inside strings), so the text can never close the element.
    static func scriptSafeJSON(_ object: [String: [String: String]]) -> String {
        let value = JSONValue.object(object.keys.sorted().map { key in
            JSONValue.Member(key: key, value: .object(object[key]!.keys.sorted().map {
                JSONValue.Member(key: $0, value: .string(object[key]![$0]!))
            }))
        })
        return value.serialized()
            .replacingOccurrences(of: "<", with: "\\u003c")
            .replacingOccurrences(of: ">", with: "\\u003e")
            .replacingOccurrences(of: "&", with: "\\u0026")
            .trimmingWhitespaceAndNewlines()
    }

    /// Text paragraphs from one label, split at blank lines.
    func paragraphs(_ key: String) -> [String] {
        labels[key].split(separator: "\n\n").map { $0.trimmingWhitespaceAndNewlines() }.filter { !$0.isEmpty }
    }
}
