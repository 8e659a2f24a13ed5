import PortalRender

/// One successful build held in memory: generated files by path, and assets to read from the content folder.
struct PreviewSite: Sendable, Equatable {
    /// Generated files by path below the site root (`massnahmen/x/index.html`).
    let files: [String: [UInt8]]
    /// Asset source files on disk by path below the site root (`assets/plan.pdf` → `/…/content/assets/plan.pdf`).
    let assets: [String: String]

    init(files: [OutputFile], assets: [(source: String, destination: String)]) {
        var filesByPath: [String: [UInt8]] = [:]
        for file in files { filesByPath[file.path] = file.bytes }
        var assetsByPath: [String: String] = [:]
        for asset in assets { assetsByPath[asset.destination] = asset.source }
        self.files = filesByPath
        self.assets = assetsByPath
    }

    /// The number of HTML pages.
    var pageCount: Int { files.keys.filter { $0.hasSuffix(".html") }.count }

    /// What a request path refers to in this site.
    enum Lookup: Equatable {
        /// A generated file, with its path below the site root.
        case file(String)
        /// An asset, with its path below the site root and its source file on disk.
        case asset(path: String, source: String)
        /// A folder requested without its trailing slash (`x` where `x/index.html` exists).
        case addSlash
        case notFound
    }

    /// Resolves clean URLs: `x/` → `x/index.html`, `x` → redirect to `x/` when that page exists.
    func lookup(_ path: SitePath) -> Lookup {
        let relative = path.relative
        if path.isFolder {
            let index = relative + "index.html"
            return files[index] != nil ? .file(index) : .notFound
        }
        if files[relative] != nil { return .file(relative) }
        if let source = assets[relative] { return .asset(path: relative, source: source) }
        if files[relative + "/index.html"] != nil { return .addSlash }
        return .notFound
    }
}
