import PortalModel
import Testing
@testable import PortalRender

@Suite("The rendered site: complete, deterministic, linked, accessible structure")
struct SiteRenderingTests {
    let site: Site
    let files: [String: [UInt8]]
    let diagnostics: [String]

    init() throws {
        site = try TestSupport.site()
        let rendered = try TestSupport.render(site)
        files = rendered.files
        diagnostics = rendered.diagnostics.sorted().map(\.description)
    }

    var htmlPages: [String] { files.keys.filter { $0.hasSuffix(".html") }.sorted() }

    @Test("Rendering with the default theme reports no problems")
    func noDiagnostics() {
        #expect(diagnostics == [])
    }

    @Test("Every page and file the site promises exists")
    func expectedFiles() {
        let expected = [
            "index.html", "404.html", "massnahmen/index.html", "massnahmen/chatbot/index.html",
            "massnahmen/bereich/buergerservice/index.html", "massnahmen/status/pilot/index.html", "massnahmen/risiko/high/index.html",
            "antraege/index.html", "antraege/at-0047-2025/index.html", "antraege/af-0012-2025/index.html",
            "zeitleiste/index.html", "zeitleiste/fristen/index.html", "chancen/index.html", "grenzen/index.html",
            "einsparungen/index.html", "aktuelles/index.html", "aktuelles/2025-09-01-chatbot-startet/index.html",
            "gremien/index.html", "gremien/digitalbeirat/index.html", "partner/index.html", "partner/hochschule/index.html",
            "ueber-uns/index.html", "ueber-uns-leicht/index.html", "barrierefreiheit/index.html", "impressum/index.html",
            "datenschutz/index.html", "leichte-sprache/index.html", "kontakt/index.html", "suche/index.html", "a-z/index.html",
            "daten/index.html", "daten/massnahmen.json", "daten/massnahmen.csv", "daten/antraege.json",
            "daten/oparl/body.json", "daten/oparl/organizations.json", "daten/oparl/persons.json", "daten/oparl/meetings.json",
            "aktuelles/atom.xml", "aktuelles/feed.json", "sitemap.xml", "robots.txt", "termine.ics",
            "css/portal.css", "css/print.css", "favicon.svg",
        ]
        for path in expected {
            #expect(files[path] != nil, "missing \(path)")
        }
        // Free pages merged into generated pages are not rendered twice.
        #expect(files["chancen/index.html"] != nil)
        #expect(!TestSupport.text(files, "barrierefreiheit/index.html").isEmpty)
    }

    @Test("Rendering twice gives byte-identical output")
    func deterministic() throws {
        let again = try TestSupport.render(site).files
        #expect(again.keys.sorted() == files.keys.sorted())
        for (path, bytes) in files {
            #expect(again[path] == bytes, "\(path) differs between two builds")
        }
    }

    @Test("Every internal link and anchor resolves")
    func links() {
        var checker = LinkChecker(files: files, assets: FixtureContent.assetPaths.map { "assets/" + $0 })
        let broken = checker.brokenLinks()
        #expect(broken.isEmpty, "\(broken.map(\.description).joined(separator: "\n"))")
    }

    @Test("Every page has exactly one h1 and no skipped heading levels")
    func headings() {
        for page in htmlPages {
            let outline = HTMLOutline(TestSupport.text(files, page))
            #expect(outline.h1Count == 1, "\(page) has \(outline.h1Count) h1")
            #expect(outline.skippedLevels.isEmpty, "\(page) skips \(outline.skippedLevels)")
        }
    }

    @Test("Every page has the language, skip link, landmarks, CSP and no inline styles or scripts")
    func pageFrame() {
        for page in htmlPages {
            let html = TestSupport.text(files, page)
            #expect(html.hasPrefix("<!doctype html>\n<html lang=\"de\">"), "\(page)")
            #expect(html.contains("<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'self'; img-src 'self' data:; style-src 'self'; script-src 'self'; object-src 'none'; base-uri 'none'; form-action 'self'\">"), "\(page)")
            // The skip link is the first focusable element.
            let firstLink = html.range(of: "<a ").map { html[$0.lowerBound...].prefix(60) } ?? ""
            #expect(firstLink.hasPrefix("<a class=\"skip-link\" href=\"#inhalt\">"), "\(page)")
            #expect(html.contains("<main id=\"inhalt\" tabindex=\"-1\">"), "\(page)")
            #expect(html.contains("<header") && html.contains("<footer") && html.contains("aria-label=\"Hauptnavigation\""), "\(page)")
            #expect(html.contains("<form class=\"header-search\" role=\"search\" action=\"/suche/\"") == (page != "suche/index.html"), "\(page)")
            #expect(HTMLOutline(html).count("role=\"search\"") == 1, "\(page)")
            #expect(!html.contains(" style="), "\(page) has a style attribute")
            #expect(!html.contains("<style"), "\(page) has a style element")
            #expect(!html.contains("<script>") && !html.contains("<script type=\"module\">"), "\(page) has an inline script")
            #expect(!html.contains("http://") || html.contains("xmlns=\"http://www.w3.org/2000/svg\""), "\(page) links over plain http")
            #expect(html.contains("href=\"/aktuelles/atom.xml\""), "\(page) lacks the feed link")
        }
    }

