import PortalDiagnostics
import PortalModel

/// The content stage's entry point: files in, validated site and diagnostics out. Pure: no file access.
public enum ContentLoader {
    /// Parses and validates `files`; returns the site when site.yml was usable, plus every diagnostic.
    /// `contentDisplayPath` is how the content folder is shown in diagnostics about files that are missing.
    ///
    /// The files are consumed: their bytes are let go once parsed, before the site is assembled.
    public static func load(files: consuming [ContentFile], assets: [Asset], asOf: LocalDate, contentDisplayPath: String = "content") -> (site: Site?, diagnostics: Diagnostics) {
        let checked = check(files: files, assets: assets, asOf: asOf, contentDisplayPath: contentDisplayPath)
        return (checked.site, checked.diagnostics)
    }

    /// Like `load`, and also the checked content to keep for the next build (nil when there is no site).
    public static func check(files: consuming [ContentFile], assets: [Asset], asOf: LocalDate, contentDisplayPath: String = "content") -> (site: Site?, diagnostics: Diagnostics, checked: CheckedContent?) {
        var (parsed, parseDiagnostics) = ContentParser.parse(files: consume files, assets: assets)
        if parsed.site == nil, !parsed.hasBrokenFile(in: "site.y") {
            parseDiagnostics.append(.error(.missingFile, "site.yml is missing. Every site needs one with title, description, baseURL, organisation, accessibility, privacy and areas (see docs/referenz/felder.md).", at: SourceLocation(file: contentDisplayPath + "/site.yml")))
            parsed.brokenFiles.append("site.yml")
        }
        var assembler = SiteAssembler(content: parsed, asOf: asOf)
        let site = assembler.assemble()
        let otherDiagnostics = parseDiagnostics + assembler.diagnostics
        let textDiagnostics = assembler.textDiagnostics
        let all = CheckedContent.combined(otherDiagnostics, textDiagnostics)
        guard let site else { return (nil, all, nil) }
        var frontMatterHashes: [String: UInt64] = [:]
        for document in parsed.motions + parsed.measures + parsed.updates + parsed.pages {
            frontMatterHashes[document.relativePath] = document.frontMatterHash
        }
        let checked = CheckedContent(
            site: site, documents: assembler.documents, assetPaths: parsed.assets.map(\.path).sorted(),
            fileDiagnostics: parsed.fileDiagnostics, textDiagnostics: textDiagnostics, otherDiagnostics: otherDiagnostics,
            frontMatterHashes: frontMatterHashes)
        return (site, all, checked)
    }
}
