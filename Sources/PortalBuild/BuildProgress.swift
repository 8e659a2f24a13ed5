/// A step of a running build, reported to `Builder.progress`.
public enum BuildProgress: Sendable, Equatable {
    /// A phase begins (`load`, `check`, `render`, `write`).
    case phase(String)
    /// `done` of `total` pages are rendered.
    case pages(done: Int, total: Int)
}
