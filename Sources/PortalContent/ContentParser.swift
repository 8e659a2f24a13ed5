import PortalDiagnostics
import PortalModel

/// Parses content files on their own: decoding, front matter, YAML and schema checks. Pure: no file access.
public enum ContentParser {
    /// What a file under the content folder is, by its path.
    enum FileRole: Equatable {
        case site, bodies, partners, motion, motionOParl, measure, update, page, ignored, unknown
    }

    /// Classifies a path below the content folder.
    static func role(of relativePath: String) -> FileRole {
        let parts = relativePath.split(separator: "/").map(String.init)
        guard let name = parts.last else { return .unknown }
        if parts.contains(where: { $0.hasPrefix(".") }) || name.hasPrefix("_") || name.hasSuffix("~") { return .ignored }
        switch parts.count {
        case 1:
            switch name {
            case "site.yml", "site.yaml": return .site
            case "bodies.yml", "bodies.yaml": return .bodies
            case "partners.yml", "partners.yaml": return .partners
            case "README.md", "README.txt", "LIESMICH.md": return .ignored
            default: return .unknown
            }
        case 2:
            let isMarkdown = name.lowercased().hasSuffix(".md")
            switch parts[0] {
            case "motions": return isMarkdown ? .motion : (name.lowercased().hasSuffix(".json") ? .motionOParl : .unknown)
            case "measures": return isMarkdown ? .measure : .unknown
            case "updates": return isMarkdown ? .update : .unknown
            case "pages": return isMarkdown ? .page : .unknown
            default: return .unknown
            }
        default:
            return .unknown
        }
    }

    /// What parsing one file produced.
    enum FileResult: Sendable {
        case site(ObjectValue?)
        case bodies([ObjectValue], failed: Bool)
        case partners([ObjectValue], failed: Bool)
        case document(FileRole, ParsedDocument?)
        /// An OParl JSON file, read but not yet imported (its objects refer to objects in other files).
        case oparl(JSONNode?)
        case skipped
    }

    /// Parses one file on its own; pure, so files are parsed in parallel.
    static func parseOne(_ file: ContentFile) -> (FileResult, [Diagnostic]) {
        var diagnostics: [Diagnostic] = []
        let role = role(of: file.relativePath)
        let result: FileResult
        switch role {
        case .site:
            result = .site(parseDataFile(file, diagnostics: &diagnostics) { validator, node in
                validator.validateRoot(node, against: ContentSchemas.site)
            })
        case .bodies:
            let bodies = parseDataFile(file, diagnostics: &diagnostics) { validator, node in
                validator.validateRootList(node, of: ContentSchemas.body, listKey: "bodies")
            } ?? []
            result = .bodies(bodies, failed: diagnostics.contains { $0.severity == .error })
        case .partners:
            let partners = parseDataFile(file, diagnostics: &diagnostics) { validator, node in
                validator.validateRootList(node, of: ContentSchemas.partner, listKey: "partners")
            } ?? []
            result = .partners(partners, failed: diagnostics.contains { $0.severity == .error })
        case .motion:
            result = .document(role, parseDocument(file, schema: ContentSchemas.motion, diagnostics: &diagnostics))
        case .measure:
            result = .document(role, parseDocument(file, schema: ContentSchemas.measure, diagnostics: &diagnostics))
        case .update:
            result = .document(role, parseDocument(file, schema: ContentSchemas.update, diagnostics: &diagnostics))
        case .page:
            result = .document(role, parseDocument(file, schema: ContentSchemas.page, diagnostics: &diagnostics))
        case .motionOParl:
            result = .oparl(parseJSON(file, diagnostics: &diagnostics))
        case .ignored:
            result = .skipped
        case .unknown:
            diagnostics.append(.warning(
                .unknownFile,
                "This file is not part of the content model and is ignored. Markdown files belong in motions/, measures/, updates/ or pages/; images and documents in assets/.",
                at: file.location()))
            result = .skipped
        }
        return (result, diagnostics)
    }

