/// One message of the live-reload stream (`text/event-stream`).
enum ServerSentEvent: Sendable, Hashable {
    /// Sent first on every connection: the current build's id, so a reconnecting tab can tell it missed a build.
    case hello(buildID: String)
    /// A new build is ready; open tabs reload.
    case reload(buildID: String)
    /// A comment that keeps the connection alive and reveals closed connections.
    case keepAlive

    /// The event as written on the wire, ending with the blank line that completes it.
    var wireFormat: String {
        switch self {
        case .hello(let buildID): "event: hello\ndata: \(buildID)\n\n"
        case .reload(let buildID): "event: reload\ndata: \(buildID)\n\n"
        case .keepAlive: ": keep-alive\n\n"
        }
    }
}
