/// `sitemap.xml` (sitemaps.org 0.9) and `robots.txt`.
enum SitemapWriter {
    /// One page in the sitemap: its path and, where the content knows it, when it last changed.
    struct Entry: Sendable {
        var path: String
        var lastModified: String?
    }

    static func sitemap(entries: [Entry], baseURL: String) -> String {
        var lines = [
            "<?xml version=\"1.0\" encoding=\"UTF-8\"?>",
            "<urlset xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\">",
        ]
        for entry in entries.sorted(by: { $0.path < $1.path }) {
            var line = "  <url><loc>\(TextTools.escapeXML(baseURL + entry.path))</loc>"
            if let lastModified = entry.lastModified { line += "<lastmod>\(lastModified)</lastmod>" }
            lines.append(line + "</url>")
        }
        lines.append("</urlset>")
        return lines.joined(separator: "\n") + "\n"
    }

    static func robots(baseURL: String) -> String {
        "User-agent: *\nAllow: /\n\nSitemap: \(baseURL)/sitemap.xml\n"
    }
}
