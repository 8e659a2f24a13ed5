import Foundation
import PortalModel

/// Publishes the content schemas in other forms, made from the same definitions the loader validates with:
/// JSON Schemas for editors and a field reference for the authors' documentation.
public enum SchemaExport {
    /// A content file type and the schema of its YAML.
    struct FileType {
        var fileName: String
        var title: String
        var pattern: String
        var schema: ObjectSchema
        /// For a file that is a list of entries (bodies.yml, partners.yml): the key that may hold the list
        /// instead (`bodies:`), as the loader accepts both forms (`SchemaValidator.validateRootList`).
        var listKey: String?
        /// Whether the YAML is front matter of a Markdown file.
        var isFrontMatter: Bool = true
    }

    static let fileTypes: [FileType] = [
        FileType(fileName: "site", title: "Website-Einstellungen", pattern: "site.yml", schema: ContentSchemas.site, isFrontMatter: false),
        FileType(fileName: "bodies", title: "Gremien", pattern: "bodies.yml", schema: ContentSchemas.body, listKey: "bodies", isFrontMatter: false),
        FileType(fileName: "partners", title: "Partner", pattern: "partners.yml", schema: ContentSchemas.partner, listKey: "partners", isFrontMatter: false),
        FileType(fileName: "motion", title: "Vorlage (Antrag, Anfrage …)", pattern: "motions/*.md", schema: ContentSchemas.motion),
        FileType(fileName: "measure", title: "Maßnahme", pattern: "measures/<slug>.md", schema: ContentSchemas.measure),
        FileType(fileName: "update", title: "Meldung", pattern: "updates/<JJJJ-MM-TT>-<slug>.md", schema: ContentSchemas.update),
        FileType(fileName: "page", title: "Freie Seite", pattern: "pages/<slug>.md", schema: ContentSchemas.page),
    ]

    /// JSON Schema (draft-07) files by name, such as `measure.schema.json`, pretty-printed with sorted keys.
    public static func jsonSchemas(baseURL: String) -> [(name: String, text: String)] {
        fileTypes.map { type in
            var definitions: [String: Any] = [:]
            collectDefinitions(type.schema, into: &definitions)
            let root: [String: Any]
            if let listKey = type.listKey {
                // A bare list, the list under `listKey` (extension keys beside it), or an empty file.
                let list: [String: Any] = ["type": "array", "items": ["$ref": "#/definitions/\(type.schema.name)"]]
                let wrapped: [String: Any] = [
                    "type": "object", "required": [listKey],
                    "properties": [listKey: ["anyOf": [list, ["type": "null"]]]],
                    "patternProperties": ["^[xX]-": [:] as [String: Any]], "additionalProperties": false,
                ]
                root = ["anyOf": [list, wrapped, ["type": "null"]]]
            } else {
                root = ["$ref": "#/definitions/\(type.schema.name)"]
            }
            var document: [String: Any] = root
            document["$schema"] = "http://json-schema.org/draft-07/schema#"
            document["$id"] = "\(baseURL)/schemas/\(type.fileName).schema.json"
            document["title"] = "\(type.title) (\(type.pattern))"
            document["definitions"] = definitions
            let data = (try? JSONSerialization.data(withJSONObject: document, options: [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes])) ?? Data()
            return ("\(type.fileName).schema.json", String(decoding: data, as: UTF8.self) + "\n")
        }
    }

    private static func collectDefinitions(_ schema: ObjectSchema, into definitions: inout [String: Any]) {
        guard definitions[schema.name] == nil else { return }
        definitions[schema.name] = [:] as [String: Any]
        var properties: [String: Any] = [:]
        for field in schema.fields {
            var property = jsonType(field.type, definitions: &definitions)
            property["description"] = field.summary
            if !field.example.isEmpty, !field.example.contains("…") { property["examples"] = [field.example] }
            properties[field.key] = property
        }
        var object: [String: Any] = [
            "type": "object", "description": schema.summary, "properties": properties,
            "patternProperties": ["^[xX]-": [:] as [String: Any]], "additionalProperties": false,
        ]
        // A key required "unless another key is set" (resolutionItems beside oparl) is not required in the schema.
        let required = schema.fields.filter { $0.required && $0.notRequiredWith == nil }.map(\.key)
        if !required.isEmpty { object["required"] = required }
        definitions[schema.name] = object
    }

