import PortalMarkdown
import PortalModel

/// Writes the starting text of a new content file (`portal new`): every required key with a sensible default,
/// every optional key commented out, and a German comment for each key made from the content schema's summary,
/// type and example, so the comments cannot drift from what the loader checks. Pure: no file access.
public enum Scaffold {
    /// The kinds of content file `portal new` creates.
    public enum Kind: String, CaseIterable, Sendable {
        case measure
        case motion
        case update
        case page
    }

    /// Values the defaults are taken from; the caller reads them from the content folder.
    public struct Defaults: Sendable, Hashable {
        /// The date written into date fields and update file names (the build's as-of date).
        public var today: LocalDate
        /// The first area id of site.yml, used as a new measure's `area`.
        public var areaID: String?
        /// The first body id of bodies.yml, used as a new motion's `originator`.
        public var bodyID: String?

        public init(today: LocalDate, areaID: String? = nil, bodyID: String? = nil) {
            self.today = today
            self.areaID = areaID
            self.bodyID = bodyID
        }

        /// The first area id in `siteYAML` (site.yml) and the first body id in `bodiesYAML` (bodies.yml), each `nil`
        /// when the text is missing, broken or has no such id.
        public static func ids(siteYAML: String?, bodiesYAML: String?) -> (areaID: String?, bodyID: String?) {
            func root(_ text: String?, _ name: String) -> YAMLNode? {
                guard let text else { return nil }
                let file = ContentFile(relativePath: name, displayPath: name, bytes: Array(text.utf8))
                return try? YAMLReader.parse(text, firstLine: 1, file: file).get()
            }
            func firstID(in node: YAMLNode?) -> String? {
                guard case .sequence(let entries)? = node?.kind else { return nil }
                for entry in entries {
                    guard case .mapping(let pairs) = entry.kind,
                          case .scalar(let id, _)? = pairs.first(where: { $0.key == "id" })?.value.kind,
                          Slug.isValid(id) else { continue }
                    return id
                }
                return nil
            }
            var areas: YAMLNode?
            if case .mapping(let pairs)? = root(siteYAML, "site.yml")?.kind {
                areas = pairs.first { $0.key == "areas" }?.value
            }
            return (firstID(in: areas), firstID(in: root(bodiesYAML, "bodies.yml")))
        }
    }

    /// A new file: where it goes below the content folder, its text, and the page it becomes.
    public struct File: Sendable, Hashable {
        /// Such as `measures/buerger-chatbot.md`.
        public var relativePath: String
        public var text: String
        /// The page the file becomes on the site.
        public var route: Route
    }

    /// Why no file could be made.
    public enum Failure: Error, Hashable, CustomStringConvertible {
        /// The name has no letters or digits to build a file name from.
        case nameWithoutLettersOrDigits(String)

        public var description: String {
            switch self {
            case .nameWithoutLettersOrDigits(let name):
                "The name '\(name)' has no letters or digits to build a file name from. Use a title such as \"Bürger-Chatbot\" (or a reference such as AT/0050/2025 for a motion)."
            }
        }
    }

    /// The new file of `kind` named `name` (a title; for a motion its reference such as `AT/0050/2025`).
    public static func file(_ kind: Kind, name: String, defaults: Defaults) throws(Failure) -> File {
        try file(kind, name: name, defaults: defaults, optionalKeys: .commentedOut)
    }

    /// How optional keys are written.
    enum OptionalKeys {
        /// Commented out, for the author to enable (what `portal new` writes).
        case commentedOut
        /// Written as active keys with their examples, so tests can check the examples are valid YAML.
        case active
    }

