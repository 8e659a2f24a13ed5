import PortalDiagnostics
import PortalMarkdown
import PortalModel

/// The content stage's result as the next build can take it up: the site, what checking a text needs (every
/// document's address and anchors, the asset paths), and the diagnostics grouped by where they came from.
///
/// A build whose only changes are the Markdown texts of some documents — front matter byte for byte the same,
/// and each text's headings and lead (what other pages show of it) unchanged — checks those texts alone
/// (`replacingTexts`) instead of the whole content: everything else the check found is a function of what did
/// not change. Any other change means a full check. Stored without the documents' texts, which the next build
/// reads from the content files again (`restoringTexts`).
public struct CheckedContent: Sendable, Codable {
    /// The validated site.
    public internal(set) var site: Site
    var documents: DocumentIndex
    var assetPaths: [String]
    /// The diagnostics of parsing each file on its own, by relative path (files without any are absent).
    var fileDiagnostics: [String: [Diagnostic]]
    /// The diagnostics of each document's Markdown text, by relative path.
    var textDiagnostics: [String: [Diagnostic]]
    /// Every diagnostic not in `textDiagnostics` (including those in `fileDiagnostics`).
    var otherDiagnostics: [Diagnostic]
    /// The front matter fingerprint of every Markdown document, by relative path.
    var frontMatterHashes: [String: UInt64]

    /// Every diagnostic of the check.
    public var diagnostics: Diagnostics {
        Self.combined(otherDiagnostics, textDiagnostics)
    }

    /// The diagnostics of a check from its two groups, the texts' by path.
    static func combined(_ other: [Diagnostic], _ text: [String: [Diagnostic]]) -> Diagnostics {
        Diagnostics(other + text.keys.sorted().flatMap { text[$0] ?? [] })
    }

    /// A stable fingerprint (FNV-1a, 64 bits) of a document's front matter and of the line its body starts on.
    static func fingerprint(_ frontMatter: FrontMatter) -> UInt64 {
        var hash: UInt64 = 0xCBF2_9CE4_8422_2325
        func add(_ byte: UInt8) {
            hash = (hash ^ UInt64(byte)) &* 0x0000_0100_0000_01B3
        }
        for byte in frontMatter.yaml.utf8 { add(byte) }
        for value in [frontMatter.yamlFirstLine, frontMatter.bodyFirstLine] {
            withUnsafeBytes(of: Int64(value).littleEndian) { for byte in $0 { add(byte) } }
        }
        return hash
    }

    /// The content without the documents' Markdown texts (they are in the content files), for storing.
    public func withoutTexts() -> CheckedContent {
        var copy = self
        copy.site.mapDocumentTexts { _, text in text.withoutMarkdown() }
        return copy
    }

    /// The Markdown text of every Markdown file among `files`, by relative path, for `restoringTexts(from:)`;
    /// files that are no document (no front matter) are left out. Read on all cores: decoding and splitting
    /// 10,000 files is most of taking up a snapshot.
    ///
    /// Each file is let go as soon as its text is read when the caller hands the array over with `consume`.
    public static func documentBodies(of files: consuming [ContentFile]) -> [String: String] {
        let bodies = Parallel.map(consuming: files) { file -> (path: String, body: String)? in
            guard file.relativePath.hasSuffix(".md"), let body = ContentParser.documentBody(of: file) else { return nil }
            return (file.relativePath, body)
        }
        var byPath: [String: String] = [:]
        byPath.reserveCapacity(bodies.count)
        for case let (path, body)? in bodies { byPath[path] = body }
        return byPath
    }

    /// The content with every document's text taken from `bodies` (`documentBodies(of:)` of the content files as
    /// this build read them), except those of the documents at `keeping`, which stay as they are; nil when a
    /// Markdown document has none. Texts of OParl JSON files are empty.
    /// Takes the content over (`consuming`), so its arrays are changed in place instead of copied and freed
    /// (10,000 articles: 25 ms on one core).
    public consuming func restoringTexts(from bodies: [String: String], keeping: Set<String> = []) -> CheckedContent? {
        var copy = consume self
        var missing = false
        copy.site.mapDocumentTexts { path, text in
            guard path.hasSuffix(".md"), !keeping.contains(path) else { return text }
            guard let body = bodies[path] else {
                missing = true
                return text
            }
            return text.replacingMarkdown(body)
        }
        return missing ? nil : copy
    }

    /// The content after the Markdown texts of `changed` documents were edited and nothing else; nil when a change
    /// reaches further (the file is no Markdown document of the site, its front matter or parse diagnostics
    /// changed, or its text's headings, lead or emptiness changed): then the whole content must be checked.
    ///
    /// Takes the content over, like `restoringTexts`.
    public consuming func replacingTexts(of changed: [ContentFile]) -> CheckedContent? {
        let checker = ProseChecker(resolver: LinkResolver(documents: documents, assetPaths: Set(assetPaths)))
        var copy = consume self
        for file in changed {
            let path = file.relativePath
            guard path.hasSuffix(".md"), let expectedHash = copy.frontMatterHashes[path] else { return nil }
            let (result, found) = ContentParser.parseOne(file)
            guard case .document(_, let parsed?) = result, parsed.frontMatterHash == expectedHash,
                  found == (copy.fileDiagnostics[path] ?? []), let old = copy.site.documentText(at: path) else { return nil }
            let facts = ProseFacts(ProseChecker.parse(parsed.body, reserved: old.reservedHeadingIDs))
            let origin = ProseChecker.Origin(relativePath: path, displayPath: parsed.displayPath, firstLine: parsed.bodyFirstLine)
            let (text, diagnostics) = checker.prepare(facts, markdown: parsed.body, reserved: old.reservedHeadingIDs, origin: origin)
            guard text.headings == old.headings, text.leadText == old.leadText, text.isEmpty == old.isEmpty,
                  text.isInline == old.isInline else { return nil }
            copy.site.mapDocumentTexts { documentPath, current in documentPath == path ? text : current }
            copy.textDiagnostics[path] = diagnostics.isEmpty ? nil : diagnostics
        }
        return copy
    }
}
