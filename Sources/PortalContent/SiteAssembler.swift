import PortalMarkdown
import PortalDiagnostics
import PortalModel

/// Turns parsed content into the validated `Site`: resolves every reference between files, checks what no
/// single file can check on its own, and renders prose. Pure: no file access.
struct SiteAssembler {
    let content: ParsedContent
    let asOf: LocalDate
    var diagnostics: [Diagnostic] = []
    /// The diagnostics of each document's Markdown text, by relative path: part of the result, kept apart so a
    /// later build can replace those of an edited text (see `CheckedContent`).
    var textDiagnostics: [String: [Diagnostic]] = [:]

    // Registries filled while assembling, used to check references.
    var areaIDs: Set<String> = []
    var bodyIDs: Set<String> = []
    var partnerIDs: Set<String> = []
    var motionItems: [String: Set<Int>] = [:]
    var measureSlugs: Set<String> = []
    var updateSlugs: Set<String> = []
    var documents = DocumentIndex()
    /// How many "did you mean" hints each file got so far (see ``takesHint(in:)``).
    var hintsByFile: [String: Int] = [:]

    /// How many references to unknown ids in one file get a "did you mean" hint. Each hint compares the id with
    /// every known one, so without a limit many dangling references against many ids cost their product.
    static let maximumSuggestionsPerFile = 20

    init(content: ParsedContent, asOf: LocalDate) {
        self.content = content
        self.asOf = asOf
    }

    /// Assembles the site; `nil` when site.yml is missing or unusable. Diagnostics are in `diagnostics`.
    mutating func assemble() -> Site? {
        // Files that failed to parse still define their slug, so references to them are not reported twice.
        for path in content.brokenFiles {
            documents.markUnavailable(path)
            let stem = String((path.split(separator: "/").last ?? "").dropLast(path.hasSuffix(".md") ? 3 : 0))
            if path.hasPrefix("measures/") { measureSlugs.insert(Slug.make(from: stem)) }
            if path.hasPrefix("updates/") { updateSlugs.insert(Slug.make(from: stem)) }
        }
        let config = assembleConfig()
        let bodies = assembleBodies()
        let partners = assemblePartners()
        var measures = assembleMeasures()
        var updates = assembleUpdates()
        var pages = assemblePages()
        var motions = assembleMotions()
        // Documents that were found but could not be assembled: links to them are not reported again.
        let assembled = Set(motions.map(\.sourcePath) + measures.map(\.sourcePath) + updates.map(\.sourcePath) + pages.map(\.sourcePath))
        for path in documents.paths where !assembled.contains(path) { documents.markUnavailable(path) }
        checkMotionReferences(motions)
        checkMeasureReferences(measures)
        checkUpdateReferences(updates)
        checkEvidence(motions)
        checkPageReferences(pages)
        renderProse(motions: &motions, measures: &measures, updates: &updates, pages: &pages)
        guard let config else { return nil }
        return Site(
            config: config,
            bodies: bodies.sorted { $0.name < $1.name },
            partners: partners.sorted { $0.name < $1.name },
            motions: motions.sorted { ($0.date, $0.reference) > ($1.date, $1.reference) },
            measures: measures.sorted { ($0.title, $0.slug) < ($1.title, $1.slug) },
            updates: updates.sorted { ($0.date, $0.slug) > ($1.date, $1.slug) },
            pages: pages.sorted { $0.slug < $1.slug },
            assets: content.assets.sorted { $0.path < $1.path },
            asOf: asOf)
    }

    mutating func error(_ code: DiagnosticCode, _ message: String, at location: SourceLocation) {
        diagnostics.append(.error(code, message, at: location))
    }

    mutating func warning(_ code: DiagnosticCode, _ message: String, at location: SourceLocation) {
        diagnostics.append(.warning(code, message, at: location))
    }

    /// Records `id` in `seen`, reporting a duplicate at `location`.
    mutating func claim(_ id: String, in seen: inout [String: SourceLocation], what: String, at location: SourceLocation) -> Bool {
        if let first = seen[id] {
            error(.duplicateID, "\(what) '\(id)' is used twice (first at \(first)). Give each one its own.", at: location)
            return false
        }
        seen[id] = location
        return true
    }

    /// Reports a reference to an unknown id, suggesting the nearest known one — unless a file of `definedIn`
    /// (a folder such as `motions/`, or `bodies.y`) could not be parsed, since the id may well be defined there.
    mutating func dangling(_ what: String, _ id: String, known: some Collection<String>, definedIn: String, at location: SourceLocation, fix: String) {
        if content.hasBrokenFile(in: definedIn) { return }
        let hint = takesHint(in: location.file) ? NameSuggester.hint(for: id, among: Array(known)) : ""
        error(.danglingReference, "\(what) '\(id)' does not exist.\(hint) \(fix)", at: location)
    }

    /// Whether the next unknown name in `file` gets a "did you mean" hint (see `NameSuggester`): the first
    /// ``maximumSuggestionsPerFile`` do, later ones get none and cost nothing. Counts the hint.
    mutating func takesHint(in file: String) -> Bool {
        let given = hintsByFile[file, default: 0]
        guard given < Self.maximumSuggestionsPerFile else { return false }
        hintsByFile[file] = given + 1
        return true
    }
}
