import PortalDiagnostics
import PortalModel

extension SiteAssembler {
    /// Renders every Markdown text: headings become anchors, links to content files become page URLs, and broken
    /// links, raw HTML and images without alt text are reported at their position in the file.
    mutating func renderProse(motions: inout [Motion], measures: inout [Measure], updates: inout [Update], pages: inout [Page]) {
        // Placeholder until the Markdown module is merged: prose is escaped plain text.
        for index in motions.indices {
            motions[index].justification = RichTextRenderer.plain(motions[index].justification.markdown)
        }
        for index in measures.indices {
            measures[index].description = RichTextRenderer.plain(measures[index].description.markdown)
        }
        for index in updates.indices {
            updates[index].body = RichTextRenderer.plain(updates[index].body.markdown)
        }
        for index in pages.indices {
            pages[index].body = RichTextRenderer.plain(pages[index].body.markdown)
        }
    }
}
