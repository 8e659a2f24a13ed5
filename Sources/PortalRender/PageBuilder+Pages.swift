import Foundation
import PortalModel

extension PageBuilder {
    /// A free page, standard or Leichte Sprache.
    func freePage(_ page: Page) -> PageView {
        let path = pagePath(of: page)
        var view = frame(path: path, title: page.title, description: page.summary ?? page.body.plainText)
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
        return PageView(path: Route.search.path, template: "layouts/search", view: view)
    }

    /// Text paragraphs from one label, split at blank lines.
    func paragraphs(_ key: String) -> [String] {
        labels[key].split(separator: "\n\n").map { $0.trimmingCharacters(in: .whitespacesAndNewlines) }.filter { !$0.isEmpty }
    }
}