    /// The new file, with optional keys written as `optionalKeys` says.
    static func file(_ kind: Kind, name: String, defaults: Defaults, optionalKeys: OptionalKeys) throws(Failure) -> File {
        let name = singleLine(name)
        let slug = Slug.make(from: name)
        guard !slug.isEmpty else { throw .nameWithoutLettersOrDigits(name) }
        switch kind {
        case .measure:
            return File(relativePath: "measures/\(slug).md", text: measureText(title: name, slug: slug, defaults: defaults, optionalKeys: optionalKeys), route: .measure(slug))
        case .motion:
            let stem = motionFileStem(reference: name)
            return File(relativePath: "motions/\(stem).md", text: motionText(reference: name, defaults: defaults, optionalKeys: optionalKeys), route: .motion(slug))
        case .update:
            let stem = "\(defaults.today.iso)-\(slug)"
            return File(relativePath: "updates/\(stem).md", text: updateText(title: name, defaults: defaults, optionalKeys: optionalKeys), route: .update(Slug.make(from: stem)))
        case .page:
            return File(relativePath: "pages/\(slug).md", text: pageText(title: name, optionalKeys: optionalKeys), route: .page(slug))
        }
    }

    /// A motion's file name from its reference, keeping its letters: `AT/0050/2025` → `AT-0050-2025`.
    public static func motionFileStem(reference: String) -> String {
        var stem = ""
        var pendingSeparator = false
        for scalar in reference.unicodeScalars {
            if scalar.isASCII, scalar.properties.isAlphabetic || ("0"..."9").contains(scalar) {
                if pendingSeparator, !stem.isEmpty { stem.append("-") }
                pendingSeparator = false
                stem.unicodeScalars.append(scalar)
            } else {
                pendingSeparator = true
            }
        }
        return stem.isEmpty ? Slug.make(from: reference) : stem
    }

    // MARK: The four kinds

    private static func measureText(title: String, slug: String, defaults: Defaults, optionalKeys: OptionalKeys) -> String {
        let values: [String: Value] = [
            "title": .text(title),
            "summary": .text("Bitte ausfüllen – was die Maßnahme tut, in ein oder zwei Sätzen in einfacher Sprache."),
            "area": .text(defaults.areaID ?? "bitte-ausfuellen"),
            "status": .text(MeasureStatus.idea.rawValue),
            "riskClass": .text(RiskClass.unassessed.rawValue),
            "automation": .text(Automation.assistive.rawValue),
            "humanOversight": .text("Bitte ausfüllen – wer die Ergebnisse prüft und wie."),
            "personalData": .text(PersonalData.personal.rawValue),
            "legalBasis": .list(["Bitte ausfüllen – z. B. Art. 6 Abs. 1 lit. e DSGVO"]),
            "contact": .text("Bitte ausfüllen – E-Mail-Adresse der Ansprechstelle"),
            "responsibleUnit": .text("Bitte ausfüllen – zuständiges Amt"),
            "updated": .plain(defaults.today.iso),
        ]
        var notes = [
            "Neue KI-Maßnahme. Sie erscheint unter \(Route.measure(slug).path) (die Adresse kommt aus dem Dateinamen).",
            "Standardwerte zum Start: status idea (Idee), riskClass unassessed (noch nicht eingestuft), personalData personal – bitte prüfen und anpassen.",
        ]
        if defaults.areaID == nil {
            notes.append("Für area gibt es noch keinen Bereich: Tragen Sie die id eines Bereichs aus site.yml (areas) ein.")
        }
        return document(
            schema: ContentSchemas.measure, values: values, notes: notes, optionalKeys: optionalKeys,
            body: "Bitte ersetzen Sie diesen Text durch die Beschreibung der Maßnahme: Was tut sie, für wen, seit wann, und was ändert sich für Bürgerinnen und Bürger?")
    }

