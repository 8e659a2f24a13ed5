/// The keys a mapping may have, such as a measure's front matter or a consultation.
struct ObjectSchema: Sendable {
    /// A stable name, used for JSON Schema definitions and documentation anchors.
    var name: String
    var summary: String
    var fields: [FieldSchema]

    init(_ name: String, _ summary: String, fields: [FieldSchema]) {
        self.name = name
        self.summary = summary
        self.fields = fields
    }

    /// The field for `key`, if the schema has one.
    func field(_ key: String) -> FieldSchema? {
        fields.first { $0.key == key }
    }

    /// Whether a key is an extension that is kept but not checked (`x-…`, as OParl vendor fields).
    static func isExtensionKey(_ key: String) -> Bool {
        key.hasPrefix("x-") || key.hasPrefix("X-")
    }
}
