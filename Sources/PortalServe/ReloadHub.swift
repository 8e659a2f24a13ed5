/// The open live-reload connections: each gets the current build id on connecting and every later event.
actor ReloadHub {
    private var subscribers: [Int: AsyncStream<ServerSentEvent>.Continuation] = [:]
    private var nextSubscriberID = 0
    private var currentBuildID = "0"
    private var isClosed = false

    /// The number of open connections.
    var connectionCount: Int { subscribers.count }

    /// A stream that starts with `hello` and then carries every broadcast until `close()`.
    func subscribe() -> AsyncStream<ServerSentEvent> {
        let (stream, continuation) = AsyncStream.makeStream(of: ServerSentEvent.self, bufferingPolicy: .bufferingNewest(16))
        continuation.yield(.hello(buildID: currentBuildID))
        guard !isClosed else {
            continuation.finish()
            return stream
        }
        let id = nextSubscriberID
        nextSubscriberID += 1
        subscribers[id] = continuation
        continuation.onTermination = { [weak self] _ in
            Task { await self?.unsubscribe(id) }
        }
        return stream
    }

    /// Tells every open tab that build `buildID` is ready.
    func announce(buildID: String) {
        currentBuildID = buildID
        broadcast(.reload(buildID: buildID))
    }

    /// Sends `event` to every connection.
    func broadcast(_ event: ServerSentEvent) {
        for continuation in subscribers.values { continuation.yield(event) }
    }

    /// Ends every stream, so the server can stop without waiting for open tabs.
    func close() {
        isClosed = true
        for continuation in subscribers.values { continuation.finish() }
        subscribers.removeAll()
    }

    private func unsubscribe(_ id: Int) {
        subscribers[id] = nil
    }
}