    private static func motionText(reference: String, defaults: Defaults, optionalKeys: OptionalKeys) -> String {
        let item: [String: Value] = [
            "id": .plain("1"),
            "text": .text("Bitte ausfüllen – Wortlaut des ersten Beschlusspunktes."),
            "status": .text(ItemStatus.open.rawValue),
        ]
        let values: [String: Value] = [
            "reference": .text(reference),
            "name": .text("Bitte ausfüllen – Betreff der Vorlage"),
            "date": .plain(defaults.today.iso),
            "paperType": .text(PaperType.motion.rawValue),
            "originator": defaults.bodyID.map { .text($0) } ?? .list(["Bitte ausfüllen – Name der Verfasserin oder des Verfassers"]),
            "resolutionItems": .objects([item]),
        ]
        var notes = [
            "Neue Vorlage (Antrag, Anfrage, Beschlussvorlage …). Sie erscheint unter \(Route.motion(Slug.make(from: reference)).path) (die Adresse kommt aus reference).",
            "Jeder Punkt unter resolutionItems wird einzeln verfolgt; weitere Punkte mit id 2, 3 … anfügen.",
        ]
        if defaults.bodyID == nil {
            notes.append("bodies.yml hat noch kein Gremium; originator nennt deshalb Personen. Mit Gremien steht hier deren id.")
        }
        return document(
            schema: ContentSchemas.motion, values: values, notes: notes, optionalKeys: optionalKeys,
            body: "Bitte ersetzen Sie diesen Text durch die Begründung der Vorlage.")
    }

    private static func updateText(title: String, defaults: Defaults, optionalKeys: OptionalKeys) -> String {
        let values: [String: Value] = [
            "title": .text(title),
            "date": .plain(defaults.today.iso),
        ]
        let notes = [
            "Neue Meldung. Das Datum im Dateinamen und date sollen übereinstimmen.",
        ]
        return document(
            schema: ContentSchemas.update, values: values, notes: notes, optionalKeys: optionalKeys,
            body: "Bitte ersetzen Sie diesen Text durch die Meldung.")
    }

    private static func pageText(title: String, optionalKeys: OptionalKeys) -> String {
        let values: [String: Value] = ["title": .text(title)]
        let notes = [
            "Neue freie Seite. Die Adresse kommt aus dem Dateinamen (oder aus slug).",
        ]
        return document(
            schema: ContentSchemas.page, values: values, notes: notes, optionalKeys: optionalKeys,
            body: "Bitte ersetzen Sie diesen Text durch den Inhalt der Seite. Zwischenüberschriften schreiben Sie mit ## am Zeilenanfang.")
    }

    // MARK: Writing YAML with comments

    /// A value written into the new file.
    enum Value: Sendable, Hashable {
        /// Text, quoted where YAML would otherwise read it differently.
        case text(String)
        /// Written as it is (numbers).
        case plain(String)
        /// A list of texts.
        case list([String])
        /// A list of objects, each with values for some of its schema's keys.
        case objects([[String: Value]])
    }

    /// Front matter for `schema` with `values` for the required keys, the optional keys commented out, and `body`.
    static func document(schema: ObjectSchema, values: [String: Value], notes: [String], optionalKeys: OptionalKeys, body: String) -> String {
        var lines = ["---"]
        let introduction = notes + [
            "So geht es weiter: Felder ausfüllen, speichern und das Ergebnis mit „portal serve“ im Browser ansehen (oder mit „portal check“ prüfen).",
            "Zeilen mit # sind Kommentare und erscheinen nicht auf der Website. Ein optionales Feld nutzen Sie, indem Sie das # davor löschen.",
            "Alle Felder mit Beispielen: die Feldreferenz von portal (docs/referenz/felder.md).",
        ]
        for note in introduction { lines += wrapComment(note, indent: "") }
        lines += fields(of: schema, values: values, indent: "", optionalKeys: optionalKeys)
        lines.append("---")
        lines.append(body)
        return lines.joined(separator: "\n") + "\n"
    }

