/// A page ready to render: where it goes, which layout renders it, and the data the layout sees.
struct PageView: Sendable {
    /// The site path, such as `/massnahmen/chatbot/`.
    var path: String
    /// The layout's template name, such as `layouts/measure`.
    var template: String
    var view: ViewData

    /// The output file: `index.html` inside the page's folder, or the path itself when it names a file.
    var filePath: String {
        let relative = String(path.drop { $0 == "/" })
        if relative.isEmpty { return "index.html" }
        return relative.hasSuffix("/") ? relative + "index.html" : relative
    }
}
