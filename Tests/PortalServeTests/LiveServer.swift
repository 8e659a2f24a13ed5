import Foundation
import PortalBuild
import PortalModel
import PortalServe
import PortalTestSupport

/// A preview server running in this process on a free port, against a temporary copy of a site.
final class LiveServer: Sendable {
    let directory: TemporaryDirectory
    let port: Int
    let client: HTTPTestClient
    private let task: Task<Void, any Error>
    private let events: EventLog

    /// The repository's default theme.
    static let templates = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().appendingPathComponent("templates").path

    /// What the server reported, in order.
    final class EventLog: @unchecked Sendable {
        private let lock = NSLock()
        private var events: [PreviewEvent] = []
        private var readyURL: String?

        func append(_ event: PreviewEvent) {
            lock.withLock {
                events.append(event)
                if case .ready(let url, _) = event { readyURL = url }
            }
        }

        var all: [PreviewEvent] { lock.withLock { events } }
        var url: String? { lock.withLock { readyURL } }
    }

    /// Writes `site` below a new temporary folder as `content/` and starts serving it; returns once it is ready.
    init(site: Txtar, asOf: LocalDate = LocalDate(year: 2026, month: 1, day: 15)) async throws {
        let directory = try TemporaryDirectory(prefix: "portal-serve")
        try directory.write(site, into: "content")
        let options = BuildOptions(
            contentDirectory: "content", defaultTemplatesDirectory: Self.templates, asOf: asOf, writesOutput: false,
            workingDirectory: directory.path)
        let server = PreviewServer(options: options, port: 0, environment: [:])
        let events = EventLog()
        let task = Task {
            try await server.run { event in events.append(event) }
        }
        // Generous: the server's task runs on Swift's cooperative threads (two on two cores), which the other suites'
        // synchronous builds can hold for minutes; 90 s timed out in two of three full runs on a slow machine
        // (session 9). Only a server that never starts waits this long.
        let deadline = Date().addingTimeInterval(600)
        while events.url == nil {
            if Date() > deadline {
                task.cancel()
                directory.remove()
                throw HTTPTestClient.Failure.timedOut("the server to start")
            }
            try await Task.sleep(for: .milliseconds(10))
        }
        let url = events.url ?? ""
        guard let port = Int(url.split(separator: ":").last?.filter(\.isNumber) ?? "") else {
            throw HTTPTestClient.Failure.malformed(url)
        }
        self.directory = directory
        self.port = port
        self.client = HTTPTestClient(port: port)
        self.task = task
        self.events = events
    }

    /// Every event reported so far.
    var reported: [PreviewEvent] { events.all }

    /// Replaces `relativePath` below `content/` with `text`, as an editor saves it.
    func save(_ relativePath: String, _ text: String) throws {
        try Data(text.utf8).write(to: URL(fileURLWithPath: directory.path + "/content/" + relativePath))
    }

    /// The text of `relativePath` below `content/`.
    func read(_ relativePath: String) throws -> String {
        try String(contentsOfFile: directory.path + "/content/" + relativePath, encoding: .utf8)
    }

    /// Stops the server and waits until it has stopped, then removes the folder.
    func stop() async {
        task.cancel()
        _ = await task.result
        directory.remove()
    }
}