    /// Every field of `schema`: a comment, then the value (required keys) or a commented-out example (optional keys).
    private static func fields(of schema: ObjectSchema, values: [String: Value], indent: String, optionalKeys: OptionalKeys) -> [String] {
        var lines: [String] = []
        for field in schema.fields {
            if indent.isEmpty { lines.append("") }
            for paragraph in describe(field) { lines += wrapComment(paragraph, indent: indent) }
            if field.required {
                lines += write(field, value: values[field.key] ?? fallback(for: field), indent: indent, optionalKeys: optionalKeys)
            } else if optionalKeys == .active {
                lines += example(of: field, indent: indent)
            } else {
                lines += example(of: field, indent: indent).map { line in
                    line.isEmpty ? line : indent + "# " + line.dropFirst(indent.count)
                }
            }
        }
        return lines
    }

    /// `key: value` lines for a required field.
    private static func write(_ field: FieldSchema, value: Value, indent: String, optionalKeys: OptionalKeys) -> [String] {
        switch value {
        case .text(let text):
            return ["\(indent)\(field.key): \(yamlScalar(text))"]
        case .plain(let text):
            return ["\(indent)\(field.key): \(text)"]
        case .list(let items):
            return ["\(indent)\(field.key):"] + items.map { "\(indent)  - \(yamlScalar($0))" }
        case .objects(let objects):
            var lines = ["\(indent)\(field.key):"]
            guard case .list(.object(let schema)) = field.type else { return lines }
            for object in objects {
                let inner = fields(of: schema, values: object, indent: indent + "    ", optionalKeys: optionalKeys)
                // The first key line of the object starts the list entry ("  - key: value").
                // The first key line starts the list entry ("  - key: value"); comments above it align with the dash.
                var started = false
                for line in inner {
                    let text = line.drop(while: { $0 == " " })
                    if started {
                        lines.append(line)
                    } else if text.hasPrefix("#") {
                        lines.append(indent + "  " + text)
                    } else {
                        lines.append(indent + "  - " + text)
                        started = true
                    }
                }
            }
            return lines
        }
    }

    /// An uncommented example of an optional field (the caller comments it out), from the schema's example or,
    /// for objects, from the examples of their keys.
    private static func example(of field: FieldSchema, indent: String) -> [String] {
        switch field.type {
        case .object(let schema) where field.example.isEmpty || field.example.contains("…"):
            return ["\(indent)\(field.key):"] + exampleObject(schema, indent: indent + "  ", listItem: false)
        case .list(.object(let schema)):
            return ["\(indent)\(field.key):"] + exampleObject(schema, indent: indent + "    ", listItem: true)
        default:
            let value = field.example.isEmpty ? placeholderExample(for: field.type) : field.example
            return ["\(indent)\(field.key): \(value)"]
        }
    }

    /// Every key of `schema` with its example, as a nested object or as one list entry (`- key: …`).
    private static func exampleObject(_ schema: ObjectSchema, indent: String, listItem: Bool) -> [String] {
        var lines: [String] = []
        for field in schema.fields {
            lines += example(of: field, indent: indent)
        }
        if listItem, let first = lines.first {
            lines[0] = String(indent.dropLast(2)) + "- " + first.dropFirst(indent.count)
        }
        return lines
    }

    /// A value for a required field that has none of its own: the schema's example, else a placeholder of its type.
    private static func fallback(for field: FieldSchema) -> Value {
        if !field.example.isEmpty, !field.example.contains("…") { return .plain(field.example) }
        return .plain(placeholderExample(for: field.type))
    }

    /// A valid value of `type` for examples that the schema does not give.
    private static func placeholderExample(for type: FieldType) -> String {
        switch type {
        case .text, .markdown: "Bitte ausfüllen"
        case .identifier: "bitte-ausfuellen"
        case .date: "2025-01-01"
        case .url: "https://www.example.de"
        case .email: "info@example.de"
        case .boolean: "true"
        case .integer(let minimum): String(minimum ?? 1)
        case .number(let minimum): String(Int(minimum ?? 1))
        case .vocabulary(let values): values.first ?? ""
        case .list(let element): "[\(placeholderExample(for: element))]"
        case .object: "{}"
        case .oneOf(let alternatives): alternatives.first.map(placeholderExample(for:)) ?? ""
        }
    }

