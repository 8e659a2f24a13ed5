import Foundation
@testable import PortalContent
import PortalModel
import Testing

/// The snapshot records (`SnapshotRecord`): measures, updates, their texts, the document index and the checked
/// content are stored field by field, so a field left out of `write(to:)` or `init(snapshot:)` would vanish
/// silently. The full fixture site fills every field, and what it checks to must read back equal; damaged records
/// throw.
@Suite struct SnapshotRecordTests {
    /// The full fixture site, checked.
    static func checked() throws -> CheckedContent {
        let files = try FullFixtureCoverageTests().files()
        let result = ContentLoader.check(files: files, assets: [], asOf: LocalDate(year: 2026, month: 11, day: 26))
        return try #require(result.checked)
    }

    /// The stored properties of the values' types, recursively, that none of the values fills (nil, an empty
    /// string or collection), as `Type.property`: a type's property counts as filled when any value of that type,
    /// wherever it appears, fills it.
    static func unfilled(_ values: [Any]) -> Set<String> {
        var seen = Set<String>(), filled = Set<String>()
        func visit(_ value: Any) {
            let mirror = Mirror(reflecting: value)
            guard mirror.displayStyle == .struct else { return }
            for child in mirror.children {
                guard let label = child.label else { continue }
                let name = "\(type(of: value)).\(label)"
                seen.insert(name)
                let inner = Mirror(reflecting: child.value)
                switch inner.displayStyle {
                case .optional:
                    guard let wrapped = inner.children.first?.value else { continue }
                    filled.insert(name)
                    visit(wrapped)
                case .collection, .set:
                    if !inner.children.isEmpty { filled.insert(name) }
                    for element in inner.children { visit(element.value) }
                case .dictionary:
                    if !inner.children.isEmpty { filled.insert(name) }
                    for pair in inner.children { Array(Mirror(reflecting: pair.value).children).last.map { visit($0.value) } }
                default:
                    if let text = child.value as? String { if !text.isEmpty { filled.insert(name) } } else { filled.insert(name) }
                    visit(child.value)
                }
            }
        }
        values.forEach(visit)
        return seen.subtracting(filled)
    }

    /// `value` written as a tagged record and read back.
    static func roundTrip<T: SnapshotRecord & Codable>(_ value: T) throws -> T {
        try SnapshotDecoder().decode(T.self, from: try SnapshotEncoder().encode(value))
    }

    @Test func theFixtureFillsEveryFieldOfMeasuresAndUpdates() throws {
        let site = try Self.checked().site
        let unfilled = Self.unfilled(site.measures + site.updates as [Any])
        #expect(unfilled.isEmpty, "fields no measure or update of the fixture fills: \(unfilled.sorted())")
        #expect(Self.unfilled([Measure.Savings.Figure(hoursPerYear: 1, eurosPerYear: nil, asOf: nil, note: nil)]) == [
            "Figure.eurosPerYear", "Figure.asOf", "Figure.note",
        ], "the check itself")
    }

    @Test func measuresAndUpdatesReadBackEqual() throws {
        let site = try Self.checked().site
        for measure in site.measures { #expect(try Self.roundTrip(measure) == measure, "\(measure.slug)") }
        for update in site.updates { #expect(try Self.roundTrip(update) == update, "\(update.slug)") }
        #expect(try SnapshotDecoder().decode([Measure].self, from: try SnapshotEncoder().encode(site.measures)) == site.measures)
    }

    @Test func aStoredTextKeepsWhetherItWasEmpty() throws {
        for markdown in ["", "  \n", "Text mit [Link](../x.md).\n\n## Kopf"] {
            let text = RichText(
                markdown: markdown, linkTargets: ["../x.md": "/x/"], reservedHeadingIDs: ["inhalt"], isInline: true,
                headings: [.init(level: 2, text: "Kopf", id: "kopf")], leadText: "Text")
            #expect(try Self.roundTrip(text) == text)
            let stored = try Self.roundTrip(text.withoutMarkdown())
            #expect(stored.isEmpty == text.isEmpty && stored.markdown.isEmpty)
            #expect(stored.replacingMarkdown(markdown) == text)
        }
    }

    @Test func theCheckedContentReadsBackEqual() throws {
        let content = try Self.checked()
        let read = try Self.roundTrip(content)
        #expect(read.site == content.site)
        #expect(read.assetPaths == content.assetPaths)
        #expect(read.frontMatterHashes == content.frontMatterHashes)
        #expect(read.diagnostics.all == content.diagnostics.all)
        #expect(read.documents.paths == content.documents.paths)
        for path in content.documents.paths {
            #expect(read.documents[path]?.path == content.documents[path]?.path)
            #expect(read.documents[path]?.anchors == content.documents[path]?.anchors)
        }
        #expect(!content.documents.paths.isEmpty && content.documents.paths.contains { !(content.documents[$0]?.anchors.isEmpty ?? true) })
    }

    /// Every truncation and every single changed byte of a measure either throws or reads back some measure;
    /// none crashes, and no truncation reads back.
    @Test func damagedRecordsThrow() throws {
        let measure = try #require(try Self.checked().site.measures.max { $0.description.markdown.count < $1.description.markdown.count })
        let bytes = try SnapshotEncoder().encode(measure)
        for length in 0..<bytes.count {
            #expect(throws: SnapshotDecoder.Failure.self) { try SnapshotDecoder().decode(Measure.self, from: Array(bytes.prefix(length))) }
        }
        for position in bytes.indices {
            for value: UInt8 in [0, 0xFF, bytes[position] &+ 1] {
                var damaged = bytes
                damaged[position] = value
                _ = try? SnapshotDecoder().decode(Measure.self, from: damaged)
            }
        }
    }

    @Test(arguments: [(0, 1), (2025, 0), (2025, 13), (999, 1)])
    func impossibleDatesThrow(year: Int, month: Int) throws {
        let buffer = SnapshotEncoder.Buffer()
        buffer.int(year)
        buffer.int(month)
        buffer.optional(nil as Int?, buffer.int)
        #expect(throws: SnapshotDecoder.Failure.self) { try SnapshotDecoder().read(buffer.bytes) { try $0.record(LocalDate.self) } }
    }

    @Test func anUnknownVocabularyValueThrows() throws {
        let buffer = SnapshotEncoder.Buffer()
        buffer.string("teilweise-vielleicht")
        #expect(throws: SnapshotDecoder.Failure.self) { try SnapshotDecoder().read(buffer.bytes) { try $0.vocabulary(MeasureStatus.self) } }
        #expect(throws: SnapshotDecoder.Failure.self) { try SnapshotDecoder().read([0x02]) { try $0.bool() } }
    }
}
