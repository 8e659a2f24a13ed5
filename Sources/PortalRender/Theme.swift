/// The theme as read from disk: templates, translations and static files. Loading happens in the build stage.
public struct Theme: Sendable {
    /// A text file of the theme.
    public struct File: Sendable, Hashable {
        /// Path below the theme folder, such as `layouts/measure.mustache`.
        public var relativePath: String
        /// Path shown in diagnostics.
        public var displayPath: String
        public var text: String

        public init(relativePath: String, displayPath: String, text: String) {
            self.relativePath = relativePath
            self.displayPath = displayPath
            self.text = text
        }
    }

    /// Mustache templates by path below the theme folder (`layouts/…`, `partials/…`).
    public var templates: [String: File]
    /// Translation files by language (`de`, `en`).
    public var translations: [String: File]
    /// Files copied as they are to the site root (from `static/`), by path below `static/`.
    public var staticFiles: [String: [UInt8]]

    public init(templates: [String: File], translations: [String: File], staticFiles: [String: [UInt8]]) {
        self.templates = templates
        self.translations = translations
        self.staticFiles = staticFiles
    }
}
