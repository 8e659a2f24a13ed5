extension MarkdownDocument {
    /// Every link and image in document order, with position, text or alt text, and safety, for validation.
    public var links: [MarkdownLink] {
        LinkCollector.links(in: blocks)
    }

    /// Every image in document order; ``MarkdownLink/isImageWithoutAltText`` marks those lacking alt text.
    public var images: [MarkdownLink] {
        links.filter { $0.kind == .image }
    }
}
