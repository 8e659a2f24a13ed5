import PortalDiagnostics
import PortalModel

/// The content stage's entry point: files in, validated site and diagnostics out. Pure: no file access.
public enum ContentLoader {
    /// Parses and validates `files`; returns the site when site.yml was usable, plus every diagnostic.
    public static func load(files: [ContentFile], assets: [Asset], asOf: LocalDate) -> (site: Site?, diagnostics: Diagnostics) {
        let (parsed, parseDiagnostics) = ContentParser.parse(files: files, assets: assets)
        var assembler = SiteAssembler(content: parsed, asOf: asOf)
        let site = assembler.assemble()
        return (site, Diagnostics(parseDiagnostics + assembler.diagnostics))
    }
}
