import Foundation
import PortalBuild
import PortalServe
import PortalTestSupport
import Testing

/// The preview server end to end: a real server on a free port, a temporary copy of the minimal fixture site,
/// requests over a socket, and edits saved to disk.
@Suite(.serialized) struct PreviewServerTests {
    static let reloadTag = "<script src=\"/__portal/reload.js\" defer></script>"

    /// The body of the fixture's measure and the text the tests put there instead.
    static let measureBody = "Der Chatbot ist ein Beispiel."

    @Test func servesPagesWithTheReloadScript() async throws {
        let server = try await LiveServer(site: Fixtures.minimalSite)
        defer { Task { await server.stop() } }
        let page = try await server.client.request("GET", "/massnahmen/chatbot/")
        #expect(page.status == 200)
        #expect(page.headers["content-type"] == "text/html; charset=utf-8")
        #expect(page.headers["cache-control"] == "no-store")
        #expect(page.text.contains(Self.measureBody))
        #expect(page.text.components(separatedBy: Self.reloadTag).count == 2, "the script is injected exactly once")
        if let bodyEnd = page.text.range(of: "</body>", options: .backwards) {
            #expect(page.text[..<bodyEnd.lowerBound].hasSuffix(Self.reloadTag), "the script sits right before </body>")
        }
        #expect(Int(page.headers["content-length"] ?? "") == page.body.count)

        let script = try await server.client.request("GET", "/__portal/reload.js")
        #expect(script.status == 200)
        #expect(script.headers["content-type"] == "text/javascript; charset=utf-8")
        #expect(script.text.contains("new EventSource(\"/__portal/events\")"))
        #expect(script.text.contains("location.reload()"))

        let home = try await server.client.request("GET", "/")
        #expect(home.status == 200)
        #expect(home.text.contains(Self.reloadTag))
    }

    @Test func cleanURLsRedirectsAndNotFound() async throws {
        let site = Fixtures.minimalSite
            .with("assets/plan.pdf", "%PDF-1.4 test")
            .with("assets/bild.svg", "<svg xmlns=\"http://www.w3.org/2000/svg\"/>")
        let server = try await LiveServer(site: site)
        defer { Task { await server.stop() } }

        let redirect = try await server.client.request("GET", "/massnahmen/chatbot?x=1")
        #expect(redirect.status == 301)
        #expect(redirect.headers["location"] == "/massnahmen/chatbot/?x=1")

        let missing = try await server.client.request("GET", "/massnahmen/gibt-es-nicht/")
        #expect(missing.status == 404)
        #expect(missing.headers["content-type"] == "text/html; charset=utf-8")
        #expect(missing.text.contains("lang=\"de\""))
        #expect(missing.text.contains(Self.reloadTag))

        for traversal in ["/../../etc/passwd", "/%2e%2e/%2e%2e/etc/passwd", "/assets/%2e%2e/site.yml", "/.git/config"] {
            let response = try await server.client.request("GET", traversal)
            #expect(response.status == 404, "\(traversal)")
            #expect(!response.text.contains("baseURL"), "\(traversal) must not reveal content files")
        }

        let pdf = try await server.client.request("GET", "/assets/plan.pdf")
        #expect(pdf.status == 200)
        #expect(pdf.headers["content-type"] == "application/pdf")
        #expect(pdf.text == "%PDF-1.4 test")
        let svg = try await server.client.request("GET", "/assets/bild.svg")
        #expect(svg.headers["content-type"] == "image/svg+xml")
        #expect(!svg.text.contains("__portal"), "only HTML gets the script")
        let schema = try await server.client.request("GET", "/schemas/measure.schema.json")
        #expect(schema.status == 200)
        #expect(schema.headers["content-type"] == "application/json; charset=utf-8")

        let head = try await server.client.request("HEAD", "/massnahmen/chatbot/")
        #expect(head.status == 200)
        #expect(head.body.isEmpty)
        #expect(Int(head.headers["content-length"] ?? "") ?? 0 > 0)
        let post = try await server.client.request("POST", "/massnahmen/chatbot/")
        #expect(post.status == 405)
        #expect(post.headers["allow"] == "GET, HEAD")
    }

    /// The acceptance test: a save reaches an open tab as a `reload` event within two seconds, and the page then
    /// shows the change. Measures the latency from saving to the event over several saves.
    @Test func savingReloadsTheBrowserWithinTwoSeconds() async throws {
        let server = try await LiveServer(site: Fixtures.minimalSite)
        defer { Task { await server.stop() } }
        let stream = try await server.client.openEventStream()
        defer { stream.close() }
        #expect(stream.status == 200)
        #expect(stream.headers["content-type"] == "text/event-stream; charset=utf-8")
        #expect(stream.headers["cache-control"] == "no-store")
        let hello = try #require(try await stream.next(timeout: 2))
        #expect(hello.name == "hello")

        var latencies: [Double] = []
        var previousBuild = hello.data
        for round in 1...5 {
            let original = try server.read("measures/chatbot.md")
            let marker = "Geänderter Text Nummer \(round)."
            let saved = ContinuousClock.now
            try server.save("measures/chatbot.md", original.replacingOccurrences(of: round == 1 ? Self.measureBody : "Geänderter Text Nummer \(round - 1).", with: marker))
            let event = try #require(try await stream.next(timeout: 2), "no reload event within 2 s")
            let latency = event.received - saved
            #expect(event.name == "reload")
            #expect(event.data != previousBuild)
            previousBuild = event.data
            latencies.append(Double(latency.components.attoseconds) / 1e18 + Double(latency.components.seconds))
            #expect(latency < .seconds(2))
            let page = try await server.client.request("GET", "/massnahmen/chatbot/")
            #expect(page.status == 200)
            #expect(page.text.contains(marker))
        }
        let sorted = latencies.sorted()
        print("portal serve: save → reload event latency over \(sorted.count) saves: median \(Int(sorted[sorted.count / 2] * 1000)) ms, max \(Int((sorted.last ?? 0) * 1000)) ms")
        #expect(!FileManager.default.fileExists(atPath: server.directory.path + "/site"), "serve never writes site/")
    }

