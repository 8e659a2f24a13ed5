/// The filter values of all documents: kind, area and status.
struct FacetTable {
    /// A filterable property of documents.
    enum Facet: String, CaseIterable {
        case kind, area, status

        func value(of document: SearchDocument) -> String? {
            switch self {
            case .kind: document.kind
            case .area: document.area
            case .status: document.status
            }
        }
    }

    /// Per facet, its distinct values in code point order.
    let values: [Facet: [String]]
    /// Per facet, how many documents have each value (same order as ``values``).
    let counts: [Facet: [Int]]
    /// Per facet, each document's value number: 0 for none, n for the nth value.
    let codes: [Facet: [Int]]

    init(documents: [SearchDocument]) {
        var values: [Facet: [String]] = [:]
        var counts: [Facet: [Int]] = [:]
        var codes: [Facet: [Int]] = [:]
        for facet in Facet.allCases {
            let distinct = Set(documents.compactMap { facet.value(of: $0) }.filter { !$0.isEmpty })
                .sorted { $0.unicodeScalars.lexicographicallyPrecedes($1.unicodeScalars) }
            let numbers = Dictionary(uniqueKeysWithValues: distinct.enumerated().map { ($1, $0 + 1) })
            let documentCodes = documents.map { facet.value(of: $0).flatMap { numbers[$0] } ?? 0 }
            var valueCounts = [Int](repeating: 0, count: distinct.count)
            for code in documentCodes where code > 0 { valueCounts[code - 1] += 1 }
            values[facet] = distinct
            counts[facet] = valueCounts
            codes[facet] = documentCodes
        }
        self.values = values
        self.counts = counts
        self.codes = codes
    }

    /// `facets.json`: `{"kind": [codes…], "area": […], "status": […]}`, one code per document.
    var documentValues: JSONValue {
        .object(Facet.allCases.map { facet in
            (facet.rawValue, .array((codes[facet] ?? []).map(JSONValue.integer)))
        })
    }

    /// The manifest's description: `{"kind": {"values": […], "counts": […]}, …}`.
    var summary: JSONValue {
        .object(Facet.allCases.map { facet in
            (facet.rawValue, .object([
                ("values", .array((values[facet] ?? []).map(JSONValue.string))),
                ("counts", .array((counts[facet] ?? []).map(JSONValue.integer))),
            ]))
        })
    }
}
