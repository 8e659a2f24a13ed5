import Mustache
import PortalDiagnostics

/// The theme's templates compiled once per build, plus every problem found in them: parse errors, partials
/// that do not exist and labels (`{{t.…}}`) missing from the translation file, each with file, line and column.
///
/// A template is known by its path without `.mustache` (`partials/badge`) and, because Mustache closing tags
/// cannot contain a slash, also with a dot (`layouts.base`, as in `{{<layouts.base}}…{{/layouts.base}}`).
struct TemplateSet: Sendable {
    let library: MustacheLibrary
    /// Template names that compiled, such as `layouts/measure`.
    let names: Set<String>
    let diagnostics: [Diagnostic]
    /// The folder templates are shown in, for diagnostics about missing templates (`templates/`).
    let displayRoot: String

    init(theme: Theme, labels: Labels) {
        HTMLEscaping.register()
        var library = MustacheLibrary()
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
                _ = try MustacheTemplate(string: HTMLEscaping.pragma + text)
                // … then with the labels filled in, which is what pages are rendered with.
                let template = try MustacheTemplate(string: HTMLEscaping.pragma + TemplateScanner.substitutingLabels(in: text, labels: labels))
                library.register(template, named: name)
                library.register(template, named: Self.dottedName(name))
                names.insert(name)
            } catch let error as MustacheTemplate.ParserError {
                // The content-type tag in front of the text shifts the first line's columns.
                let line = error.context.lineNumber
                let column = line == 1 ? max(1, error.context.columnNumber - HTMLEscaping.pragma.count) : error.context.columnNumber
                diagnostics.append(.error(
                    .templateError, "The template could not be parsed: \(Self.describe(error.error)).",
                    at: SourceLocation(file: file.displayPath, line: line, column: column)
                ))
                continue
            } catch {
                diagnostics.append(.error(.templateError, "The template could not be parsed: \(error).", at: SourceLocation(file: file.displayPath)))
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
        self.library = library
        self.names = names
        self.diagnostics = diagnostics
        let sample = files.first
        displayRoot = sample.map { String($0.displayPath.dropLast($0.relativePath.count)) } ?? "templates/"
    }

    /// The name a template is registered and referenced under: its path without `.mustache`.
    static func name(of relativePath: String) -> String {
        relativePath.hasSuffix(".mustache") ? String(relativePath.dropLast(".mustache".count)) : relativePath
    }

    /// The alias of a template name usable in inheritance tags: `layouts/base` → `layouts.base`.
    static func dottedName(_ name: String) -> String {
        name.replacing("/", with: ".")
    }

    /// Renders a view with a template; nil when the template is missing or did not compile.
    func render(_ view: ViewData, with name: String) -> String? {
        guard names.contains(name) else { return nil }
        return library.render(view, withTemplate: name)
    }

    /// A diagnostic for a template the site needs but the theme lacks.
    func missingTemplate(_ name: String) -> Diagnostic {
        .error(.templateError, "The template \(name).mustache is missing (or could not be parsed); its pages were not rendered.",
               at: SourceLocation(file: displayRoot + name + ".mustache"))
    }

    private static func describe(_ error: any Error) -> String {
        guard let error = error as? MustacheTemplate.Error else { return "\(error)" }
        return switch error {
        case .sectionCloseNameIncorrect: "a section is closed with a different name than it was opened with"
        case .unfinishedName: "a tag is not closed with }}"
        case .expectedSectionEnd: "a section is opened but never closed"
        case .invalidSetDelimiter: "a set-delimiter tag is malformed"
        case .transformAppliedToInheritanceSection: "a transform is applied to an inheritance section"
        case .illegalTokenInsideInheritSection: "an inheritance section contains a tag that is not a block"
        case .textInsideInheritSection: "an inheritance section contains text outside blocks"
        case .invalidConfigVariableSyntax: "a configuration tag is malformed"
        case .unrecognisedConfigVariable: "a configuration tag is unknown"
        }
    }
}
