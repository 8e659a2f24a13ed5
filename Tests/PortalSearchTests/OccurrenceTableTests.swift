import Testing
@testable import PortalSearch

@Suite("Occurrence table: counts packed in 32 bits, larger ones kept apart")
struct OccurrenceTableTests {
    /// A table of three documents: a small one, one where word 1 occurs `count` times in `field`, a small one.
    static func table(count: Int, field: RankingModel.Field) -> OccurrenceTable {
        var table = OccurrenceTable()
        table.count(word: 0, field: .body)
        table.finishDocument(lengths: FieldCounts(title: 0, summary: 0, body: 1))
        table.count(word: 0, field: .title)
        for _ in 0..<count { table.count(word: 1, field: field) }
        table.count(word: 1, field: .summary)
        table.finishDocument(lengths: FieldCounts(title: 1, summary: 1, body: 1))
        table.count(word: 1, field: .body)
        table.finishDocument(lengths: FieldCounts(title: 0, summary: 0, body: 1))
        return table
    }

    static func expected(count: Int, field: RankingModel.Field) -> FieldCounts {
        var counts = FieldCounts(title: 0, summary: 1, body: 0)
        counts[field] += Int32(count)
        return counts
    }

    @Test("counts are exact on either side of each field's packing limit",
          arguments: [RankingModel.Field.title, .summary, .body], [1, 253, 254, 255, 256, 65_534, 65_535, 65_536, 70_000])
    func exactCounts(field: RankingModel.Field, count: Int) {
        let table = Self.table(count: count, field: field)
        let entries = table.entries(of: 1)
        #expect(entries.count == 2)
        #expect(table.fieldCounts(of: entries.lowerBound) == FieldCounts(title: 1, summary: 0, body: 0))
        #expect(table.fieldCounts(of: entries.lowerBound + 1) == Self.expected(count: count, field: field))
        #expect(table.fieldCounts(of: table.entries(of: 2).lowerBound) == FieldCounts(title: 0, summary: 0, body: 1))
    }

    @Test("documents appended from another table keep their large counts at their new entries",
          arguments: [254, 255, 70_000])
    func appendedDocuments(count: Int) {
        let source = Self.table(count: count, field: .title)
        var merged = OccurrenceTable()
        merged.appendDocument(from: source, 2)
        merged.appendDocument(from: source, 1)
        merged.appendDocument(from: source, 0)
        #expect(merged.documentCount == 3)
        #expect(merged.fieldCounts(of: merged.entries(of: 0).lowerBound) == FieldCounts(title: 0, summary: 0, body: 1))
        #expect(merged.fieldCounts(of: merged.entries(of: 1).lowerBound + 1) == Self.expected(count: count, field: .title))
        #expect(merged.fieldCounts(of: merged.entries(of: 2).lowerBound) == FieldCounts(title: 0, summary: 0, body: 1))
        #expect(merged.totalLengths == source.totalLengths)
    }

    @Test("packing refuses what does not fit and never makes the marker of large counts")
    func packing() {
        #expect(PackedCounts.pack(FieldCounts(title: 254, summary: 254, body: 65_534)) != PackedCounts.large)
        #expect(PackedCounts.pack(FieldCounts(title: 255, summary: 0, body: 0)) == nil)
        #expect(PackedCounts.pack(FieldCounts(title: 0, summary: 255, body: 0)) == nil)
        #expect(PackedCounts.pack(FieldCounts(title: 0, summary: 0, body: 65_535)) == nil)
        #expect(PackedCounts.pack(FieldCounts(title: -1, summary: 0, body: 0)) == nil)
        let counts = FieldCounts(title: 7, summary: 200, body: 40_000)
        #expect(PackedCounts.pack(counts).map(PackedCounts.unpack) == counts)
        #expect(PackedCounts.incremented(PackedCounts.large, field: .body) == nil)
    }
}
