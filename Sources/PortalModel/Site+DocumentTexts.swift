extension Site {
    /// Replaces the Markdown text of every document (a motion's justification, a measure's description, an update's
    /// or a page's body) by what `transform` returns for its source path and current text.
    public mutating func mapDocumentTexts(_ transform: (_ sourcePath: String, _ text: RichText) -> RichText) {
        for index in motions.indices {
            motions[index].justification = transform(motions[index].sourcePath, motions[index].justification)
        }
        for index in measures.indices {
            measures[index].description = transform(measures[index].sourcePath, measures[index].description)
        }
        for index in updates.indices {
            updates[index].body = transform(updates[index].sourcePath, updates[index].body)
        }
        for index in pages.indices {
            pages[index].body = transform(pages[index].sourcePath, pages[index].body)
        }
    }

    /// Calls `body` with the source path and text of every document, in the order `mapDocumentTexts` visits them.
    public func forEachDocumentText(_ body: (_ sourcePath: String, _ text: RichText) -> Void) {
        for motion in motions { body(motion.sourcePath, motion.justification) }
        for measure in measures { body(measure.sourcePath, measure.description) }
        for update in updates { body(update.sourcePath, update.body) }
        for page in pages { body(page.sourcePath, page.body) }
    }

    /// The Markdown text of the document from `sourcePath`, if the site has one.
    public func documentText(at sourcePath: String) -> RichText? {
        motions.first { $0.sourcePath == sourcePath }?.justification
            ?? measures.first { $0.sourcePath == sourcePath }?.description
            ?? updates.first { $0.sourcePath == sourcePath }?.body
            ?? pages.first { $0.sourcePath == sourcePath }?.body
    }
}