    /// A broken file turns every page into the error page (500) naming the problem; fixing it brings the site back.
    @Test func brokenContentShowsTheErrorPageUntilFixed() async throws {
        let server = try await LiveServer(site: Fixtures.minimalSite)
        defer { Task { await server.stop() } }
        let stream = try await server.client.openEventStream()
        defer { stream.close() }
        _ = try await stream.next(timeout: 2)
        let original = try server.read("measures/chatbot.md")

        try server.save("measures/chatbot.md", original.replacingOccurrences(of: "status: pilot", with: "status: <piloot>"))
        #expect(try await stream.next(timeout: 2)?.name == "reload")
        for path in ["/massnahmen/chatbot/", "/", "/gibt-es-nicht/"] {
            let page = try await server.client.request("GET", path, headers: ["Accept": "text/html,application/xhtml+xml"])
            #expect(page.status == 500, "\(path)")
            #expect(page.headers["content-type"] == "text/html; charset=utf-8")
            #expect(page.text.hasPrefix("<!doctype html>"))
            #expect(page.text.contains("<html lang=\"de\">"))
            #expect(page.text.contains("<h1>"))
            #expect(page.text.contains("<ol class=\"diagnostics\">"))
            #expect(page.text.contains("content/measures/chatbot.md:5:9"))
            #expect(page.text.contains("Zeile 5, Spalte 9"))
            #expect(page.text.contains("<code>invalid-value</code>"))
            #expect(page.text.contains("&#39;&lt;piloot&gt;&#39; is not allowed"), "the message is escaped")
            #expect(!page.text.contains("<piloot>"))
            #expect(page.text.components(separatedBy: Self.reloadTag).count == 2)
        }
        // Files other than pages still come from the last good build.
        let schema = try await server.client.request("GET", "/schemas/measure.schema.json")
        #expect(schema.status == 200)
        let failed = server.reported.compactMap { event -> BuildResult? in
            if case .built(let result, _, _) = event, !result.succeeded { return result }
            return nil
        }
        #expect(failed.count == 1)

        try server.save("measures/chatbot.md", original)
        #expect(try await stream.next(timeout: 2)?.name == "reload")
        let page = try await server.client.request("GET", "/massnahmen/chatbot/", headers: ["Accept": "text/html"])
        #expect(page.status == 200)
        #expect(page.text.contains(Self.measureBody))
    }

    /// A save that changes nothing in the output (an editor touching the file) does not reload the tabs; a new file
    /// and a deleted file do.
    @Test func reloadsOnlyWhenTheSiteChanged() async throws {
        let server = try await LiveServer(site: Fixtures.minimalSite)
        defer { Task { await server.stop() } }
        let stream = try await server.client.openEventStream()
        defer { stream.close() }
        _ = try await stream.next(timeout: 2)
        let path = server.directory.path + "/content/pages/chancen.md"
        try FileManager.default.setAttributes([.modificationDate: Date().addingTimeInterval(5)], ofItemAtPath: path)
        await #expect(throws: HTTPTestClient.Failure.self) { _ = try await stream.next(timeout: 1.2) }
        #expect(server.reported.filter { if case .built = $0 { true } else { false } }.count == 2, "the touch was rebuilt, silently")

        let measure = Fixtures.minimalSite["measures/chatbot.md"]!.replacingOccurrences(of: "title: Chatbot im Bürgerservice", with: "title: Zweiter Chatbot")
        try server.save("measures/zweiter-chatbot.md", measure)
        #expect(try await stream.next(timeout: 2)?.name == "reload")
        #expect(try await server.client.request("GET", "/massnahmen/zweiter-chatbot/").status == 200)
        try FileManager.default.removeItem(atPath: server.directory.path + "/content/measures/zweiter-chatbot.md")
        #expect(try await stream.next(timeout: 2)?.name == "reload")
        #expect(try await server.client.request("GET", "/massnahmen/zweiter-chatbot/").status == 404)
    }

    @Test func aBusyPortIsReported() async throws {
        let first = try await LiveServer(site: Fixtures.minimalSite)
        defer { Task { await first.stop() } }
        let options = BuildOptions(contentDirectory: first.directory.path + "/content", defaultTemplatesDirectory: LiveServer.templates, writesOutput: false, workingDirectory: first.directory.path)
        let second = PreviewServer(options: options, port: first.port, environment: [:])
        await #expect(throws: PreviewServer.Failure.portInUse(first.port)) {
            try await second.run()
        }
    }

    /// Stopping closes open event streams, so the server does not wait for open tabs.
    @Test func stoppingEndsTheEventStreams() async throws {
        let server = try await LiveServer(site: Fixtures.minimalSite)
        let stream = try await server.client.openEventStream()
        defer { stream.close() }
        _ = try await stream.next(timeout: 2)
        let start = ContinuousClock.now
        await server.stop()
        #expect(ContinuousClock.now - start < .seconds(2))
        #expect(try await stream.next(timeout: 2) == nil, "the stream ended")
    }
}
