import PortalDiagnostics

/// What the preview serves right now: the last good build, and the diagnostics of the latest build if it failed.
struct PreviewState: Sendable {
    /// The last build that succeeded; served for everything but HTML while the latest build is broken.
    var site: PreviewSite?
    /// The diagnostics of the latest build when it had errors; HTML requests then get the error page.
    var failure: Diagnostics?
    /// Identifies the latest build, for the live-reload stream.
    var buildID: String

    /// The state before the first build finished (only seen when the server is stopped that early).
    static let unavailable = PreviewState(site: nil, failure: nil, buildID: "0")
}
