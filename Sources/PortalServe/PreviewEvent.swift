import PortalBuild

/// What the preview server reports to the terminal.
public enum PreviewEvent: Sendable {
    /// A build finished; `changedPaths` (absolute, sorted) are the saved files that caused it, empty for the first.
    /// `pages` is the number of HTML pages served (0 when the build failed).
    case built(BuildResult, pages: Int, changedPaths: [String])
    /// The server is ready at `url` (such as `http://127.0.0.1:8080/`) and watches `watching` for changes.
    case ready(url: String, watching: [String])
    /// The server is shutting down (after Ctrl-C).
    case stopping
}
