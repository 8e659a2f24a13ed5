/// The name in a tag, resolved against the data when the template is rendered: `title`, `date.iso`, `.`,
/// `.title` (the current object only), or with transforms such as `empty(measures)` and `first()`.
///
/// A class, since it never changes: a template node hands the renderer one reference to it for every variable and
/// section it renders, instead of a copy of its string and two arrays.
final class TemplateReference: Sendable {
    /// Where a name is looked for.
    enum Scope: Sendable, Equatable {
        /// The current object (`.`, or an empty name).
        case current
        /// The innermost object on the context stack that has the first name (`title`, `date.iso`).
        case stack
        /// The current object only (`.title`).
        case currentOnly
        /// The position in the list being iterated, for `first()`, `last()`, `index()`, `even()`, `odd()`.
        case listPosition
    }

    /// The name as written, transforms included (for matching a section's closing tag).
    let written: String
    let scope: Scope
    /// The dot-separated names, such as `["date", "iso"]`.
    let path: [String]
    /// Transforms from the outside in: `not(empty(list))` gives `["not", "empty"]`.
    let transforms: [String]

    init(name: String, transforms: [String]) {
        written = name
        self.transforms = transforms
        path = name.split(separator: ".").map(String.init)
        if name == "." {
            scope = .current
        } else if name.isEmpty, !transforms.isEmpty {
            scope = .listPosition
        } else if name.first == "." {
            scope = .currentOnly
        } else {
            scope = path.isEmpty ? .current : .stack
        }
    }
}
