import PortalDiagnostics
import PortalMarkdown

/// Converts OParl JSON files into hand-editable motion Markdown files and bodies.yml entries, for
/// `portal import oparl`: a city takes over the papers and edits them from then on. Pure: no file access.
public enum OParlMarkdownExport {
    /// A file to write below the content folder.
    public struct OutputFile: Sendable, Hashable {
        /// Such as `motions/1234-2014.md`.
        public var relativePath: String
        public var text: String
    }

    /// What the conversion produced.
    public struct Result: Sendable {
        public var motions: [OutputFile]
        /// Entries to append to bodies.yml (list items starting with `- id:`), empty when every organization
        /// maps to a body with `oparlId`.
        public var bodyEntries: String
        public var diagnostics: [Diagnostic]
        public var hasErrors: Bool { diagnostics.contains { $0.severity == .error } }
    }

    /// Converts `files` (OParl JSON); `bodies` is the existing bodies.yml, if any, for `oparlId` mappings and taken ids.
    public static func convert(files: [ContentFile], bodies: ContentFile?) -> Result {
        var diagnostics: [Diagnostic] = []
        var known: [OParlImporter.KnownBody] = []
        var taken: Set<String> = []
        if let bodies {
            let entries = ContentParser.parseDataFile(bodies, diagnostics: &diagnostics) { validator, node in
                validator.validateRootList(node, of: ContentSchemas.body, listKey: "bodies")
            } ?? []
            for entry in entries {
                guard let id = entry.text("id") else { continue }
                taken.insert(id)
                if let oparlID = entry.text("oparlId") { known.append(.init(id: id, name: entry.text("name") ?? id, oparlID: oparlID)) }
            }
        }
        var sources: [OParlImporter.Source] = []
        for file in files.sorted(by: { $0.relativePath < $1.relativePath }) {
            if let root = ContentParser.parseJSON(file, diagnostics: &diagnostics) { sources.append(.init(file: file, root: root)) }
        }
        var importer = OParlImporter(sources: sources, knownBodies: known, bodyIDs: taken)
        let papers = importer.importPapers()
        diagnostics += importer.diagnostics
        var motions: [OutputFile] = []
        var usedPaths: Set<String> = []
        for paper in papers {
            var validator = SchemaValidator(file: paper.file)
            _ = validator.validateRoot(paper.frontMatter, against: ContentSchemas.motion)
            diagnostics += validator.diagnostics
            var stem = Scaffold.motionFileStem(reference: paper.reference)
            if stem.isEmpty { stem = "vorlage" }
            var path = "motions/\(stem).md"
            var counter = 2
            while usedPaths.contains(path.lowercased()) {
                path = "motions/\(stem)-\(counter).md"
                counter += 1
            }
            usedPaths.insert(path.lowercased())
            let source = paper.file.displayPath
            motions.append(OutputFile(relativePath: path, text: "---\n# Übernommen aus OParl (\(source)).\n" + YAMLWriter.write(paper.frontMatter) + "---\n"))
        }
        var bodyEntries = ""
        for body in importer.bodies {
            var validator = SchemaValidator(file: body.file)
            _ = validator.validate(body.entry, as: .object(ContentSchemas.body), path: "")
            diagnostics += validator.diagnostics
            bodyEntries += YAMLWriter.write(YAMLNode(kind: .sequence([body.entry]), line: 1, column: 1))
        }
        return Result(motions: motions, bodyEntries: bodyEntries, diagnostics: diagnostics)
    }
}
