import PortalDiagnostics
import PortalMarkdown
import PortalModel

/// Checks on the result of a fuzz run that hold for any input (see ``FuzzRun/problems``).
enum FuzzInvariants {
    /// The length in Unicode scalars of every line of `bytes` read as the loader reads them (lenient UTF-8,
    /// byte order mark dropped, CRLF and CR as line breaks). A NUL counts three: cmark replaces it with U+FFFD
    /// and counts that character's three bytes in its columns.
    static func lineLengths(of bytes: [UInt8]) -> [Int] {
        var text = String(decoding: bytes, as: UTF8.self)
        if text.hasPrefix("\u{FEFF}") { text.removeFirst() }
        var lengths = [0]
        var previousWasCarriageReturn = false
        for scalar in text.unicodeScalars {
            defer { previousWasCarriageReturn = scalar == "\r" }
            if scalar == "\n", previousWasCarriageReturn { continue }
            if scalar == "\n" || scalar == "\r" {
                lengths.append(0)
            } else {
                lengths[lengths.count - 1] += scalar == "\0" ? 3 : 1
            }
        }
        return lengths
    }

    /// Why `location` cannot be a position in a file with lines of `lineLengths`, or nil when it can.
    ///
    /// A position may stand one line below the last (end of input) and two columns past a line's end
    /// (end of line, and a column counted after a dropped byte order mark).
    static func positionProblem(_ location: SourceLocation, lineLengths: [Int]) -> String? {
        if let column = location.column, location.line == nil {
            return "column \(column) without a line"
        }
        guard let line = location.line else { return nil }
        guard line >= 1, line <= lineLengths.count + 1 else {
            return "line \(line) outside the file's \(lineLengths.count) lines"
        }
        guard let column = location.column else { return nil }
        let length = line <= lineLengths.count ? lineLengths[line - 1] : 0
        guard column >= 1, column <= length + 2 else {
            return "column \(column) outside line \(line) of \(length) characters"
        }
        return nil
    }

    /// Whether a content path is a Markdown document (as opposed to a YAML data file).
    static func isDocument(_ path: String) -> Bool {
        path.hasSuffix(".md")
    }

    /// Problems with the HTML of every piece of prose in `site`.
    static func renderedHTMLProblems(in site: Site) -> [String] {
        var texts: [(String, RichText)] = []
        for motion in site.motions {
            texts.append((motion.sourcePath, motion.justification))
            texts += motion.resolutionItems.map { ("\(motion.sourcePath) item \($0.id)", $0.text) }
            texts += motion.consultations.compactMap { consultation in
                consultation.resolutionText.map { ("\(motion.sourcePath) resolution text", $0) }
            }
        }
        texts += site.measures.map { ($0.sourcePath, $0.description) }
        texts += site.updates.map { ($0.sourcePath, $0.body) }
        texts += site.pages.map { ($0.sourcePath, $0.body) }
        var problems: [String] = []
        for (source, text) in texts {
            problems += SafeHTMLChecker.problems(in: text.html).map { "HTML of \(source): \($0)" }
            let ids = text.headings.map(\.id)
            if Set(ids).count != ids.count {
                problems.append("heading ids of \(source) are not unique: \(ids)")
            }
        }
        return problems
    }

    /// Links in the prose of the document loaded from `relativePath` that still point at a relative path. The
    /// loader rewrites a link to a content file or asset into its site URL (`../measures/x.md#a` into
    /// `/massnahmen/x/#a`) and reports every other relative link, so one left over in a file without a reported
    /// link problem was missed: on the published page, in another folder, it would lead nowhere.
    static func unrewrittenLinkProblems(in site: Site, documentAt relativePath: String) -> [String] {
        var texts: [RichText] = []
        for motion in site.motions where motion.sourcePath == relativePath {
            texts += [motion.justification] + motion.resolutionItems.map(\.text) + motion.consultations.compactMap(\.resolutionText)
        }
        texts += site.measures.filter { $0.sourcePath == relativePath }.map(\.description)
        texts += site.updates.filter { $0.sourcePath == relativePath }.map(\.body)
        texts += site.pages.filter { $0.sourcePath == relativePath }.map(\.body)
        return texts.flatMap { SafeHTMLChecker.linkTargets(in: $0.html) }.filter(isRelativePath).map {
            "the link '\($0.prefix(60))' in \(relativePath) was neither rewritten to a site URL nor reported"
        }
    }

    /// Whether a URL, read as a browser reads it (leading spaces and controls skipped, tabs and line breaks
    /// removed), is a relative path: no scheme, not site-absolute (`/…`, `\…`), not only a fragment or query.
    static func isRelativePath(_ url: String) -> Bool {
        let visible = String(String.UnicodeScalarView(url.unicodeScalars.drop { $0.value <= 0x20 }.filter { $0 != "\t" && $0 != "\n" && $0 != "\r" }))
        guard let first = visible.unicodeScalars.first, !"#?/\\".unicodeScalars.contains(first) else { return false }
        return visible.firstMatch(of: /^[A-Za-z][A-Za-z0-9+.\-]*:/) == nil
    }

    /// Whether the document loaded from `relativePath` (such as `measures/chatbot.md`) is part of `site`.
    static func site(_ site: Site, containsDocumentAt relativePath: String) -> Bool {
        site.motions.contains { $0.sourcePath == relativePath } || site.measures.contains { $0.sourcePath == relativePath }
            || site.updates.contains { $0.sourcePath == relativePath } || site.pages.contains { $0.sourcePath == relativePath }
    }
}