    /// Parses every file (in parallel); assets are passed through. Diagnostics come back in file order.
    static func parse(files: consuming [ContentFile], assets: [Asset]) -> (ParsedContent, [Diagnostic]) {
        var content = ParsedContent()
        content.assets = assets
        var diagnostics: [Diagnostic] = []
        let withBytes = (consume files).sorted { $0.relativePath < $1.relativePath }
        // Each file's bytes go as soon as it is parsed; its path stays for the messages below.
        let sorted = withBytes.map { ContentFile(relativePath: $0.relativePath, displayPath: $0.displayPath, bytes: []) }
        let results = Parallel.map(consuming: consume withBytes, parseOne)
        var sawSite = false
        var oparlSources: [OParlImporter.Source] = []
        for (file, (result, found)) in zip(sorted, results) {
            diagnostics.append(contentsOf: found)
            if !found.isEmpty { content.fileDiagnostics[file.relativePath] = found }
            switch result {
            case .site(let site):
                if sawSite {
                    diagnostics.append(.error(.duplicateID, "There is both site.yml and site.yaml. Keep one.", at: file.location()))
                    continue
                }
                sawSite = true
                content.site = site
                if site == nil { content.brokenFiles.append(file.relativePath) }
            case .bodies(let bodies, let failed):
                content.bodies += bodies
                if failed { content.brokenFiles.append(file.relativePath) }
            case .partners(let partners, let failed):
                content.partners += partners
                if failed { content.brokenFiles.append(file.relativePath) }
            case .document(let role, let document):
                guard let document else {
                    content.brokenFiles.append(file.relativePath)
                    continue
                }
                switch role {
                case .motion: content.motions.append(document)
                case .measure: content.measures.append(document)
                case .update: content.updates.append(document)
                default: content.pages.append(document)
                }
            case .oparl(let root):
                if let root {
                    oparlSources.append(OParlImporter.Source(file: file, root: root))
                } else {
                    content.brokenFiles.append(file.relativePath)
                }
            case .skipped:
                continue
            }
        }
        if !oparlSources.isEmpty { importOParl(oparlSources, into: &content, diagnostics: &diagnostics) }
        return (content, diagnostics)
    }

    /// Imports the OParl papers as motions and their organizations as bodies, checked like hand-written files.
    static func importOParl(_ sources: [OParlImporter.Source], into content: inout ParsedContent, diagnostics: inout [Diagnostic]) {
        let known = content.bodies.compactMap { body -> OParlImporter.KnownBody? in
            guard let id = body.text("id"), let oparlID = body.text("oparlId") else { return nil }
            return OParlImporter.KnownBody(id: id, name: body.text("name") ?? id, oparlID: oparlID)
        }
        var importer = OParlImporter(sources: sources, knownBodies: known, bodyIDs: Set(content.bodies.compactMap { $0.text("id") }))
        let papers = importer.importPapers()
        diagnostics += importer.diagnostics
        for body in importer.bodies {
            var validator = SchemaValidator(file: body.file)
            if let object = validator.validate(body.entry, as: .object(ContentSchemas.body), path: "").object {
                content.bodies.append(object)
            }
            diagnostics += validator.diagnostics
        }
        for paper in papers {
            var validator = SchemaValidator(file: paper.file)
            let fields = validator.validateRoot(paper.frontMatter, against: ContentSchemas.motion)
            diagnostics += validator.diagnostics
            content.motions.append(ParsedDocument(
                relativePath: paper.file.relativePath, displayPath: paper.file.displayPath, fields: fields,
                body: "", bodyFirstLine: 1))
        }
    }

