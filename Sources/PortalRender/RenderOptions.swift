/// Settings of one rendering run that do not come from the content.
public struct RenderOptions: Sendable {
    /// Overrides `baseURL` from site.yml (for previews and staging).
    public var baseURL: String?
    /// The generator's version, stated in the pages' `generator` meta tag.
    public var generatorVersion: String
    /// Whether the render's working tables (the site's lookups, page requests) are left for the process's exit to
    /// free (`LeftToExit`): only for a process that ends after the build.
    public var leavesMemoryToProcessExit: Bool

    public init(baseURL: String? = nil, generatorVersion: String, leavesMemoryToProcessExit: Bool = false) {
        self.baseURL = baseURL
        self.generatorVersion = generatorVersion
        self.leavesMemoryToProcessExit = leavesMemoryToProcessExit
    }
}
