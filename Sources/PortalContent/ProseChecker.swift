import Foundation
import PortalDiagnostics
import PortalMarkdown
import PortalModel

/// Checks Markdown prose, prepares it as `RichText` and reports what is wrong in it at its position in the file:
/// broken links, images without alt text, raw HTML, skipped heading levels.
struct ProseChecker: Sendable {
    let resolver: LinkResolver

    /// How many broken links of one text get a "did you mean" hint. Each hint compares the link with every
    /// anchor or file, so without a limit a text with thousands of broken links and headings takes quadratic time.
    static let maximumSuggestions = 20

    /// Where a piece of Markdown stands: its file, and the file line of the Markdown's first line.
    struct Origin {
        var relativePath: String
        var displayPath: String
        var firstLine: Int
        /// For Markdown inside a YAML value: every position is reported at the value itself.
        var fixedLocation: SourceLocation?

        func location(_ position: SourcePosition) -> SourceLocation {
            fixedLocation ?? SourceLocation(file: displayPath, line: firstLine + position.line - 1, column: position.column)
        }
    }

    /// What is wrong with a link to another site or an e-mail address, or nil when it looks right.
    static func externalURLProblem(_ destination: String) -> String? {
        let lowered = destination.lowercased()
        if lowered.hasPrefix("http://") || lowered.hasPrefix("https://") {
            return URLCheck.isValid(destination) ? nil : "The web address '\(destination)' is malformed. Write it as https://www.example.de/seite."
        }
        if lowered.hasPrefix("mailto:") {
            let address = String(destination.dropFirst("mailto:".count).prefix { $0 != "?" })
            return URLCheck.isEmail(address.removingPercentEncoding ?? address) ? nil : "The e-mail link '\(destination)' is malformed. Write it as mailto:name@example.de."
        }
        if lowered.hasPrefix("www.") {
            return "The web address '\(destination)' has no https:// in front, so it would be read as a file of this site. Write https://\(destination)."
        }
        return nil
    }

    /// Parses Markdown, keeping `reserved` ids (the theme's section ids) free for the theme.
    static func parse(_ markdown: String, reserved: [String]) -> MarkdownDocument {
        MarkdownDocument.parse(markdown, reservedHeadingIDs: Set(reserved))
    }

    /// Checks a parsed text, from its facts, and prepares it for rendering: its problems as diagnostics, and the
    /// prose with its link targets, headings and lead. `reserved` are the ids it was parsed with; `inline` renders
    /// a single paragraph without its `<p>`.
    func prepare(
        _ facts: ProseFacts, markdown: String, reserved: [String], origin: Origin, inline: Bool = false
    ) -> (RichText, [Diagnostic]) {
        var diagnostics: [Diagnostic] = []
        let sourcePath = origin.relativePath
        var suggestions = 0
        for link in facts.links {
            guard link.isSafe else {
                diagnostics.append(.warning(.invalidURL, "The link target '\(link.destination)' is not allowed (only http, https, mailto, tel and paths) and is dropped.", at: origin.location(link.position)))
                continue
            }
            if link.kind == .image, LinkResolver.isExternal(link.destination) {
                diagnostics.append(.error(.brokenLink, "Images from other hosts are not allowed (the site makes no requests to other hosts). Put the image into content/assets/ and link it as ../assets/name.png.", at: origin.location(link.position)))
            } else if let problem = Self.externalURLProblem(link.destination) {
                diagnostics.append(.warning(.invalidURL, problem, at: origin.location(link.position)))
            } else if case .broken(let message) = resolver.resolve(link.destination, from: sourcePath, suggesting: suggestions < Self.maximumSuggestions) {
                diagnostics.append(.error(.brokenLink, message, at: origin.location(link.position)))
                suggestions += 1
            }
            if link.isImageWithoutAltText {
                diagnostics.append(.error(.imageWithoutAlt, "This image has no alternative text. Describe it for people who cannot see it: ![Beschreibung](\(link.destination)).", at: origin.location(link.position)))
            }
        }
        if let first = facts.firstRawHTML {
            let more = facts.rawHTMLCount > 1 ? " (\(facts.rawHTMLCount) places in this text; this is the first)" : ""
            diagnostics.append(.warning(.rawHTML, "Raw HTML is not published\(more). Write it in Markdown instead (**bold**, [link](url), lists with -).", at: origin.location(first)))
        }
        if let position = facts.nestingLimitPosition {
            diagnostics.append(.warning(.yamlTooComplex, "Lists or quotes nest deeper than \(MarkdownDocument.maximumNestingDepth) levels here; deeper levels are flattened.", at: origin.location(position)))
        }
        let headings = facts.headings
        let topLevel = headings.map(\.level).min() ?? 2
        let offset = max(0, 2 - topLevel)
        var previous = topLevel - 1
        for heading in headings {
            if heading.level > previous + 1 {
                diagnostics.append(.warning(.headingLevelSkipped, "This heading skips a level (from \(String(repeating: "#", count: max(previous, 1))) to \(String(repeating: "#", count: heading.level))). Use \(String(repeating: "#", count: previous + 1)) so screen reader users can follow the structure.", at: origin.location(heading.position)))
            }
            previous = heading.level
        }
        // Where links to content files go, looked up now so the render stage needs no resolver; the HTML itself
        // is rendered from the Markdown when a page needs it (see `RichText`).
        var linkTargets: [String: String] = [:]
        for link in facts.links where link.isSafe && linkTargets[link.destination] == nil {
            if case .rewrite(let url) = resolver.resolve(link.destination, from: sourcePath, suggesting: false) {
                linkTargets[link.destination] = url
            }
        }
        let richHeadings = headings.map { RichText.Heading(level: min(6, $0.level + offset), text: $0.text, id: $0.id) }
        let text = RichText(
            markdown: markdown, linkTargets: linkTargets, reservedHeadingIDs: reserved, isInline: inline,
            headings: richHeadings, leadText: facts.lead)
        return (text, diagnostics)
    }
}