    /// Decodes and parses an OParl JSON file; a syntax error is reported with its position, a repeated key warned
    /// about (the first value counts).
    static func parseJSON(_ file: ContentFile, diagnostics: inout [Diagnostic]) -> JSONNode? {
        let text: String
        switch SourceText.decode(file) {
        case .success(let decoded): text = decoded
        case .failure(let diagnostic): diagnostics.append(diagnostic); return nil
        }
        switch JSONReader.parse(text) {
        case .success(let root):
            for key in root.repeatedKeys {
                diagnostics.append(.warning(
                    .duplicateKey,
                    "The key \"\(key.repeated.key)\" appears twice in this object (first in line \(key.first.keyLine)); the first value is used and this one is ignored. Delete one of them.",
                    at: file.location(line: key.repeated.keyLine, column: key.repeated.keyColumn)))
            }
            return root
        case .failure(let error):
            diagnostics.append(.error(.jsonSyntax, error.message, at: file.location(line: error.line, column: error.column)))
            return nil
        }
    }

    /// Decodes a YAML data file and validates it with `validate`.
    static func parseDataFile<T>(
        _ file: ContentFile, diagnostics: inout [Diagnostic],
        validate: (inout SchemaValidator, YAMLNode) -> T
    ) -> T? {
        let text: String
        switch SourceText.decode(file) {
        case .success(let decoded): text = decoded
        case .failure(let diagnostic): diagnostics.append(diagnostic); return nil
        }
        let node: YAMLNode
        switch YAMLReader.parse(text, firstLine: 1, file: file) {
        case .success(let parsed): node = parsed
        case .failure(let diagnostic): diagnostics.append(diagnostic); return nil
        }
        var validator = SchemaValidator(file: file)
        let result = validate(&validator, node)
        diagnostics.append(contentsOf: validator.diagnostics)
        return result
    }

    /// Decodes a Markdown file, splits its front matter and validates it against `schema`.
    static func parseDocument(_ file: ContentFile, schema: ObjectSchema, diagnostics: inout [Diagnostic]) -> ParsedDocument? {
        let text: String
        switch SourceText.decode(file) {
        case .success(let decoded): text = decoded
        case .failure(let diagnostic): diagnostics.append(diagnostic); return nil
        }
        if text.allSatisfy(\.isWhitespace) {
            let required = schema.fields.filter(\.required).map(\.key).joined(separator: ", ")
            diagnostics.append(.error(.emptyFile, "The file is empty. Start it with a front matter block between two '---' lines with the keys \(required).", at: file.location()))
            return nil
        }
        let frontMatter: FrontMatter
        switch FrontMatter.split(text) {
        case .success(let split):
            frontMatter = split
        case .failure(.missing):
            diagnostics.append(.error(.missingFrontMatter, "The file must start with a line '---', then the keys (such as title: …), then another line '---', then the text.", at: file.location(line: 1, column: 1)))
            return nil
        case .failure(.unterminated(let line)):
            diagnostics.append(.error(.unterminatedFrontMatter, "The front matter that starts here is never closed. Add a line with only '---' after the last key.", at: file.location(line: line, column: 1)))
            return nil
        }
        let node: YAMLNode
        switch YAMLReader.parse(frontMatter.yaml, firstLine: frontMatter.yamlFirstLine, file: file) {
        case .success(let parsed): node = parsed
        case .failure(let diagnostic): diagnostics.append(diagnostic); return nil
        }
        var validator = SchemaValidator(file: file)
        let fields = validator.validateRoot(node, against: schema)
        diagnostics.append(contentsOf: validator.diagnostics)
        return ParsedDocument(
            relativePath: file.relativePath, displayPath: file.displayPath, fields: fields,
            body: frontMatter.body, bodyFirstLine: frontMatter.bodyFirstLine,
            frontMatterHash: CheckedContent.fingerprint(frontMatter))
    }

    /// The Markdown body of a content document as `parseDocument` reads it, or nil when the file is not one.
    static func documentBody(of file: ContentFile) -> String? {
        if let body = FrontMatter.plainBody(of: file.bytes) { return body }
        return splitDocumentBody(of: file)
    }

    /// `documentBody` for any file: decoded and split as `parseDocument` does.
    static func splitDocumentBody(of file: ContentFile) -> String? {
        guard case .success(let text) = SourceText.decode(file), case .success(let split) = FrontMatter.split(text) else { return nil }
        return split.body
    }
}
