/// How diagnostics are printed: for people (`text`) or as GitHub Actions annotations (`github`).
public enum DiagnosticFormat: String, Sendable, CaseIterable {
    case text
    case github
}
