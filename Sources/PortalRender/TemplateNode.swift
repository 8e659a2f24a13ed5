/// One piece of a compiled Mustache template: text, a tag, or a section with the nodes inside it.
indirect enum TemplateNode: Sendable {
    /// Text copied to the output as it is (UTF-8).
    case text([UInt8])
    /// `{{name}}` (escaped) or `{{{name}}}` / `{{&name}}` (as it is).
    case variable(TemplateReference, escaped: Bool)
    /// `{{#name}}…{{/name}}`, or `{{^name}}…{{/name}}` when `inverted`.
    case section(TemplateReference, inverted: Bool, body: [TemplateNode])
    /// `{{> name}}`, or `{{< name}}…{{/name}}` with the blocks it overrides. A standalone tag indents every line of
    /// the partial with `indentation`; `dynamic` (`{{>*key}}`) takes the template's name from the data.
    case partial(name: String, dynamic: Bool, indentation: [UInt8]?, blocks: [String: [TemplateNode]]?)
    /// `{{$name}}default{{/name}}`: the block a child template may override.
    case block(name: String, body: [TemplateNode], indentation: [UInt8])
    /// A block override inside `{{< parent}}…{{/parent}}`; only ever seen by the parser.
    case blockDefinition(name: String, body: [TemplateNode])
    /// `{{%CONTENT_TYPE:…}}`: whether the rest of the template escapes values for HTML.
    case contentType(escapes: Bool)
}
