/// One key of a content file: its type, whether it is required, and its documentation.
struct FieldSchema: Sendable {
    var key: String
    var type: FieldType
    var required: Bool
    /// What the field means, in German, for the authors' documentation and the JSON Schemas.
    var summary: String
    /// A YAML example of the value, as an author would write it.
    var example: String
    /// A key whose presence makes this required field optional (an imported OParl paper, marked by `oparl`,
    /// needs no `resolutionItems`).
    var notRequiredWith: String?

    init(_ key: String, _ type: FieldType, required: Bool = false, _ summary: String, example: String = "", notRequiredWith: String? = nil) {
        self.key = key
        self.type = type
        self.required = required
        self.summary = summary
        self.example = example
        self.notRequiredWith = notRequiredWith
    }
}
