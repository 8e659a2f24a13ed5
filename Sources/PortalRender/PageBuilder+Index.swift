import PortalModel

extension PageBuilder {
    /// One entry of the A–Z index.
    private struct IndexEntry {
        var term: String
        var kind: String
        var href: String?
        /// For key terms: the pages that use them.
        var links: [(String, String)] = []
    }

    /// The A–Z index: measures, papers, bodies, partners, pages and key terms, in German alphabetical order,
    /// grouped by letter with a letter navigation.
    func indexPage() -> PageView {
        var view = frame(path: Route.index.path, title: labels["index.title"], description: labels["index.intro"])
        var entries: [IndexEntry] = []
        for measure in index.measures {
            entries.append(IndexEntry(term: measure.title, kind: labels["index.kind.measure"], href: Route.measure(measure.slug).path))
        }
        for motion in site.motions {
            entries.append(IndexEntry(term: motion.name, kind: labels.format("index.kind.motion", ["reference": motion.reference]), href: Route.motion(motion.slug).path))
        }
        for body in site.bodies {
            entries.append(IndexEntry(term: body.name, kind: labels["index.kind.body"], href: Route.body(body.id).path))
            if let short = body.shortName, short != body.name {
                entries.append(IndexEntry(term: short, kind: labels.format("index.kind.shortName", ["name": body.name]), href: Route.body(body.id).path))
            }
        }
        for partner in site.partners {
            entries.append(IndexEntry(term: partner.name, kind: labels["index.kind.partner"], href: Route.partner(partner.id).path))
        }
        for page in site.pages where !PageRequest.Topic.allCases.map(\.rawValue).contains(page.slug)
            && !PageRequest.LegalPage.allCases.map(\.rawValue).contains(page.slug) {
            entries.append(IndexEntry(term: page.title, kind: labels["index.kind.page"], href: pagePath(of: page)))
        }
        let fixedPages: [(String, String)] = [
            (labels["topic.opportunities.title"], PageRequest.Topic.opportunities.path),
            (labels["topic.limits.title"], PageRequest.Topic.limits.path),
            (labels["savings.title"], Route.savings.path),
            (labels["timeline.title"], Route.timeline.path),
            (labels["accessibility.title"], PageRequest.LegalPage.accessibility.path),
            (labels["imprint.title"], PageRequest.LegalPage.imprint.path),
            (labels["privacy.title"], PageRequest.LegalPage.privacy.path),
            (labels["easy.title"], PageRequest.LegalPage.easyLanguage.path),
            (labels["contact.title"], PageRequest.LegalPage.contact.path),
            (labels["data.title"], Route.openData.path),
        ]
        for (title, path) in fixedPages {
            let shown = (index.pagesBySlug[String(path.dropFirst().dropLast())]?.title) ?? title
            entries.append(IndexEntry(term: shown, kind: labels["index.kind.page"], href: path))
        }
        var tags: [String: [(String, String)]] = [:]
        var tagSpelling: [String: String] = [:]
        for measure in index.measures {
            for tag in measure.tags {
                let key = GermanCollation.key(tag)
                tagSpelling[key] = tagSpelling[key].map { $0 == tag || GermanCollation.precedes($0, tag) ? $0 : tag } ?? tag
                tags[key, default: []].append((measure.title, Route.measure(measure.slug).path))
            }
        }
        for update in site.updates {
            for tag in update.tags {
                let key = GermanCollation.key(tag)
                tagSpelling[key] = tagSpelling[key].map { $0 == tag || GermanCollation.precedes($0, tag) ? $0 : tag } ?? tag
                tags[key, default: []].append((update.title, Route.update(update.slug).path))
            }
        }
        for (key, links) in tags {
            var seen = Set<String>()
            let unique = links.filter { seen.insert($0.1).inserted }
            entries.append(IndexEntry(term: tagSpelling[key] ?? key, kind: labels["index.kind.term"], href: nil, links: unique))
        }
        let keyed = entries.map { (key: GermanCollation.key($0.term), entry: $0) }.sorted { lhs, rhs in
            if lhs.key != rhs.key { return lhs.key < rhs.key }
            if lhs.entry.term != rhs.entry.term { return lhs.entry.term < rhs.entry.term }
            if lhs.entry.kind != rhs.entry.kind { return lhs.entry.kind < rhs.entry.kind }
            return (lhs.entry.href ?? "") < (rhs.entry.href ?? "")
        }
        entries = keyed.map(\.entry)

        var byLetter: [String: [IndexEntry]] = [:]
        for entry in entries {
            byLetter[GermanCollation.letter(entry.term), default: []].append(entry)
        }
        let alphabet = (byLetter["#"] == nil ? [] : ["#"]) + "ABCDEFGHIJKLMNOPQRSTUVWXYZ".map(String.init)
        let groups = alphabet.compactMap { letter in byLetter[letter].map { (letter: letter, entries: $0) } }
        let present = Set(groups.map(\.letter))
        view[list: "letters"] = alphabet.map { letter in
            var item = ViewData()
            item["letter"] = letter
            item["href"] = present.contains(letter) ? "#" + Self.letterID(letter) : nil
            return item
        }
        view[list: "groups"] = groups.map { group in
            var item = ViewData()
            item["letter"] = group.letter
            item["id"] = Self.letterID(group.letter)
            let entries = group.entries
            item.setItems("entries", count: entries.count) { position in
                let entry = entries[position]
                var item = ViewData()
                item["term"] = entry.term
                item["kind"] = entry.kind
                item["href"] = entry.href
                item[list: "links"] = entry.links.map { Self.link($0.0, $0.1) }
                return item
            }
            return item
        }
        return PageView(path: Route.index.path, template: "layouts/index", view: view)
    }

    private static func letterID(_ letter: String) -> String {
        letter == "#" ? "buchstabe-ziffern" : "buchstabe-\(letter.lowercased())"
    }
}
