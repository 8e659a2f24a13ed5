import Foundation
@testable import PortalContent
import PortalModel
import Testing

/// The full fixture site uses every field and every vocabulary value of the content model, so building it
/// exercises every part of the theme.
@Suite struct FullFixtureCoverageTests {
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("Fixtures/sites/full")

    /// The fixture's files as content files.
    func files() throws -> [ContentFile] {
        let enumerator = try #require(FileManager.default.enumerator(atPath: Self.root.path))
        var files: [ContentFile] = []
        while let path = enumerator.nextObject() as? String {
            guard path.hasSuffix(".md") || path.hasSuffix(".yml"), !path.hasPrefix("assets/"), path != "README.md" else { continue }
            let data = try Data(contentsOf: Self.root.appendingPathComponent(path))
            files.append(ContentFile(relativePath: path, displayPath: path, bytes: [UInt8](data)))
        }
        return files
    }

    /// Records every `schema.field` used and every vocabulary value seen below `object`.
    func collect(_ object: ObjectValue, schema: ObjectSchema, fields: inout Set<String>, values: inout Set<String>) {
        for field in schema.fields {
            guard let value = object[field.key] else { continue }
            fields.insert("\(schema.name).\(field.key)")
            collect(value, type: field.type, fields: &fields, values: &values)
        }
    }

    func collect(_ value: Value, type: FieldType, fields: inout Set<String>, values: inout Set<String>) {
        switch type {
        case .vocabulary(let allowed):
            if let text = value.text { values.insert("\(allowed.joined(separator: "|")):\(text)") }
        case .object(let schema):
            if let object = value.object { collect(object, schema: schema, fields: &fields, values: &values) }
        case .list(let element):
            for item in value.list ?? [] { collect(item, type: element, fields: &fields, values: &values) }
        case .oneOf(let alternatives):
            for alternative in alternatives { collect(value, type: alternative, fields: &fields, values: &values) }
        default:
            break
        }
    }

    /// Every field and vocabulary value the schemas define, below `schema`.
    func expected(_ schema: ObjectSchema, fields: inout Set<String>, values: inout Set<String>, seen: inout Set<String>) {
        guard seen.insert(schema.name).inserted else { return }
        for field in schema.fields {
            fields.insert("\(schema.name).\(field.key)")
            expected(field.type, fields: &fields, values: &values, seen: &seen)
        }
    }

    func expected(_ type: FieldType, fields: inout Set<String>, values: inout Set<String>, seen: inout Set<String>) {
        switch type {
        case .vocabulary(let allowed): for value in allowed { values.insert("\(allowed.joined(separator: "|")):\(value)") }
        case .object(let schema): expected(schema, fields: &fields, values: &values, seen: &seen)
        case .list(let element): expected(element, fields: &fields, values: &values, seen: &seen)
        case .oneOf(let alternatives): for alternative in alternatives { expected(alternative, fields: &fields, values: &values, seen: &seen) }
        default: break
        }
    }

    @Test func usesEveryFieldAndValue() throws {
        let (content, diagnostics) = ContentParser.parse(files: try files(), assets: [])
        #expect(diagnostics.isEmpty)
        var usedFields = Set<String>(), usedValues = Set<String>()
        if let site = content.site { collect(site, schema: ContentSchemas.site, fields: &usedFields, values: &usedValues) }
        for body in content.bodies { collect(body, schema: ContentSchemas.body, fields: &usedFields, values: &usedValues) }
        for partner in content.partners { collect(partner, schema: ContentSchemas.partner, fields: &usedFields, values: &usedValues) }
        for (documents, schema) in [(content.motions, ContentSchemas.motion), (content.measures, ContentSchemas.measure), (content.updates, ContentSchemas.update), (content.pages, ContentSchemas.page)] {
            for document in documents { collect(document.fields, schema: schema, fields: &usedFields, values: &usedValues) }
        }
        var allFields = Set<String>(), allValues = Set<String>(), seen = Set<String>()
        for type in SchemaExport.fileTypes { expected(type.schema, fields: &allFields, values: &allValues, seen: &seen) }
        // A site has one language and one conformance status; the other values cannot appear in one site.
        let singleValued = Set(["de|en:en"] + ConformanceStatus.allowedValues.map { "\(ConformanceStatus.allowedValues.joined(separator: "|")):\($0)" })
        #expect(allFields.subtracting(usedFields).sorted() == [])
        #expect(allValues.subtracting(usedValues).subtracting(singleValued).sorted() == [])
    }
}
