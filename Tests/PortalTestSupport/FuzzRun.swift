import PortalDiagnostics
import PortalModel

/// One pass of fuzz input through the content stage (see ``FuzzHarness``): what the loader returned and what
/// broke an invariant.
public struct FuzzRun: Sendable {
    /// How the input was used, such as `as bodies.yml`.
    public var name: String
    /// The loaded site, or nil when the run did not load a site (or site.yml was refused).
    public var site: Site?
    /// Everything the loader reported.
    public var diagnostics: Diagnostics
    /// Invariants the run broke, in words; empty when all is well. Diagnostics about the input are not
    /// problems, only a wrong reaction to it is: a refused valid site, a file dropped without an error, an
    /// impossible position, unsafe HTML, or results that change from one load to the next.
    public var problems: [String]

    public init(name: String, site: Site?, diagnostics: Diagnostics, problems: [String]) {
        self.name = name
        self.site = site
        self.diagnostics = diagnostics
        self.problems = problems
    }

    /// The errors reported in the content file at `relativePath`.
    public func errors(in relativePath: String) -> [Diagnostic] {
        diagnostics.all.filter { $0.severity == .error && $0.location.file == "content/" + relativePath }
    }
}