    @Test("No id occurs twice on a page, and every aria-labelledby names an existing id")
    func uniqueIDs() {
        for page in htmlPages {
            let html = TestSupport.text(files, page)
            let ids = LinkChecker.attributeValues(in: html, names: ["id"])
            #expect(Set(ids).count == ids.count, "\(page) repeats ids: \(Dictionary(grouping: ids, by: { $0 }).filter { $0.value.count > 1 }.keys.sorted())")
            for reference in LinkChecker.attributeValues(in: html, names: ["aria-labelledby", "aria-describedby", "for"]) {
                for id in reference.split(separator: " ") {
                    #expect(ids.contains(String(id)), "\(page) refers to missing id \(id)")
                }
            }
        }
    }

    @Test("Every table has a caption and header cells with scope")
    func tables() {
        for page in htmlPages {
            let html = TestSupport.text(files, page)
            let outline = HTMLOutline(html)
            #expect(outline.count("<table") == outline.count("<caption"), "\(page)")
            #expect(outline.count("<th>") == 0, "\(page) has a th without scope")
        }
    }

    @Test("The footer carries the legal and service links, including Barriere melden")
    func footer() {
        let html = TestSupport.text(files, "index.html")
        for link in ["/barrierefreiheit/", "/impressum/", "/datenschutz/", "/leichte-sprache/", "/kontakt/", "/daten/", "/aktuelles/#feeds"] {
            #expect(html.contains("href=\"\(link)\""), "footer lacks \(link)")
        }
        #expect(html.contains("href=\"mailto:barrierefreiheit@stadt.example?subject=Barriere%20auf%20dem%20KI-Transparenzportal\">Barriere melden</a>"))
    }

    @Test("The motion page shows the overdue badge, the resolution items and the consultation path")
    func motionPage() {
        let html = TestSupport.text(files, "antraege/at-0047-2025/index.html")
        #expect(html.contains("<li class=\"resolution__item resolution__item--overdue\" id=\"punkt-1\">"))
        #expect(html.contains("<span class=\"badge badge--overdue\">überfällig</span>"))
        #expect(html.contains("<time datetime=\"2025-06-12\">12. Juni 2025</time>"))
        for anchor in PageAnchors.motion where anchor != "inhalt" {
            #expect(html.contains("id=\"\(anchor)\""), "motion page lacks #\(anchor)")
        }
    }

    @Test("Measure, update and free pages carry every anchor content links may point to")
    func anchors() {
        let measure = TestSupport.text(files, "massnahmen/aktenablage/index.html")
        for anchor in PageAnchors.measure where anchor != "inhalt" {
            #expect(measure.contains("id=\"\(anchor)\""), "measure page lacks #\(anchor)")
        }
        let update = TestSupport.text(files, "aktuelles/2025-11-10-workshop/index.html")
        #expect(update.contains("id=\"bezuege\""))
        let page = TestSupport.text(files, "ueber-uns/index.html")
        #expect(page.contains("id=\"massnahmen\""))
        #expect(TestSupport.text(files, "chancen/index.html").contains("id=\"massnahmen\""))
    }

    @Test("Text from the content is escaped, prose HTML is inserted as it is")
    func escaping() {
        let html = TestSupport.text(files, "aktuelles/2025-11-10-workshop/index.html")
        #expect(html.contains("<h1>Workshop zu KI &amp; Ethik</h1>"))
        let update = TestSupport.text(files, "aktuelles/2025-06-12-stadtrat-beschliesst/index.html")
        #expect(update.contains("<div class=\"prose\">"))
    }

