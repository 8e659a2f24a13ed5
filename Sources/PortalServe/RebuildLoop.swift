import Foundation
import PortalBuild
import PortalDiagnostics
import ServiceLifecycle

/// Builds the site in memory, then watches the input folders and rebuilds after every save, telling open tabs to
/// reload. Runs as a service beside the HTTP server and closes the reload streams when the server stops.
struct RebuildLoop: Service, CustomStringConvertible {
    var options: BuildOptions
    var environment: [String: String]
    /// How often the folders are listed.
    var pollInterval: Duration
    /// How long the folders must stay unchanged after a change before the rebuild starts (editors save in bursts).
    var quietPeriod: Duration
    /// How often idle reload streams get a keep-alive comment (which also reveals closed tabs).
    var keepAliveInterval: Duration = .seconds(15)
    let store: SiteStore
    let hub: ReloadHub
    /// Delivers the port once the server listens.
    let ports: AsyncStream<Int>
    let report: @Sendable (PreviewEvent) -> Void

    /// How the service is named in ServiceLifecycle's debug log (without the environment it carries).
    var description: String { "RebuildLoop" }

    func run() async throws {
        var portIterator = ports.makeAsyncIterator()
        guard let port = await portIterator.next() else {
            await stop()
            return
        }
        var buildOptions = options
        buildOptions.writesOutput = false
        // Absolute links (feeds, open data, canonical) point at the preview instead of the published site.
        buildOptions.baseURL = "http://127.0.0.1:\(port)"
        var session = Session(
            builder: Builder(options: buildOptions, environment: environment),
            instance: String(UInt32.random(in: 0...UInt32.max), radix: 36))
        let roots = session.builder.inputDirectories
        let snapshot = DirectorySnapshot.take(roots: roots)
        await session.build(changedPaths: [], store: store, hub: hub, report: report)
        report(.ready(url: "http://127.0.0.1:\(port)/", watching: roots))

        let watch: @Sendable () async throws -> Void = { [self, session, snapshot] in
            var session = session
            var snapshot = snapshot
            var sinceKeepAlive: Duration = .zero
            while true {
                try await Task.sleep(for: pollInterval)
                sinceKeepAlive += pollInterval
                if sinceKeepAlive >= keepAliveInterval {
                    sinceKeepAlive = .zero
                    await hub.broadcast(.keepAlive)
                }
                var latest = DirectorySnapshot.take(roots: roots)
                guard latest != snapshot else { continue }
                // Wait until a burst of saves is over (at most 10 quiet periods), then build once.
                for _ in 0..<10 {
                    try await Task.sleep(for: quietPeriod)
                    let again = DirectorySnapshot.take(roots: roots)
                    if again == latest { break }
                    latest = again
                }
                let changed = latest.changes(since: snapshot)
                snapshot = latest
                await session.build(changedPaths: changed, store: store, hub: hub, report: report)
            }
        }
        do {
            try await cancelWhenGracefulShutdown(watch)
        } catch is CancellationError {
            // Stopped (Ctrl-C or the server ended).
        }
        await stop()
    }

    /// Ends the reload streams and releases waiting requests, so the server can finish its open connections.
    private func stop() async {
        report(.stopping)
        await hub.close()
        await store.close()
    }

    /// The builds of one server run: numbers them and remembers the last outcome, so a save that changes nothing
    /// in the output does not reload the tabs.
    struct Session: Sendable {
        let builder: Builder
        /// Random per server run, so a tab that reconnects to a restarted server reloads.
        let instance: String
        var generation = 0
        var lastSite: PreviewSite?
        var lastFailure: Diagnostics?
        var buildID: String { "\(instance)-\(generation)" }

        /// Builds in memory (off the cooperative threads), publishes the result, reports it and reloads the tabs.
        mutating func build(changedPaths: [String], store: SiteStore, hub: ReloadHub, report: @Sendable (PreviewEvent) -> Void) async {
            let builder = self.builder
            let rendered = await Self.offload { builder.render() }
            let result = rendered.result
            let site = result.succeeded ? PreviewSite(files: rendered.files, assets: rendered.assets) : lastSite
            let failure: Diagnostics? = result.succeeded ? nil : result.diagnostics
            let contentRoot = builder.inputDirectories.first ?? ""
            let assetChanged = changedPaths.contains { $0.hasPrefix(contentRoot + "/assets/") }
            let isFirst = generation == 0
            let unchanged = !isFirst && site == lastSite && failure == lastFailure && !assetChanged
            if !unchanged { generation += 1 }
            lastSite = site
            lastFailure = failure
            await store.publish(PreviewState(site: site, failure: failure, buildID: buildID))
            report(.built(result, pages: result.succeeded ? site?.pageCount ?? 0 : 0, changedPaths: changedPaths))
            if !unchanged { await hub.announce(buildID: buildID) }
        }

        /// Runs `work` on a global dispatch queue, so a long build does not block the threads serving requests.
        private static func offload<T: Sendable>(_ work: @escaping @Sendable () -> T) async -> T {
            await withCheckedContinuation { continuation in
                DispatchQueue.global(qos: .userInitiated).async { continuation.resume(returning: work()) }
            }
        }
    }
}
