import PortalMarkdown
import PortalDiagnostics
import PortalModel

extension SiteAssembler {
    /// Builds updates; the slug is the file name.
    mutating func assembleUpdates() -> [Update] {
        var seen: [String: SourceLocation] = [:]
        var updates: [Update] = []
        for document in content.updates {
            let fields = document.fields
            let slug = Slug.make(from: document.stem)
            let fileLocation = SourceLocation(file: document.displayPath)
            if slug.isEmpty {
                error(.invalidFileName, "The file name has no letters or digits to build an address from. Name it like updates/2025-05-08-stadtrat-beraet.md.", at: fileLocation)
                continue
            }
            guard claim(slug, in: &seen, what: "The update address (from the file name)", at: fileLocation) else { continue }
            updateSlugs.insert(slug)
            documents.register(relativePath: document.relativePath, route: .update(slug), anchors: Set(PageAnchors.update))
            guard let title = fields.text("title"), let date = fields.date("date") else { continue }
            if let prefix = LocalDate(iso: String(document.stem.prefix(10))), prefix != date {
                warning(.inconsistentDates, "The file name starts with \(prefix) but the date is \(date). Rename the file or correct the date.", at: fields.location(of: "date"))
            }
            updates.append(Update(
                slug: slug, title: title, date: date, summary: fields.text("summary"),
                type: fields.vocabulary("type", as: UpdateType.self) ?? .news,
                related: fields.texts("related").map(relatedItem(from:)),
                tags: fields.texts("tags"),
                body: RichText(markdown: document.body),
                sourcePath: document.relativePath))
        }
        return updates
    }

    /// A related entry is a measure when a measure has that slug, otherwise a motion reference.
    func relatedItem(from text: String) -> Update.Related {
        let slug = Slug.make(from: text.hasSuffix(".md") ? String(text.dropLast(3)) : text)
        if !text.contains("/"), measureSlugs.contains(slug) { return .measure(slug) }
        return .motion(text)
    }

    /// Checks that updates relate to existing motions and measures.
    mutating func checkUpdateReferences(_ updates: [Update]) {
        for document in content.updates {
            for value in document.fields.list("related") {
                guard let text = value.text else { continue }
                if case .motion(let reference) = relatedItem(from: text), motionItems[reference] == nil,
                   !content.hasBrokenFile(in: "motions/"), !content.hasBrokenFile(in: "measures/") {
                    let hint = takesHint(in: value.location.file) ? NameSuggester.hint(for: text, among: Array(motionItems.keys) + Array(measureSlugs)) : ""
                    error(.danglingReference, "'\(text)' is neither a motion reference nor a measure (file name in measures/).\(hint)", at: value.location)
                }
            }
        }
    }

    /// Builds free pages; the slug is `slug:` or the file name, and may not take a generated section's address.
    mutating func assemblePages() -> [Page] {
        var seen: [String: SourceLocation] = [:]
        var pages: [Page] = []
        // Pages named by their file come first, so a clash is reported at the explicit `slug:` that caused it.
        let ordered = content.pages.filter { $0.fields["slug"] == nil } + content.pages.filter { $0.fields["slug"] != nil }
        for document in ordered {
            let fields = document.fields
            let slug = fields.text("slug") ?? Slug.make(from: document.stem)
            let location = fields["slug"]?.location ?? SourceLocation(file: document.displayPath)
            if slug.isEmpty {
                error(.invalidFileName, "The file name has no letters or digits to build an address from.", at: location)
                continue
            }
            if Route.reservedSegments.contains(slug) {
                error(.duplicateID, "The address /\(slug)/ belongs to a generated section. Choose another slug for this page.", at: location)
                continue
            }
            guard claim(slug, in: &seen, what: "The page address", at: location) else { continue }
            documents.register(relativePath: document.relativePath, route: .page(slug), anchors: Set(PageAnchors.page))
            guard let title = fields.text("title") else { continue }
            let variant = fields.vocabulary("variant", as: PageVariant.self) ?? .standard
            if variant == .standard, fields["translationOf"] != nil {
                warning(.invalidValue, "translationOf is only used with variant: easy-language.", at: fields.location(of: "translationOf"))
            }
            pages.append(Page(
                slug: slug, title: title, summary: fields.text("summary"), variant: variant,
                translationOf: fields.text("translationOf"), lastReviewed: fields.date("lastReviewed"),
                menu: fields.integer("menu"), body: RichText(markdown: document.body),
                sourcePath: document.relativePath))
        }
        return pages
    }

    /// Checks that easy-language pages translate existing pages.
    mutating func checkPageReferences(_ pages: [Page]) {
        let slugs = Set(pages.map(\.slug))
        for document in content.pages {
            if let target = document.fields.text("translationOf"), !slugs.contains(target) {
                dangling("The page", target, known: slugs, definedIn: "pages/", at: document.fields.location(of: "translationOf"), fix: "Use the slug of a page in pages/.")
            }
        }
    }
}
