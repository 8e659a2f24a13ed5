import Mustache

/// A text value as Mustache sees it: rendered as the text, and a context without children inside
/// `{{#key}}…{{/key}}` sections. (A plain `String` would be searched character by character by Mustache's
/// reflection-based lookup whenever a name inside such a section is resolved.)
struct TextValue: MustacheCustomRenderable, MustacheParent {
    let text: String
    var renderText: String { text }
    var isNull: Bool { false }

    func child(named: String) -> Any? { nil }
}
