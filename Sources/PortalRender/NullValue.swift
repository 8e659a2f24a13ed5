import Mustache

/// What a key set to `nil` renders as: nothing, and false in sections.
struct NullValue: MustacheCustomRenderable {
    var renderText: String { "" }
    var isNull: Bool { true }
}
