import PortalModel

/// What to build from where, as given on the command line.
public struct BuildOptions: Sendable {
    /// The content folder (`content/`).
    public var contentDirectory: String
    /// A folder of the user's templates overriding single default files, or `nil` for the default theme alone.
    public var templatesDirectory: String?
    /// The default theme's folder; `nil` finds it (see `ThemeLocator`).
    public var defaultTemplatesDirectory: String?
    /// The output folder (`site/`).
    public var outputDirectory: String
    /// Overrides site.yml's `baseURL`.
    public var baseURL: String?
    /// Treats warnings as errors.
    public var strict: Bool
    /// The build's "today"; `nil` uses `SOURCE_DATE_EPOCH` or the current date.
    public var asOf: LocalDate?
    /// Whether to write the site (`build`) or only check it (`check`).
    public var writesOutput: Bool
    /// The working directory, for showing paths relative to it; the build cache lives in its `.portal-cache/`.
    public var workingDirectory: String
    /// Whether to use the build cache: skip a build whose inputs did not change, and hard-link unchanged files.
    /// The output is the same either way.
    public var incremental: Bool

    public init(
        contentDirectory: String = "content", templatesDirectory: String? = nil, defaultTemplatesDirectory: String? = nil,
        outputDirectory: String = "site", baseURL: String? = nil, strict: Bool = false, asOf: LocalDate? = nil,
        writesOutput: Bool = true, workingDirectory: String, incremental: Bool = true
    ) {
        self.incremental = incremental
        self.contentDirectory = contentDirectory
        self.templatesDirectory = templatesDirectory
        self.defaultTemplatesDirectory = defaultTemplatesDirectory
        self.outputDirectory = outputDirectory
        self.baseURL = baseURL
        self.strict = strict
        self.asOf = asOf
        self.writesOutput = writesOutput
        self.workingDirectory = workingDirectory
    }
}
