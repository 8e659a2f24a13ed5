/// BM25F as the index precomputes it: per (term, document) a length-normalised, field-boosted term frequency
/// (`weight`), stored in one byte; the engine adds IDF and saturation (`weight·(k1+1)/(weight+k1)`) at query time.
///
/// weight = Σ over fields of boost · tf / (1 − b + b · length / averageLength). Matches of compound parts
/// ("Antrag" inside "Wohngeldantrag") get the same formula times ``compoundPartWeight``, so they rank below
/// whole-word matches. Only `+ − × ÷` are used, so every platform computes identical bytes.
struct RankingModel: Sendable {
    /// A field of a document.
    enum Field: Int, CaseIterable, Sendable {
        case title, summary, body

        var name: String {
            switch self {
            case .title: "title"
            case .summary: "summary"
            case .body: "body"
            }
        }
    }

    /// Per-field boost (title highest).
    static let boosts: [Double] = [4.0, 2.0, 1.0]
    /// Per-field length normalisation strength.
    static let lengthNormalisation: [Double] = [0.5, 0.6, 0.75]
    /// BM25's term-frequency saturation (used by the engine, recorded in the manifest).
    static let k1 = 1.2
    /// Factor for matches of a compound part.
    static let compoundPartWeight = 0.5
    /// Weights are stored as integers in units of 1/weightScale before byte encoding.
    static let weightScale = 256.0

    /// Average number of indexed tokens per field over all documents.
    let averageLengths: [Double]

    init(averageLengths: [Double]) {
        self.averageLengths = averageLengths
        self.fieldParameters = Field.allCases.map { field in
            (Self.boosts[field.rawValue], Self.lengthNormalisation[field.rawValue], averageLengths[field.rawValue])
        }
    }

    /// Boost, b and average length of each field, in field order.
    private let fieldParameters: [(boost: Double, b: Double, averageLength: Double)]

    /// The unquantised weight of a term in a document, from its per-field counts and the field lengths.
    func weight(counts: FieldCounts, lengths: FieldCounts, isCompoundPart: Bool) -> Double {
        var total = 0.0
        for field in Field.allCases {
            let count = counts[field]
            guard count > 0 else { continue }
            let parameters = fieldParameters[field.rawValue]
            var normaliser = 1.0
            if parameters.averageLength > 0 {
                normaliser = 1 - parameters.b + parameters.b * Double(lengths[field]) / parameters.averageLength
            }
            total += parameters.boost * Double(count) / normaliser
        }
        return isCompoundPart ? total * Self.compoundPartWeight : total
    }

    /// Encodes a weight as one byte: a small float with 4 mantissa bits over units of 1/256
    /// (codes below 32 are exact; code q ≥ 32 means (16 + q mod 16) · 2^(q/16 − 1)). Never 0 for a match.
    static func encode(_ weight: Double) -> UInt8 {
        let units = Int((weight * weightScale).rounded())
        if units < 1 { return 1 }
        if units < 32 { return UInt8(units) }
        var exponent = (Int.bitWidth - units.leadingZeroBitCount) - 5
        var mantissa = units >> exponent
        let remainder = units - (mantissa << exponent)
        if remainder * 2 >= 1 << exponent { mantissa += 1 }
        if mantissa == 32 {
            mantissa = 16
            exponent += 1
        }
        if exponent > 14 { return 255 }
        return UInt8(((exponent + 1) << 4) | (mantissa - 16))
    }

    /// Decodes a byte written by ``encode(_:)``.
    static func decode(_ code: UInt8) -> Double {
        let value = Int(code)
        if value < 32 { return Double(value) / weightScale }
        let units = (16 + (value & 15)) << ((value >> 4) - 1)
        return Double(units) / weightScale
    }
}

/// A number per field: a term's occurrences, or a document's field lengths.
struct FieldCounts: Equatable, Sendable {
    var title: Int32 = 0
    var summary: Int32 = 0
    var body: Int32 = 0

    subscript(field: RankingModel.Field) -> Int32 {
        get {
            switch field {
            case .title: title
            case .summary: summary
            case .body: body
            }
        }
        set {
            switch field {
            case .title: title = newValue
            case .summary: summary = newValue
            case .body: body = newValue
            }
        }
    }

    /// Whether every field's number is zero.
    var isZero: Bool { title == 0 && summary == 0 && body == 0 }

    static func += (left: inout FieldCounts, right: FieldCounts) {
        left.title += right.title
        left.summary += right.summary
        left.body += right.body
    }
}
