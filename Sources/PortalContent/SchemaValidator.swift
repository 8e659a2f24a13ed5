import PortalMarkdown
import Foundation
import PortalDiagnostics
import PortalModel

/// Checks YAML against a schema and turns it into `Value`s, collecting every problem as a diagnostic.
struct SchemaValidator {
    let file: ContentFile
    private(set) var diagnostics: [Diagnostic] = []

    init(file: ContentFile) {
        self.file = file
    }

    /// Validates the root of a file, which must be a mapping.
    mutating func validateRoot(_ node: YAMLNode, against schema: ObjectSchema) -> ObjectValue {
        let location = file.location(line: node.line, column: node.column)
        guard case .mapping = node.kind else {
            if case .null = node.kind {
                report(.error(.missingKey, "The file has no keys. Required: \(requiredKeys(schema)).", at: location))
            } else {
                report(.error(.wrongType, "Expected keys such as '\(schema.fields.first?.key ?? "title"): …' but found \(node.kindDescription).", at: location))
            }
            return ObjectValue(values: [:], location: location)
        }
        return validateObject(node, schema: schema, path: "")
    }

    /// Validates the items of a root list (as in `bodies.yml`), each against `schema`.
    mutating func validateRootList(_ node: YAMLNode, of schema: ObjectSchema, listKey: String) -> [ObjectValue] {
        let location = file.location(line: node.line, column: node.column)
        var listNode = node
        // Accept both a bare list and `bodies:` / `partners:` holding the list.
        if case .mapping(let pairs) = node.kind {
            for pair in pairs where pair.key != listKey && !ObjectSchema.isExtensionKey(pair.key) {
                report(.warning(.unknownKey, "Unknown key '\(pair.key)': this file holds a list under '\(listKey)'.",
                                at: file.location(line: pair.keyLine, column: pair.keyColumn)))
            }
            guard let pair = pairs.first(where: { $0.key == listKey }) else {
                report(.error(.missingKey, "Expected a list of entries (or '\(listKey):' with a list).", at: location))
                return []
            }
            listNode = pair.value
        }
        switch listNode.kind {
        case .sequence(let items):
            return items.enumerated().compactMap { index, item in
                validate(item, as: .object(schema), path: "[\(index + 1)]").object
            }
        case .null:
            return []
        default:
            report(.error(.wrongType, "Expected a list of entries, each starting with '- id: …', but found \(listNode.kindDescription).", at: location))
            return []
        }
    }

    mutating func report(_ diagnostic: Diagnostic) {
        diagnostics.append(diagnostic)
    }

    private func requiredKeys(_ schema: ObjectSchema) -> String {
        schema.fields.filter(\.required).map(\.key).joined(separator: ", ")
    }

    private func describe(_ path: String) -> String {
        path.isEmpty ? "" : "'\(path)' "
    }

    private mutating func validateObject(_ node: YAMLNode, schema: ObjectSchema, path: String) -> ObjectValue {
        let location = file.location(line: node.line, column: node.column)
        guard case .mapping(let pairs) = node.kind else { return ObjectValue(values: [:], location: location) }
        var values: [String: Value] = [:]
        var seen = Set<String>()
        let known = schema.fields.map(\.key)
        for pair in pairs {
            let keyLocation = file.location(line: pair.keyLine, column: pair.keyColumn)
            let childPath = path.isEmpty ? pair.key : "\(path).\(pair.key)"
            guard seen.insert(pair.key).inserted else {
                report(.error(.duplicateKey, "The key '\(pair.key)' appears twice. Keep one and delete the other.", at: keyLocation))
                continue
            }
            if ObjectSchema.isExtensionKey(pair.key) { continue }
            guard let field = schema.field(pair.key) else {
                let hint = NameSuggester.hint(for: pair.key, among: known)
                let list = hint.isEmpty ? " Known keys: \(known.joined(separator: ", "))." : ""
                report(.warning(.unknownKey, "Unknown key '\(childPath)' is ignored.\(hint)\(list)", at: keyLocation))
                continue
            }
            let value = validate(pair.value, as: field.type, path: childPath)
            if case .invalid = value.kind, case .null = pair.value.kind {
                if field.required {
                    report(.error(.emptyValue, "'\(childPath)' is empty. Give it \(field.type.description).", at: keyLocation))
                }
                continue
            }
            values[pair.key] = value
        }
        for field in schema.fields where field.required && values[field.key] == nil && !seen.contains(field.key) {
            if let other = field.notRequiredWith, seen.contains(other) || values[other] != nil { continue }
            let childPath = path.isEmpty ? field.key : "\(path).\(field.key)"
            let example = field.example.isEmpty ? "" : " For example: \(field.key): \(field.example.split(separator: "\n").first ?? "")"
            report(.error(.missingKey, "Required key '\(childPath)' is missing. Add it: \(field.type.description).\(example)", at: location))
        }
        return ObjectValue(values: values, location: location)
    }

