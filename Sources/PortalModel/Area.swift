/// An administrative area that measures belong to, declared in `site.yml`.
public struct Area: Sendable, Hashable, Codable, Identifiable {
    public var id: String
    public var label: String
    public var description: String

    public init(id: String, label: String, description: String) {
        self.id = id
        self.label = label
        self.description = description
    }
}
