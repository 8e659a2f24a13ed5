import PortalDiagnostics

/// The theme's templates compiled once per build, plus every problem found in them: parse errors, partials
/// that do not exist and labels (`{{t.…}}`) missing from the translation file, each with file, line and column.
///
/// A template is known by its path without `.mustache` (`partials/badge`) and, because Mustache closing tags
/// cannot contain a slash, also with a dot (`layouts.base`, as in `{{<layouts.base}}…{{/layouts.base}}`).
struct TemplateSet: Sendable {
    /// Compiled templates by name (each under both of its names).
    let templates: [String: [TemplateNode]]
    /// Template names that compiled, such as `layouts/measure`.
    let names: Set<String>
    let diagnostics: [Diagnostic]
    /// The folder templates are shown in, for diagnostics about missing templates (`templates/`).
    let displayRoot: String
    /// Where each template comes from, by name, as diagnostics show it (`custom/partials/footer.mustache`).
    let displayPaths: [String: String]

    init(theme: Theme, labels: Labels) {
        var templates: [String: [TemplateNode]] = [:]
        var names = Set<String>()
        var diagnostics: [Diagnostic] = []
        let files = theme.templates.values.sorted { $0.relativePath < $1.relativePath }
        let available = Set(files.flatMap { file in
            let name = Self.name(of: file.relativePath)
            return [name, Self.dottedName(name)]
        })
        for file in files {
            let name = Self.name(of: file.relativePath)
            do {
                // A file's final line break belongs to the file, not to the text a partial inserts.
                let text = file.text.hasSuffix("\n") ? String(file.text.dropLast()) : file.text
                // Parsed as written first, so errors point at the author's lines and columns …
                _ = try TemplateParser.parse(Self.contentTypeTag + text)
                // … then with the labels filled in, which is what pages are rendered with.
                let template = try TemplateParser.parse(Self.contentTypeTag + TemplateScanner.substitutingLabels(in: text, labels: labels))
                templates[name] = template
                templates[Self.dottedName(name)] = template
                names.insert(name)
            } catch {
                // The content-type tag in front of the text shifts the first line's columns.
                let column = error.line == 1 ? max(1, error.column - Self.contentTypeTag.count) : error.column
                diagnostics.append(.error(
                    .templateError, "The template could not be parsed: \(error.description).",
                    at: SourceLocation(file: file.displayPath, line: error.line, column: column)
                ))
                continue
            }
            for tag in TemplateScanner.tags(in: file.text) {
                switch tag.kind {
                case .partial, .parent:
                    if !available.contains(tag.name) {
                        diagnostics.append(.error(
                            .templateError, "The partial '\(tag.name)' does not exist; add \(tag.name).mustache to the theme or fix the name.",
                            at: SourceLocation(file: file.displayPath, line: tag.line, column: tag.column)
                        ))
                    }
                case .value:
                    guard tag.name.hasPrefix("t."), tag.name.count > 2 else { continue }
                    let key = String(tag.name.dropFirst(2))
                    if !labels.has(key) {
                        diagnostics.append(.error(
                            .templateError, "The label '\(key)' is missing in the translation file \(labels.displayPath).",
                            at: SourceLocation(file: file.displayPath, line: tag.line, column: tag.column)
                        ))
                    }
                }
            }
        }
        self.templates = templates
        displayPaths = Dictionary(files.map { (Self.name(of: $0.relativePath), $0.displayPath) }, uniquingKeysWith: { first, _ in first })
        self.names = names
        self.diagnostics = diagnostics
        let sample = files.first
        displayRoot = sample.map { String($0.displayPath.dropLast($0.relativePath.count)) } ?? "templates/"
    }

    /// Put in front of every template before it is compiled. Themes were written for swift-mustache, to which
    /// portal handed every template after such a tag; a tag on a template's first line is therefore never
    /// standalone (its line break stays). Kept, so that every theme renders to the same bytes as before.
    static let contentTypeTag = "{{%CONTENT_TYPE:HTML}}"

    /// The name a template is registered and referenced under: its path without `.mustache`.
    static func name(of relativePath: String) -> String {
        relativePath.hasSuffix(".mustache") ? String(relativePath.dropLast(".mustache".count)) : relativePath
    }

    /// The alias of a template name usable in inheritance tags: `layouts/base` → `layouts.base`.
    static func dottedName(_ name: String) -> String {
        name.replacing("/", with: ".")
    }

    /// Renders a view with a template into UTF-8 bytes, and the first partial left out because partials include
    /// each other too deeply; nil when the template is missing or did not compile.
    func render(_ view: ViewData, with name: String) -> (bytes: [UInt8], refusedInclusion: String?)? {
        guard names.contains(name) else { return nil }
        return TemplateRenderer.render(view, template: name, templates: templates)
    }

    /// A diagnostic for a partial included ever deeper when `template` was rendered (a loop of inclusions).
    func inclusionLoop(_ partial: String, in template: String) -> Diagnostic {
        // The partial's file when it is one (`layouts.base` is `layouts/base.mustache`), else the page's template.
        let name = names.first { $0 == partial || Self.dottedName($0) == partial } ?? template
        return .error(
            .templateError,
            "'\(partial)' is nested more than \(TemplateRenderer.maximumDepth) levels deep (partials, parents, blocks and sections together) while \(template).mustache is rendered: a partial or parent that includes itself, directly or through others, never ends. Remove the inclusion that closes the loop.",
            at: SourceLocation(file: displayPaths[name] ?? displayRoot + name + ".mustache"))
    }

    /// A diagnostic for a template the site needs but the theme lacks.
    func missingTemplate(_ name: String) -> Diagnostic {
        .error(.templateError, "The template \(name).mustache is missing (or could not be parsed); its pages were not rendered.",
               at: SourceLocation(file: displayRoot + name + ".mustache"))
    }
}