    /// Checks one node against a type.
    mutating func validate(_ node: YAMLNode, as type: FieldType, path: String) -> Value {
        let location = file.location(line: node.line, column: node.column)
        let invalid = Value(kind: .invalid, location: location)
        if case .null = node.kind { return invalid }
        func wrongType() -> Value {
            report(.error(.wrongType, "\(describe(path))should be \(type.description), but is \(node.kindDescription).", at: location))
            return invalid
        }
        switch type {
        case .object(let schema):
            guard case .mapping = node.kind else { return wrongType() }
            return Value(kind: .object(validateObject(node, schema: schema, path: path)), location: location)
        case .list(let element):
            guard case .sequence(let items) = node.kind else {
                // A single value where a list is expected is accepted as a list of one.
                if case .scalar = node.kind, case .list = type {
                    let single = validate(node, as: element, path: path)
                    if case .invalid = single.kind { return invalid }
                    return Value(kind: .list([single]), location: location)
                }
                return wrongType()
            }
            let values = items.enumerated().map { index, item in
                validate(item, as: element, path: "\(path)[\(index + 1)]")
            }.filter { if case .invalid = $0.kind { false } else { true } }
            return Value(kind: .list(values), location: location)
        case .oneOf(let alternatives):
            for alternative in alternatives where shapeFits(node, alternative) {
                return validate(node, as: alternative, path: path)
            }
            return wrongType()
        default:
            guard case .scalar(let raw, let isPlain) = node.kind else { return wrongType() }
            return validateScalar(raw, isPlain: isPlain, as: type, path: path, location: location)
        }
    }

    private func shapeFits(_ node: YAMLNode, _ type: FieldType) -> Bool {
        switch (node.kind, type) {
        case (.sequence, .list), (.mapping, .object): true
        case (.scalar, .list), (.scalar, .object), (.sequence, _), (.mapping, _): false
        case (.scalar, _): true
        case (.null, _): true
        }
    }

    private mutating func validateScalar(_ raw: String, isPlain: Bool, as type: FieldType, path: String, location: SourceLocation) -> Value {
        if case .markdown = type { return Value(kind: .text(raw), location: location) }
        let invalid = Value(kind: .invalid, location: location)
        let text = raw.trimmingWhitespaceAndNewlines()
        var name: String { describe(path) }
        switch type {
        case .text(let maxLength):
            if text.isEmpty {
                report(.error(.emptyValue, "\(name)is empty. Write the text or delete the key.", at: location))
                return invalid
            }
            if let maxLength, text.utf8.count > maxLength, text.count > maxLength {
                report(.error(.tooLong, "\(name)has \(text.count) characters; at most \(maxLength) are allowed. Shorten it by \(text.count - maxLength).", at: location))
            }
            return Value(kind: .text(text), location: location)
        case .markdown:
            return Value(kind: .text(raw), location: location)
        case .identifier:
            guard Slug.isValid(text) else {
                let suggestion = Slug.make(from: text)
                let hint = suggestion.isEmpty ? "" : " Use '\(suggestion)'."
                report(.error(.invalidValue, "\(name)'\(text)' is not a valid id: use lowercase letters a–z, digits and hyphens.\(hint)", at: location))
                return invalid
            }
            return Value(kind: .text(text), location: location)
        case .date:
            guard let date = LocalDate(iso: text) else {
                report(.error(.invalidDate, "\(name)'\(text)' is not a valid date. \(DateAdvice.advice(for: text))", at: location))
                return invalid
            }
            return Value(kind: .date(date), location: location)
        case .url:
            guard URLCheck.isValid(text) else {
                report(.error(.invalidURL, "\(name)'\(text)' is not a valid URL. Write a full address such as https://www.example.de/seite, or a path on this site starting with /.", at: location))
                return invalid
            }
            return Value(kind: .text(text), location: location)
        case .email:
            guard URLCheck.isEmail(text) else {
                report(.error(.invalidValue, "\(name)'\(text)' is not a valid e-mail address (name@example.de).", at: location))
                return invalid
            }
            return Value(kind: .text(text), location: location)
        case .boolean:
            switch text.lowercased() {
            case "true", "yes", "on", "ja": return Value(kind: .boolean(true), location: location)
            case "false", "no", "off", "nein": return Value(kind: .boolean(false), location: location)
            default:
                report(.error(.wrongType, "\(name)should be true or false, but is '\(text)'.", at: location))
                return invalid
            }
        case .integer(let minimum):
            guard let number = Int(text.replacing("_", with: "")) else {
                report(.error(.wrongType, "\(name)should be a whole number, but is '\(text)'.", at: location))
                return invalid
            }
            if let minimum, number < minimum {
                report(.error(.invalidValue, "\(name)must be at least \(minimum), but is \(number).", at: location))
                return invalid
            }
            return Value(kind: .integer(number), location: location)
        case .number(let minimum):
            guard let number = Double(text.replacing("_", with: "")), number.isFinite else {
                let hint = text.contains(",") ? " Use a dot as decimal separator and no thousands separators (1234.5)." : ""
                report(.error(.wrongType, "\(name)should be a number, but is '\(text)'.\(hint)", at: location))
                return invalid
            }
            if let minimum, number < minimum {
                report(.error(.invalidValue, "\(name)must be at least \(minimum), but is \(text).", at: location))
                return invalid
            }
            return Value(kind: .number(number), location: location)
        case .vocabulary(let allowed):
            guard allowed.contains(text) else {
                let hint = NameSuggester.hint(for: text, among: allowed)
                let list = allowed.joined(separator: ", ")
                report(.error(.invalidValue, "\(name)must be one of \(list); '\(text)' is not allowed.\(hint)", at: location))
                return invalid
            }
            return Value(kind: .text(text), location: location)
        case .list, .object, .oneOf:
            return invalid
        }
    }
}
