/// Holds the preview's current state, shared by the request handlers and the rebuild loop.
actor SiteStore {
    private var state: PreviewState?
    private var waiting: [CheckedContinuation<PreviewState, Never>] = []

    /// The current state; waits for the first build when it has not finished yet.
    func current() async -> PreviewState {
        if let state { return state }
        return await withCheckedContinuation { waiting.append($0) }
    }

    /// Replaces the state after a build and wakes requests that waited for the first one.
    func publish(_ newState: PreviewState) {
        state = newState
        resumeWaiting(with: newState)
    }

    /// Releases requests still waiting for a first build when the server stops before it finished.
    func close() {
        resumeWaiting(with: state ?? .unavailable)
    }

    private func resumeWaiting(with state: PreviewState) {
        let continuations = waiting
        waiting.removeAll()
        for continuation in continuations { continuation.resume(returning: state) }
    }
}
