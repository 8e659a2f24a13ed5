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
        /// The bodies.yml entries of organizations that no body maps to with `oparlId`.
        var bodies: [YAMLNode]
        public var diagnostics: [Diagnostic]
        public var hasErrors: Bool { diagnostics.contains { $0.severity == .error } }

        /// The number of bodies to add to bodies.yml.
        public var bodyCount: Int { bodies.count }

        /// The new bodies as a bare YAML list (`- id: …` lines), empty when there are none.
        public var bodyEntries: String {
            bodies.isEmpty ? "" : YAMLWriter.write(YAMLNode(kind: .sequence(bodies), line: 1, column: 1))
        }

        /// The text of bodies.yml with the new bodies added in the form the file already has (a bare list, or
        /// an indented or flush list under `bodies:`), everything the author wrote kept; `existing` is the
        /// current file, nil when there is none. A diagnostic when the entries cannot be added safely.
        public func bodiesFile(updating existing: ContentFile?) -> Swift.Result<String, Diagnostic> {
            BodiesListAppender.append(bodies, heading: "Übernommen aus OParl:", to: existing, listKey: "bodies")
        }
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
            // The file name goes into a YAML comment: a line break in it must not start a line of front matter.
            let source = String(paper.file.displayPath.unicodeScalars.map { scalar in
                switch scalar.properties.generalCategory {
                case .control, .lineSeparator, .paragraphSeparator: "?"
                default: Character(scalar)
                }
            })
            motions.append(OutputFile(relativePath: path, text: "---\n# Übernommen aus OParl (\(source)).\n" + YAMLWriter.write(paper.frontMatter) + "---\n"))
        }
        var bodies: [YAMLNode] = []
        for body in importer.bodies {
            var validator = SchemaValidator(file: body.file)
            _ = validator.validate(body.entry, as: .object(ContentSchemas.body), path: "")
            diagnostics += validator.diagnostics
            bodies.append(body.entry)
        }
        return Result(motions: motions, bodies: bodies, diagnostics: diagnostics)
    }
}
