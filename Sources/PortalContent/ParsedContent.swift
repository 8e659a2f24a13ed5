import PortalDiagnostics
import PortalModel

/// Every content file parsed and checked on its own, before references between files are resolved.
struct ParsedContent: Sendable {
    var site: ObjectValue?
    var bodies: [ObjectValue] = []
    var partners: [ObjectValue] = []
    var motions: [ParsedDocument] = []
    var measures: [ParsedDocument] = []
    var updates: [ParsedDocument] = []
    var pages: [ParsedDocument] = []
    var assets: [Asset] = []
    /// Paths of files that could not be parsed; references to what they define are not reported as dangling,
    /// since the real problem is already reported.
    var brokenFiles: [String] = []
    /// The diagnostics of parsing each file on its own, by relative path (files without any are absent).
    var fileDiagnostics: [String: [Diagnostic]] = [:]

    /// Whether a file below `folder` (such as `motions/`) or `site.yml` could not be parsed.
    func hasBrokenFile(in folder: String) -> Bool {
        brokenFiles.contains { $0.hasPrefix(folder) }
    }
}
