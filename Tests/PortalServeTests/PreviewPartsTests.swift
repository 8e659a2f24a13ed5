import Foundation
import PortalDiagnostics
@testable import PortalServe
import PortalRender
import PortalTestSupport
import Testing

/// The preview server's parts on their own: paths, media types, script injection, change detection, pages.
@Suite struct PreviewPartsTests {
    @Test(arguments: [
        ("/", ""), ("/massnahmen/chatbot/", "massnahmen/chatbot/"), ("/massnahmen/chatbot", "massnahmen/chatbot"),
        ("/assets/%C3%BCbersicht.pdf", "assets/übersicht.pdf"), ("/a%20b/", "a b/"),
    ])
    func decodesPaths(raw: String, relative: String) {
        #expect(SitePath(requestPath: raw)?.relative == relative)
    }

    @Test(arguments: [
        "", "massnahmen/", "/../etc/passwd", "/a/../b", "/%2e%2e/x", "/a/%2E%2E/b", "/.git/config", "/a//b", "/a/./b",
        "/%zz", "/%c3", "/a%00b", "/a%5Cb", "/a\\b",
    ])
    func refusesUnsafePaths(raw: String) {
        #expect(SitePath(requestPath: raw) == nil)
    }

    @Test(arguments: [
        ("index.html", "text/html; charset=utf-8"), ("css/site.css", "text/css; charset=utf-8"),
        ("js/search.js", "text/javascript; charset=utf-8"), ("js/worker.mjs", "text/javascript; charset=utf-8"),
        ("daten/massnahmen.json", "application/json; charset=utf-8"), ("aktuelles/feed.xml", "application/xml; charset=utf-8"),
        ("sitemap.xml", "application/xml; charset=utf-8"), ("favicon.svg", "image/svg+xml"),
        ("termine.ics", "text/calendar; charset=utf-8"), ("daten/massnahmen.csv", "text/csv; charset=utf-8"),
        ("assets/foto.PNG", "image/png"), ("assets/foto.jpg", "image/jpeg"), ("assets/foto.jpeg", "image/jpeg"),
        ("assets/foto.webp", "image/webp"), ("assets/antrag.pdf", "application/pdf"), ("fonts/x.woff2", "font/woff2"),
        ("assets/dgs.vtt", "text/vtt; charset=utf-8"), ("robots.txt", "text/plain; charset=utf-8"),
        ("assets/ohne-endung", "application/octet-stream"), (".hidden", "application/octet-stream"),
    ])
    func mediaTypes(path: String, type: String) {
        #expect(ContentTypes.forPath(path) == type)
    }

    @Test(arguments: [
        ("<html><body><p>x</p></body></html>", "<html><body><p>x</p>\(ReloadScript.tag)</body></html>"),
        ("<HTML><BODY>x</BODY></HTML>", "<HTML><BODY>x\(ReloadScript.tag)</BODY></HTML>"),
        ("<p>&lt;/body&gt; in text</p></body>\n</html>\n", "<p>&lt;/body&gt; in text</p>\(ReloadScript.tag)</body>\n</html>\n"),
        ("<!doctype html><title>t</title>", "<!doctype html><title>t</title>\(ReloadScript.tag)"),
        ("", ReloadScript.tag),
    ])
    func injectsTheScriptBeforeTheLastBodyEnd(html: String, expected: String) {
        #expect(String(decoding: ReloadScript.inject(into: Array(html.utf8)), as: UTF8.self) == expected)
    }

    @Test func lookupResolvesCleanURLs() {
        let site = PreviewSite(
            files: [OutputFile(path: "index.html", text: "home"), OutputFile(path: "massnahmen/x/index.html", text: "x"), OutputFile(path: "css/site.css", text: "c")],
            assets: [(source: "/content/assets/a.pdf", destination: "assets/a.pdf")])
        func look(_ path: String) -> PreviewSite.Lookup? { SitePath(requestPath: path).map(site.lookup) }
        #expect(look("/") == .file("index.html"))
        #expect(look("/index.html") == .file("index.html"))
        #expect(look("/massnahmen/x/") == .file("massnahmen/x/index.html"))
        #expect(look("/massnahmen/x") == .addSlash)
        #expect(look("/massnahmen/") == .notFound)
        #expect(look("/css/site.css") == .file("css/site.css"))
        #expect(look("/css/site.css/") == .notFound)
        #expect(look("/assets/a.pdf") == .asset(path: "assets/a.pdf", source: "/content/assets/a.pdf"))
        #expect(site.pageCount == 2)
    }

