/// Settings of one rendering run that do not come from the content.
public struct RenderOptions: Sendable {
    /// Overrides `baseURL` from site.yml (for previews and staging).
    public var baseURL: String?
    /// The generator's version, stated in the pages' `generator` meta tag.
    public var generatorVersion: String

    public init(baseURL: String? = nil, generatorVersion: String) {
        self.baseURL = baseURL
        self.generatorVersion = generatorVersion
    }
}