    private static func jsonType(_ type: FieldType, definitions: inout [String: Any]) -> [String: Any] {
        switch type {
        case .text(let maxLength):
            var result: [String: Any] = ["type": "string", "minLength": 1]
            if let maxLength { result["maxLength"] = maxLength }
            return result
        case .markdown: return ["type": "string"]
        case .identifier: return ["type": "string", "pattern": "^[a-z0-9]+(-[a-z0-9]+)*$"]
        case .date: return ["type": "string", "pattern": "^[0-9]{4}-(0[1-9]|1[0-2])(-(0[1-9]|[12][0-9]|3[01]))?$"]
        case .url: return ["type": "string", "pattern": "^(https?://[^\\s/]+\\.[^\\s]*|https?://localhost[^\\s]*|/[^/\\s][^\\s]*|/)$"]
        case .email: return ["type": "string", "pattern": "^[^@\\s]+@[^@\\s]+\\.[^@\\s]+$"]
        case .boolean: return ["type": "boolean"]
        case .integer(let minimum):
            var result: [String: Any] = ["type": "integer"]
            if let minimum { result["minimum"] = minimum }
            return result
        case .number(let minimum):
            var result: [String: Any] = ["type": "number"]
            if let minimum { result["minimum"] = minimum }
            return result
        case .vocabulary(let values): return ["type": "string", "enum": values]
        case .list(let element): return ["type": "array", "items": jsonType(element, definitions: &definitions)]
        case .object(let schema):
            collectDefinitions(schema, into: &definitions)
            return ["$ref": "#/definitions/\(schema.name)"]
        case .oneOf(let alternatives):
            return ["anyOf": alternatives.map { jsonType($0, definitions: &definitions) }]
        }
    }

    /// The field reference for authors (German Markdown), every field with its type and an example.
    public static func fieldReference() -> String {
        var lines = [
            "# Feldreferenz",
            "",
            "<!-- Erzeugt aus Sources/PortalContent/ContentSchemas.swift; nicht von Hand ändern. Neu erzeugen mit: PORTAL_UPDATE_GOLDEN=1 swift test --filter DocumentationTests -->",
            "",
            "Jede Inhaltsdatei und jedes Feld, das `portal` kennt. **Pflicht** heißt: ohne dieses Feld bricht der Build mit einer Fehlermeldung ab.",
            "Unbekannte Felder ergeben eine Warnung (mit `--strict` einen Fehler); Felder, die mit `x-` beginnen, werden ohne Prüfung übernommen.",
            "",
        ]
        var documented = Set<String>()
        func document(_ schema: ObjectSchema, heading: String) {
            guard documented.insert(schema.name).inserted else { return }
            lines.append(heading)
            lines.append("")
            lines.append(schema.summary)
            lines.append("")
            lines.append("| Feld | Pflicht | Typ | Bedeutung | Beispiel |")
            lines.append("|---|---|---|---|---|")
            var nested: [ObjectSchema] = []
            for field in schema.fields {
                let example = field.example.isEmpty ? "" : "`\(field.key): \(field.example.replacing("|", with: "\\|"))`"
                lines.append("| `\(field.key)` | \(field.required ? "Pflicht" : "") | \(germanType(field.type)) | \(field.summary) | \(example) |")
                nested += objects(in: field.type)
            }
            lines.append("")
            for child in nested { document(child, heading: "### \(child.name)") }
        }
        for type in fileTypes {
            document(type.schema, heading: "## \(type.title): `\(type.pattern)`")
        }
        return lines.joined(separator: "\n") + "\n"
    }

    private static func objects(in type: FieldType) -> [ObjectSchema] {
        switch type {
        case .object(let schema): [schema]
        case .list(let element): objects(in: element)
        case .oneOf(let alternatives): alternatives.flatMap(objects(in:))
        default: []
        }
    }

    private static func germanType(_ type: FieldType) -> String {
        switch type {
        case .text(let maxLength): maxLength.map { "Text (höchstens \($0) Zeichen)" } ?? "Text"
        case .markdown: "Markdown"
        case .identifier: "Kennung (a–z, 0–9, -)"
        case .date: "Datum (JJJJ-MM-TT oder JJJJ-MM)"
        case .url: "URL (https://…) oder Pfad (/…)"
        case .email: "E-Mail-Adresse"
        case .boolean: "true/false"
        case .integer: "ganze Zahl"
        case .number: "Zahl"
        case .vocabulary(let values): "eins von: " + values.map { "`\($0)`" }.joined(separator: ", ")
        case .list(let element): "Liste von " + germanType(element)
        case .object(let schema): "Objekt [\(schema.name)](#\(schema.name.lowercased()))"
        case .oneOf(let alternatives): alternatives.map(germanType).joined(separator: " oder ")
        }
    }
}