    /// The comment above a key: its summary, whether it is required and its type; for a required key also its
    /// example (an optional key's commented-out line is its example).
    private static func describe(_ field: FieldSchema) -> [String] {
        var text = field.summary
        if !text.hasSuffix(".") && !text.hasSuffix("?") && !text.hasSuffix(")") { text += "." }
        text += field.required ? " Pflichtfeld; " : " Optional; "
        text += typeHint(field.type) + "."
        var paragraphs = [text]
        if field.required, !field.example.isEmpty, !isObjectLike(field.type) {
            paragraphs.append("Beispiel: \(field.key): \(field.example)")
        }
        return paragraphs
    }

    private static func isObjectLike(_ type: FieldType) -> Bool {
        switch type {
        case .object, .list(.object): true
        default: false
        }
    }

    /// The kind of value in a few German words.
    private static func typeHint(_ type: FieldType) -> String {
        switch type {
        case .text(let maxLength): maxLength.map { "Text, höchstens \($0) Zeichen" } ?? "Text"
        case .markdown: "Text (Markdown)"
        case .identifier: "Kennung aus a–z, 0–9 und -"
        case .date: "Datum JJJJ-MM-TT (oder JJJJ-MM)"
        case .url: "Adresse https://… oder /…"
        case .email: "E-Mail-Adresse"
        case .boolean: "true oder false"
        case .integer: "ganze Zahl"
        case .number: "Zahl"
        case .vocabulary(let values): "eins von: " + values.joined(separator: ", ")
        case .list(.object(let schema)): "Liste; je Eintrag: " + schema.fields.map(\.key).joined(separator: ", ")
        case .list(let element): "Liste (\(typeHint(element)))"
        case .object(let schema): "Angaben: " + schema.fields.map(\.key).joined(separator: ", ")
        case .oneOf(let alternatives): alternatives.map(typeHint).joined(separator: " oder ")
        }
    }

    /// `text` as comment lines of at most about 110 characters.
    private static func wrapComment(_ text: String, indent: String) -> [String] {
        let limit = 110
        var lines: [String] = []
        var current = indent + "#"
        for word in text.split(separator: " ") {
            if current.count + 1 + word.count > limit, current.count > indent.count + 1 {
                lines.append(current)
                current = indent + "#"
            }
            current += " " + word
        }
        lines.append(current)
        return lines
    }

    /// `text` as a YAML scalar: plain when YAML reads it back as the same text, double-quoted otherwise.
    static func yamlScalar(_ text: String) -> String {
        let reserved: Set<String> = ["true", "false", "yes", "no", "on", "off", "y", "n", "null", "~"]
        let indicators: Set<Character> = ["-", "?", ":", ",", "[", "]", "{", "}", "#", "&", "*", "!", "|", ">", "'", "\"", "%", "@", "`"]
        let needsQuotes = text.isEmpty
            || text.first!.isWhitespace || text.last!.isWhitespace
            || indicators.contains(text.first!)
            || text.contains(": ") || text.contains(" #") || text.hasSuffix(":")
            || reserved.contains(text.lowercased())
            || text.first!.isNumber || text.first == "+" || text.first == "."
            || text.contains("\\")
        guard needsQuotes else { return text }
        let escaped = text.replacing("\\", with: "\\\\").replacing("\"", with: "\\\"")
        return "\"\(escaped)\""
    }

    /// `text` on one line: control characters become spaces, and surrounding spaces are removed.
    private static func singleLine(_ text: String) -> String {
        let characters = text.unicodeScalars.map { $0.properties.generalCategory == .control ? " " : Character($0) }
        let trimmed = characters.drop(while: \.isWhitespace).reversed().drop(while: \.isWhitespace).reversed()
        return String(trimmed)
    }
}