    @Test("The accessibility statement follows the EU model and adds the free page's text")
    func accessibilityStatement() {
        let html = TestSupport.text(files, "barrierefreiheit/index.html")
        #expect(html.contains("<h1>Erklärung zur Barrierefreiheit</h1>"))
        #expect(html.contains("teilweise mit der BITV 2.0 vereinbar"))
        #expect(html.contains("Ältere PDF-Anlagen"))
        #expect(html.contains("Durchsetzungsstelle Barrierefreiheit"))
        #expect(html.contains("mailto:barrierefreiheit@stadt.example"))
        #expect(html.contains("Wir arbeiten an weiteren Verbesserungen."))
        #expect(html.contains("<video class=\"video__player\" controls preload=\"none\">"))
        #expect(html.contains("3:05"))
    }

    @Test("The search page has the results region, the no-script help and no script without the search module")
    func searchPage() throws {
        var withoutScript = try TestSupport.theme()
        withoutScript.staticFiles["js/search/ui.js"] = nil
        let plain = SiteRenderer.render(site: site, theme: withoutScript, options: RenderOptions(generatorVersion: "test")).files
        let html = plain.first { $0.path == "suche/index.html" }.map { String(decoding: $0.bytes, as: UTF8.self) } ?? ""
        #expect(html.contains("<div id=\"search-results\" data-index=\"/suche/index/\"></div>"))
        #expect(html.contains("<p id=\"search-status\" class=\"search-status\" aria-live=\"polite\"></p>"))
        #expect(html.contains("<noscript>"))
        #expect(html.contains("href=\"/a-z/\""))
        #expect(!html.contains("<script"))
        var theme = try TestSupport.theme()
        theme.staticFiles["js/search/ui.js"] = Array("export {}".utf8)
        let withScript = SiteRenderer.render(site: site, theme: theme, options: RenderOptions(generatorVersion: "test")).files
        let searchPage = withScript.first { $0.path == "suche/index.html" }.map { String(decoding: $0.bytes, as: UTF8.self) } ?? ""
        #expect(searchPage.contains("<script type=\"module\" src=\"/js/search/ui.js\"></script>"))
        #expect(searchPage.contains("<script type=\"application/json\" id=\"search-labels\">"))
        #expect(!searchPage.contains("</script><script>"), "labels JSON is escaped")
    }

    @Test("The savings chart is an accessible SVG next to a table with the same figures")
    func savingsChart() {
        let html = TestSupport.text(files, "einsparungen/index.html")
        #expect(html.contains("role=\"img\" aria-labelledby=\"einsparungen-diagramm-titel einsparungen-diagramm-beschreibung\""))
        #expect(html.contains("<title id=\"einsparungen-diagramm-titel\">"))
        #expect(html.contains("<desc id=\"einsparungen-diagramm-beschreibung\">"))
        #expect(html.contains(">54.000\u{00A0}€</text>"))
        #expect(html.contains("<td class=\"numeric\">54.000\u{00A0}€</td>"))
        #expect(html.contains("<th scope=\"row\">Summe</th>"))
    }

    @Test("A preview base URL changes canonical links and feeds but not feed ids")
    func previewBaseURL() throws {
        let preview = try TestSupport.render(site, baseURL: "https://vorschau.example/").files
        #expect(TestSupport.text(preview, "index.html").contains("<link rel=\"canonical\" href=\"https://vorschau.example/\">"))
        let atom = TestSupport.text(preview, "aktuelles/atom.xml")
        #expect(atom.contains("href=\"https://vorschau.example/aktuelles/2025-09-01-chatbot-startet/\""))
        #expect(atom.contains("<id>tag:ki.stadt.example,2025:/aktuelles/2025-09-01-chatbot-startet/</id>"))
    }

    @Test("An English site gets English labels and lang=en")
    func englishSite() throws {
        var english = site
        english.config.language = "en"
        let rendered = try TestSupport.render(english)
        #expect(rendered.diagnostics.sorted().map(\.description) == [])
        let html = TestSupport.text(rendered.files, "massnahmen/index.html")
        #expect(html.hasPrefix("<!doctype html>\n<html lang=\"en\">"))
        #expect(html.contains(">Skip to content</a>"))
        #expect(html.contains("3 measures"))
    }

    @Test("The site of the repository's content folder renders without problems and with working links")
    func repositoryContent() throws {
        let site = try TestSupport.repositorySite()
        let rendered = try TestSupport.render(site)
        #expect(rendered.diagnostics.sorted().map(\.description) == [])
        var checker = LinkChecker(files: rendered.files, assets: site.assets.map { "assets/" + $0.path })
        let broken = checker.brokenLinks()
        #expect(broken.isEmpty, "\(broken.map(\.description).joined(separator: "\n"))")
        for page in rendered.files.keys where page.hasSuffix(".html") {
            #expect(HTMLOutline(TestSupport.text(rendered.files, page)).h1Count == 1, "\(page)")
        }
    }
}