    @Test func snapshotsNoticeAddedChangedReplacedAndRemovedFiles() throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let root = directory.path
        try FileManager.default.createDirectory(atPath: root + "/measures", withIntermediateDirectories: true)
        try Data("eins".utf8).write(to: URL(fileURLWithPath: root + "/measures/a.md"))
        try Data("x".utf8).write(to: URL(fileURLWithPath: root + "/.a.md.swp"))
        let first = DirectorySnapshot.take(roots: [root, root + "/does-not-exist"])
        #expect(first.stamps.keys.sorted() == [root + "/measures/a.md"], "hidden files are ignored as the build ignores them")
        #expect(DirectorySnapshot.take(roots: [root]) == first, "nothing changed")

        // Same size, only the modification time differs.
        try FileManager.default.setAttributes([.modificationDate: Date().addingTimeInterval(-60)], ofItemAtPath: root + "/measures/a.md")
        let touched = DirectorySnapshot.take(roots: [root])
        #expect(touched.changes(since: first) == [root + "/measures/a.md"])

        try Data("neu".utf8).write(to: URL(fileURLWithPath: root + "/measures/b.md"))
        try FileManager.default.removeItem(atPath: root + "/measures/a.md")
        let later = DirectorySnapshot.take(roots: [root])
        #expect(later.changes(since: touched) == [root + "/measures/a.md", root + "/measures/b.md"])
    }

    @Test func errorPageEscapesAndListsEveryDiagnostic() {
        var diagnostics = Diagnostics()
        diagnostics.error(.invalidValue, "'<script>alert(1)</script>' & \"more\" is not allowed.", at: SourceLocation(file: "/work/site/content/measures/x.md", line: 3, column: 7))
        diagnostics.warning(.unknownKey, "Unknown key 'menue' is ignored.", at: SourceLocation(file: "content/pages/a.md", line: 2, column: 1))
        diagnostics.error(.missingFile, "site.yml is missing.", at: SourceLocation(file: "content/site.yml"))
        let page = PreviewPage.buildFailed(diagnostics, workingDirectory: "/work/site")
        #expect(page.hasPrefix("<!doctype html>\n<html lang=\"de\">"))
        #expect(page.contains("<title>"))
        #expect(page.components(separatedBy: "<h1>").count == 2)
        #expect(page.components(separatedBy: "<li class=").count == 4)
        #expect(page.contains("2 Fehler und 1 Warnung"))
        #expect(!page.contains("<script>alert"))
        #expect(page.contains("&#39;&lt;script&gt;alert(1)&lt;/script&gt;&#39; &amp; &quot;more&quot; is not allowed."))
        #expect(page.contains("<code>content/measures/x.md:3:7</code>"), "paths relative to the working directory, as in the terminal")
        #expect(page.contains("<code>content/site.yml</code></p>"), "no line or column when there is none")
        #expect(page.contains("<code>unknown-key</code>"))
        // Sorted as in the terminal: by file, then line.
        let order = ["content/measures/x.md", "content/pages/a.md", "content/site.yml"].compactMap { page.range(of: "<code>" + $0)?.lowerBound }
        #expect(order.count == 3 && order == order.sorted())
        #expect(page.contains(ReloadScript.tag))
        #expect(!page.contains("<script>") || page.components(separatedBy: "<script").count == 2, "only the reload script")
    }

    @Test func eventsOnTheWire() {
        #expect(ServerSentEvent.hello(buildID: "a-1").wireFormat == "event: hello\ndata: a-1\n\n")
        #expect(ServerSentEvent.reload(buildID: "a-2").wireFormat == "event: reload\ndata: a-2\n\n")
        #expect(ServerSentEvent.keepAlive.wireFormat.hasPrefix(":"))
    }

    @Test func hubGreetsWithTheCurrentBuildAndEndsStreamsOnClose() async {
        let hub = ReloadHub()
        await hub.announce(buildID: "r-1")
        let stream = await hub.subscribe()
        await hub.announce(buildID: "r-2")
        await hub.close()
        var received: [ServerSentEvent] = []
        for await event in stream { received.append(event) }
        #expect(received == [.hello(buildID: "r-1"), .reload(buildID: "r-2")])
        #expect(await hub.connectionCount == 0)
    }
}
