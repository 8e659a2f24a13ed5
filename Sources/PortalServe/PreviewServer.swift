import Foundation
import Hummingbird
import Logging
import NIOCore
import PortalBuild
import ServiceLifecycle
import UnixSignals

/// `portal serve`: builds the site in memory, serves it on 127.0.0.1, rebuilds when a file in the content or
/// templates folders is saved, and reloads open browser tabs. Never writes the output folder.
public struct PreviewServer: Sendable {
    /// What to build; `outputDirectory` and `writesOutput` are ignored, `baseURL` is set to the preview's address.
    public var options: BuildOptions
    /// The port on 127.0.0.1; 0 picks a free one (reported in `PreviewEvent.ready`).
    public var port: Int
    public var environment: [String: String]
    /// How often the watched folders are listed for changes.
    public var pollInterval: Duration = .milliseconds(250)
    /// How long the folders must stay unchanged after a change before rebuilding.
    public var quietPeriod: Duration = .milliseconds(100)

    public init(options: BuildOptions, port: Int = 8080, environment: [String: String] = ProcessInfo.processInfo.environment) {
        self.options = options
        self.port = port
        self.environment = environment
    }

    /// Why the server could not run.
    public enum Failure: Error, Hashable, CustomStringConvertible {
        case portInUse(Int)
        case portNotAllowed(Int)

        public var description: String {
            switch self {
            case .portInUse(let port): "Port \(port) is already in use. Stop the other program or choose another port with --port N (--port 0 picks a free one)."
            case .portNotAllowed(let port): "Port \(port) may not be used by this user. Choose a port above 1023 with --port N."
            }
        }
    }

    /// Runs until the task is cancelled or, with `stopOnSignals`, until Ctrl-C (SIGINT) or SIGTERM, then stops cleanly:
    /// open reload streams are closed and running requests finish. Throws `Failure` when the port cannot be used.
    public func run(stopOnSignals: Bool = false, report: @escaping @Sendable (PreviewEvent) -> Void = { _ in }) async throws {
        // The server's own log is for debugging portal (LOG_LEVEL=debug); authors see only the build messages.
        var logger = Logger(label: "portal.serve")
        logger.logLevel = environment["LOG_LEVEL"].flatMap(Logger.Level.init(rawValue:)) ?? .critical
        let store = SiteStore()
        let hub = ReloadHub()
        let (ports, portContinuation) = AsyncStream.makeStream(of: Int.self)
        let responder = PreviewResponder(store: store, hub: hub, workingDirectory: options.workingDirectory)
        let requestedPort = port
        let application = Application(
            responder: responder,
            configuration: ApplicationConfiguration(address: .hostname("127.0.0.1", port: requestedPort), reuseAddress: false),
            onServerRunning: { channel in
                portContinuation.yield(channel.localAddress?.port ?? requestedPort)
                portContinuation.finish()
            },
            logger: logger)
        let rebuilds = RebuildLoop(
            options: options, environment: environment, pollInterval: pollInterval, quietPeriod: quietPeriod,
            store: store, hub: hub, ports: ports, report: report)
        // Services stop in reverse order: the rebuild loop first (closing the reload streams), then the server.
        let group = ServiceGroup(configuration: ServiceGroupConfiguration(
            services: [
                .init(service: application),
                .init(service: rebuilds, successTerminationBehavior: .gracefullyShutdownGroup),
            ],
            gracefulShutdownSignals: stopOnSignals ? [.sigint, .sigterm] : [],
            logger: logger))
        do {
            try await group.run()
        } catch let error as IOError where error.errnoCode == EADDRINUSE {
            portContinuation.finish()
            throw Failure.portInUse(requestedPort)
        } catch let error as IOError where error.errnoCode == EACCES {
            portContinuation.finish()
            throw Failure.portNotAllowed(requestedPort)
        }
        portContinuation.finish()
    }
}
