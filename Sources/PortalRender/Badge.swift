/// A status shown as a labelled badge: the text says it all, the colour only repeats it.
struct Badge: Sendable, Hashable {
    /// A visually hidden prefix for screen readers, such as "Status:".
    var prefix: String?
    var text: String
    /// The CSS modifier, such as `status-pilot` or `overdue`.
    var tone: String

    var view: ViewData {
        var view = ViewData()
        view["prefix"] = prefix
        view["text"] = text
        view["tone"] = tone
        return view
    }
}
