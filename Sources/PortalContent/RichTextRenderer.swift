import PortalModel

/// Renders Markdown into `RichText` with the Markdown module.
enum RichTextRenderer {
    /// Escaped paragraphs, used until the Markdown renderer is connected.
    static func plain(_ markdown: String) -> RichText {
        let escaped = markdown.replacing("&", with: "&amp;").replacing("<", with: "&lt;").replacing(">", with: "&gt;")
        let paragraphs = escaped.split(separator: "\n\n").map { "<p>\($0)</p>" }.joined(separator: "\n")
        return RichText(markdown: markdown, html: paragraphs, plainText: markdown)
    }
}
