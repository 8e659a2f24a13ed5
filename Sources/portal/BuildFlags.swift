import ArgumentParser
import PortalDiagnostics
import PortalModel

/// Options shared by `build` and `check`.
struct BuildFlags: ParsableArguments {
    @Option(name: .long, help: "The content folder.")
    var content: String = "content"

    @Option(name: .long, help: "A folder of templates that override single files of the default theme.")
    var templates: String?

    @Option(name: .long, help: "Overrides baseURL from site.yml (e.g. for a staging host).")
    var baseURL: String?

    @Flag(name: .long, help: "Treat warnings as errors.")
    var strict = false

    @Option(name: .long, help: "How to print problems: text, or github for GitHub Actions annotations.")
    var diagnosticsFormat: DiagnosticFormat = .text

    @Option(name: .long, help: "The date the build treats as today (YYYY-MM-DD); default: SOURCE_DATE_EPOCH, else today.")
    var asOf: LocalDate?

    @Flag(name: .long, help: "Print how long each phase took.")
    var timings = false
}

extension DiagnosticFormat: ExpressibleByArgument {}

extension LocalDate: ExpressibleByArgument {
    public init?(argument: String) {
        guard let date = LocalDate(iso: argument), date.day != nil else { return nil }
        self = date
    }
}
