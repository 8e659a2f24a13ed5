import Foundation
import PortalContent
import PortalDiagnostics
import PortalModel
@testable import PortalRender

/// Shared helpers: the fixture site, the default theme from the repository, rendering.
enum TestSupport {
    /// The repository root, found from this file's path.
    static let repositoryRoot: URL = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    /// The build date used by every test.
    static let asOf = LocalDate(year: 2025, month: 11, day: 14)

    /// Loads content files from memory into a validated site; fails the caller when the content has errors.
    static func site(files: [String: String] = FixtureContent.files, assets: [String] = FixtureContent.assetPaths, asOf: LocalDate = asOf) throws -> Site {
        let contentFiles = files.keys.sorted().map { path in
            ContentFile(relativePath: path, displayPath: "content/" + path, bytes: Array((files[path] ?? "").utf8))
        }
        let (site, diagnostics) = ContentLoader.load(files: contentFiles, assets: assets.map { Asset(path: $0, size: 1000) }, asOf: asOf)
        guard let site, !diagnostics.hasErrors else {
            throw FixtureError(message: diagnostics.sorted().map(\.description).joined(separator: "\n"))
        }
        return site
    }

    /// The repository's `content/` folder as a site.
    static func repositorySite() throws -> Site {
        let root = repositoryRoot.appendingPathComponent("content")
        var files: [ContentFile] = []
        var assets: [Asset] = []
        let enumerator = FileManager.default.enumerator(at: root, includingPropertiesForKeys: nil)
        while let url = enumerator?.nextObject() as? URL {
            var isDirectory: ObjCBool = false
            guard FileManager.default.fileExists(atPath: url.path, isDirectory: &isDirectory), !isDirectory.boolValue else { continue }
            let relative = String(url.path.dropFirst(root.path.count + 1))
            let data = try Data(contentsOf: url)
            if relative.hasPrefix("assets/") {
                assets.append(Asset(path: String(relative.dropFirst("assets/".count)), size: data.count))
            } else {
                files.append(ContentFile(relativePath: relative, displayPath: "content/" + relative, bytes: [UInt8](data)))
            }
        }
        let (site, diagnostics) = ContentLoader.load(files: files.sorted { $0.relativePath < $1.relativePath }, assets: assets, asOf: asOf)
        guard let site, !diagnostics.hasErrors else {
            throw FixtureError(message: diagnostics.sorted().map(\.description).joined(separator: "\n"))
        }
        return site
    }

    /// The default theme from `templates/`, with `overrides` (relative path → text) replacing or adding files.
    static func theme(overrides: [String: String] = [:]) throws -> Theme {
        let root = repositoryRoot.appendingPathComponent("templates")
        var templates: [String: Theme.File] = [:]
        var translations: [String: Theme.File] = [:]
        var staticFiles: [String: [UInt8]] = [:]
        var texts: [String: String] = [:]
        let enumerator = FileManager.default.enumerator(at: root, includingPropertiesForKeys: nil)
        while let url = enumerator?.nextObject() as? URL {
            var isDirectory: ObjCBool = false
            guard FileManager.default.fileExists(atPath: url.path, isDirectory: &isDirectory), !isDirectory.boolValue else { continue }
            let relative = String(url.path.dropFirst(root.path.count + 1))
            let data = try Data(contentsOf: url)
            if relative.hasPrefix("static/") {
                staticFiles[String(relative.dropFirst("static/".count))] = [UInt8](data)
            } else {
                texts[relative] = String(decoding: data, as: UTF8.self)
            }
        }
        for (path, text) in overrides { texts[path] = text }
        for (path, text) in texts {
            let display = (overrides[path] != nil ? "custom/" : "templates/") + path
            let file = Theme.File(relativePath: path, displayPath: display, text: text)
            if path.hasPrefix("i18n/"), path.hasSuffix(".yml") {
                translations[String(path.dropFirst("i18n/".count).dropLast(".yml".count))] = file
            } else if path.hasSuffix(".mustache") {
                templates[path] = file
            }
        }
        return Theme(templates: templates, translations: translations, staticFiles: staticFiles)
    }

    /// Renders a site with the default theme (or overrides) and returns the files by path and the diagnostics.
    static func render(_ site: Site, overrides: [String: String] = [:], baseURL: String? = nil) throws -> (files: [String: [UInt8]], diagnostics: Diagnostics) {
        let (files, diagnostics) = SiteRenderer.render(site: site, theme: try theme(overrides: overrides), options: RenderOptions(baseURL: baseURL, generatorVersion: "test"))
        return (Dictionary(files.map { ($0.path, $0.bytes) }, uniquingKeysWith: { first, _ in first }), diagnostics)
    }

    /// A rendered file as text.
    static func text(_ files: [String: [UInt8]], _ path: String) -> String {
        files[path].map { String(decoding: $0, as: UTF8.self) } ?? ""
    }

    struct FixtureError: Error, CustomStringConvertible {
        let message: String
        var description: String { message }
    }
}

extension TestSupport {
    /// German labels from the default theme.
    static func labels(_ language: String = "de") throws -> Labels {
        let theme = try theme()
        guard let file = theme.translations[language] else { throw FixtureError(message: "no \(language).yml") }
        return Labels.parse(file, language: language).0
    }

    /// A page builder for the site, as the renderer makes it.
    static func builder(_ site: Site, language: String = "de") throws -> PageBuilder {
        let labels = try labels(language)
        let index = SiteIndex(site: site)
        return PageBuilder(
            site: site, index: index, labels: labels, timeline: Timeline(index: index, labels: labels),
            baseURL: site.config.baseURL, generatorVersion: "test", hasSearchScript: false
        )
    }
}
