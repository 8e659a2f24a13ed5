import PortalMarkdown
import PortalModel

/// The news feeds of the updates: Atom (RFC 4287) and JSON Feed 1.1. Dates come from the content only.
struct FeedWriter: Sendable {
    let index: SiteIndex
    let labels: Labels
    let baseURL: String
    /// The site's own URL from site.yml: the stable part of entry ids, even on a preview with another base URL.
    let canonicalBaseURL: String

    /// The number of newest updates in each feed.
    static let entryLimit = 50

    private var updates: ArraySlice<Update> { index.site.updates.prefix(Self.entryLimit) }

    /// A date as an RFC 3339 timestamp at midnight UTC (month-only dates on the first).
    static func timestamp(_ date: LocalDate) -> String {
        LocalDate(year: date.year, month: date.month, day: date.day ?? 1).iso + "T00:00:00Z"
    }

    /// The date the feed was last changed: its newest update, else the newest date in the content.
    private var feedUpdated: LocalDate {
        let site = index.site
        let candidates = [site.updates.map(\.date).max(), site.measures.map(\.updated).max(), site.motions.map(\.date).max()]
        return candidates.compactMap { $0 }.max() ?? site.asOf
    }

    /// A stable id for an update: a tag URI (RFC 4151) from the site's host and the update's slug.
    func entryID(_ update: Update) -> String {
        "tag:\(TextTools.host(of: canonicalBaseURL)),\(update.date.year):\(Route.update(update.slug).path)"
    }

    /// An update's HTML with links made absolute, since feed readers show it away from the site.
    func content(_ update: Update) -> String {
        let html = PageBuilder.html(update.body) ?? ""
        let links = TextTools.replacingBytes("href=\"/", with: "href=\"\(baseURL)/", in: html)
        return TextTools.replacingBytes("src=\"/", with: "src=\"\(baseURL)/", in: links)
    }

    /// `aktuelles/atom.xml`.
    func atom() -> String {
        let site = index.site
        let x = TextTools.escapeXML
        var lines = [
            "<?xml version=\"1.0\" encoding=\"utf-8\"?>",
            "<feed xmlns=\"http://www.w3.org/2005/Atom\" xml:lang=\"\(x(site.config.language))\">",
            "  <title>\(x(labels.format("feed.title", ["site": site.config.title])))</title>",
            "  <subtitle>\(x(site.config.description))</subtitle>",
            "  <id>\(x("tag:\(TextTools.host(of: canonicalBaseURL)),\(feedUpdated.year):\(Route.updates.path)"))</id>",
            "  <link rel=\"self\" type=\"application/atom+xml\" href=\"\(x(baseURL + Route.updates.path + "atom.xml"))\"/>",
            "  <link rel=\"alternate\" type=\"text/html\" href=\"\(x(baseURL + Route.updates.path))\"/>",
            "  <updated>\(Self.timestamp(feedUpdated))</updated>",
            "  <author><name>\(x(site.config.organisation.name))</name></author>",
            "  <generator>portal</generator>",
        ]
        for update in updates {
            let url = baseURL + Route.update(update.slug).path
            lines.append("  <entry>")
            lines.append("    <title>\(x(update.title))</title>")
            lines.append("    <id>\(x(entryID(update)))</id>")
            lines.append("    <link rel=\"alternate\" type=\"text/html\" href=\"\(x(url))\"/>")
            lines.append("    <published>\(Self.timestamp(update.date))</published>")
            lines.append("    <updated>\(Self.timestamp(update.date))</updated>")
            lines.append("    <category term=\"\(x(update.type.rawValue))\" label=\"\(x(labels.label(update.type)))\"/>")
            for tag in update.tags {
                lines.append("    <category term=\"\(x(tag))\"/>")
            }
            if let summary = update.summary {
                lines.append("    <summary>\(x(summary))</summary>")
            }
            lines.append("    <content type=\"html\">\(x(content(update)))</content>")
            lines.append("  </entry>")
        }
        lines.append("</feed>")
        return lines.joined(separator: "\n") + "\n"
    }

    /// `aktuelles/feed.json`.
    func jsonFeed() -> String {
        let site = index.site
        let items: [JSONValue] = updates.map { update in
            var item = JSONObject()
            item[text: "id"] = entryID(update)
            item[text: "url"] = baseURL + Route.update(update.slug).path
            item[text: "title"] = update.title
            item[text: "summary"] = update.summary
            item[text: "content_html"] = content(update)
            item[text: "content_text"] = update.body.plainText
            item[text: "date_published"] = Self.timestamp(update.date)
            if !update.tags.isEmpty { item["tags"] = .array(update.tags.map(JSONValue.string)) }
            return item.value
        }
        var author = JSONObject()
        author[text: "name"] = site.config.organisation.name
        var feed = JSONObject()
        feed[text: "version"] = "https://jsonfeed.org/version/1.1"
        feed[text: "title"] = labels.format("feed.title", ["site": site.config.title])
        feed[text: "home_page_url"] = baseURL + Route.updates.path
        feed[text: "feed_url"] = baseURL + Route.updates.path + "feed.json"
        feed[text: "description"] = site.config.description
        feed[text: "language"] = site.config.language
        feed["authors"] = .array([author.value])
        feed["items"] = .array(items)
        return feed.value.serialized()
    }
}
