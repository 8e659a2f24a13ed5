import PortalDiagnostics
import PortalModel

extension CheckedContent {
    /// What text edits changed in a stored `CheckedContent`: the edited documents' texts (without their Markdown,
    /// like every stored text) and their diagnostics, by relative path.
    ///
    /// A text edit changes nothing else of the content (`replacingTexts`), so a build can keep the stored content
    /// as it is and store only this beside it.
    public struct TextOverlay: Sendable, Codable, Equatable {
        var texts: [String: RichText] = [:]
        var diagnostics: [String: [Diagnostic]] = [:]

        public init() {}

        /// The paths of the documents it covers.
        public var paths: Set<String> { Set(texts.keys) }
    }

    /// The texts of the documents at `paths` as this content has them, without their Markdown, and their
    /// diagnostics.
    public func textOverlay(of paths: Set<String>) -> TextOverlay {
        var overlay = TextOverlay()
        site.forEachDocumentText { path, text in
            guard paths.contains(path) else { return }
            overlay.texts[path] = text.withoutMarkdown()
            if let diagnostics = textDiagnostics[path] { overlay.diagnostics[path] = diagnostics }
        }
        return overlay
    }

    /// The content with the overlay's texts and diagnostics in place of its own (the Markdown of each text stays
    /// as it is); nil when the overlay names a document the content does not have.
    ///
    /// Takes the content over (`consuming`), so its arrays are changed in place instead of copied (10,000
    /// articles: copying every measure and update showed in a text edit's profile).
    public consuming func applying(_ overlay: TextOverlay) -> CheckedContent? {
        var copy = consume self
        guard !overlay.texts.isEmpty else { return copy }
        var found = 0
        copy.site.mapDocumentTexts { path, text in
            guard let replacement = overlay.texts[path] else { return text }
            found += 1
            // Stored content has no Markdown: the replacement, stored the same way, keeps whether its text is empty.
            return text.markdown.isEmpty ? replacement : replacement.replacingMarkdown(text.markdown)
        }
        guard found == overlay.texts.count, Set(overlay.diagnostics.keys).isSubset(of: overlay.paths) else { return nil }
        for path in overlay.texts.keys { copy.textDiagnostics[path] = overlay.diagnostics[path] }
        return copy
    }
}
