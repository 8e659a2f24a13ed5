import Foundation
import HTTPTypes
import Hummingbird

/// Answers the preview's requests from memory: site files with clean URLs, the live-reload script and event
/// stream, and the error page while the content is broken.
struct PreviewResponder: HTTPResponder {
    typealias Context = BasicRequestContext

    let store: SiteStore
    let hub: ReloadHub
    /// For showing diagnostics' paths as the terminal does.
    let workingDirectory: String

    func respond(to request: Request, context: Context) async throws -> Response {
        let isHead = request.method == .head
        guard request.method == .get || isHead else {
            var headers = Self.baseHeaders(contentType: "text/plain; charset=utf-8")
            headers[.allow] = "GET, HEAD"
            return Self.response(.methodNotAllowed, headers: headers, bytes: Array("Only GET and HEAD are supported.\n".utf8), isHead: isHead)
        }
        let rawPath = request.uri.path
        if rawPath == ReloadScript.eventsPath { return await eventStream(isHead: isHead) }
        if rawPath == ReloadScript.path {
            return Self.response(.ok, headers: Self.baseHeaders(contentType: ContentTypes.forPath("reload.js")), bytes: Array(ReloadScript.source.utf8), isHead: isHead)
        }

        let state = await store.current()
        let path = SitePath(requestPath: rawPath)
        if let failure = state.failure, Self.wantsHTML(path: path, accept: request.headers[.accept]) {
            let page = PreviewPage.buildFailed(failure, workingDirectory: workingDirectory)
            return Self.response(.internalServerError, headers: Self.baseHeaders(contentType: ContentTypes.forPath("error.html")), bytes: Array(page.utf8), isHead: isHead)
        }
        guard let site = state.site else {
            return Self.response(.serviceUnavailable, headers: Self.baseHeaders(contentType: "text/plain; charset=utf-8"), bytes: Array("The preview is not available.\n".utf8), isHead: isHead)
        }
        guard let path else { return notFound(in: site, rawPath: rawPath, isHead: isHead) }
        switch site.lookup(path) {
        case .file(let relative):
            return Self.siteFile(relative, bytes: site.files[relative] ?? [], status: .ok, isHead: isHead)
        case .asset(let relative, let source):
            guard let data = FileManager.default.contents(atPath: source) else { return notFound(in: site, rawPath: rawPath, isHead: isHead) }
            return Self.response(.ok, headers: Self.baseHeaders(contentType: ContentTypes.forPath(relative)), bytes: [UInt8](data), isHead: isHead)
        case .addSlash:
            let location = rawPath + "/"
            var headers = Self.baseHeaders(contentType: "text/plain; charset=utf-8")
            headers[.location] = location + (request.uri.query.map { "?" + $0 } ?? "")
            return Self.response(.movedPermanently, headers: headers, bytes: Array("Moved to \(location)\n".utf8), isHead: isHead)
        case .notFound:
            return notFound(in: site, rawPath: rawPath, isHead: isHead)
        }
    }

    /// The site's own `404.html`, or a fallback page, with status 404.
    private func notFound(in site: PreviewSite, rawPath: String, isHead: Bool) -> Response {
        if let page = site.files["404.html"] {
            return Self.siteFile("404.html", bytes: page, status: .notFound, isHead: isHead)
        }
        let page = PreviewPage.notFound(path: SitePath.percentDecoded(rawPath) ?? rawPath)
        return Self.response(.notFound, headers: Self.baseHeaders(contentType: ContentTypes.forPath("404.html")), bytes: Array(page.utf8), isHead: isHead)
    }

    /// The live-reload stream: `hello` with the current build, then `reload` after every build, until the server stops.
    private func eventStream(isHead: Bool) async -> Response {
        var headers = Self.baseHeaders(contentType: "text/event-stream; charset=utf-8")
        headers[HTTPField.Name("X-Accel-Buffering")!] = "no"
        if isHead { return Response(status: .ok, headers: headers, body: ResponseBody()) }
        let events = await hub.subscribe()
        let body = ResponseBody { writer in
            // Reconnect quickly after the server restarts.
            try await writer.write(ByteBuffer(string: "retry: 1000\n\n"))
            for await event in events {
                try await writer.write(ByteBuffer(string: event.wireFormat))
            }
            try await writer.finish(nil)
        }
        return Response(status: .ok, headers: headers, body: body)
    }

    /// A generated file; HTML gets the live-reload script before `</body>`.
    private static func siteFile(_ relative: String, bytes: [UInt8], status: HTTPResponse.Status, isHead: Bool) -> Response {
        let contentType = ContentTypes.forPath(relative)
        let body = ContentTypes.isHTML(contentType) ? ReloadScript.inject(into: bytes) : bytes
        return response(status, headers: baseHeaders(contentType: contentType), bytes: body, isHead: isHead)
    }

    /// Whether a request is for a page (so it gets the error page while the build is broken): the browser asks for
    /// HTML, or the path is a folder, an `.html` file or has no extension.
    static func wantsHTML(path: SitePath?, accept: String?) -> Bool {
        if let accept, accept.contains("text/html") { return true }
        guard let path else { return false }
        return path.isFolder || path.fileExtension.isEmpty || path.fileExtension == "html" || path.fileExtension == "htm"
    }

    /// Headers every response has: its type, and no caching, so a reload always shows the latest build.
    private static func baseHeaders(contentType: String) -> HTTPFields {
        var headers = HTTPFields()
        headers[.contentType] = contentType
        headers[.cacheControl] = "no-store"
        headers[HTTPField.Name("X-Content-Type-Options")!] = "nosniff"
        return headers
    }

    /// A complete response; for HEAD only the headers, with the length the body would have.
    private static func response(_ status: HTTPResponse.Status, headers: HTTPFields, bytes: [UInt8], isHead: Bool) -> Response {
        var headers = headers
        headers[.contentLength] = String(bytes.count)
        let body = isHead ? ResponseBody() : ResponseBody(byteBuffer: ByteBuffer(bytes: bytes))
        return Response(status: status, headers: headers, body: body)
    }
}
