import PortalDiagnostics
import PortalModel

/// The content stage's entry point: files in, validated site and diagnostics out. Pure: no file access.
public enum ContentLoader {
    /// Parses and validates `files`; returns the site when site.yml was usable, plus every diagnostic.
    /// `contentDisplayPath` is how the content folder is shown in diagnostics about files that are missing.
    ///
    /// The files are consumed: their bytes are let go once parsed, before the site is assembled.
    public static func load(files: consuming [ContentFile], assets: [Asset], asOf: LocalDate, contentDisplayPath: String = "content") -> (site: Site?, diagnostics: Diagnostics) {
        var (parsed, parseDiagnostics) = ContentParser.parse(files: consume files, assets: assets)
        if parsed.site == nil, !parsed.hasBrokenFile(in: "site.y") {
            parseDiagnostics.append(.error(.missingFile, "site.yml is missing. Every site needs one with title, description, baseURL, organisation, accessibility, privacy and areas (see docs/referenz/felder.md).", at: SourceLocation(file: contentDisplayPath + "/site.yml")))
            parsed.brokenFiles.append("site.yml")
        }
        var assembler = SiteAssembler(content: parsed, asOf: asOf)
        let site = assembler.assemble()
        return (site, Diagnostics(parseDiagnostics + assembler.diagnostics))
    }
}
