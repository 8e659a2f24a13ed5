import PortalModel

/// The measures register as CSV (RFC 4180): UTF-8, comma-separated, CRLF line ends, a header row with
/// readable column names from the translation file, quoted fields where needed.
struct MeasuresCSV: Sendable {
    /// One column: its label key (header and documentation) and how a measure fills it.
    struct Column: Sendable {
        /// The key of the column name; `<key>Help` explains it on the open data page.
        let key: String
        let value: @Sendable (Measure, SiteIndex, Labels, String) -> String
    }

    /// Every column, in order.
    static let columns: [Column] = [
        Column(key: "csv.slug") { measure, _, _, _ in measure.slug },
        Column(key: "csv.title") { measure, _, _, _ in measure.title },
        Column(key: "csv.summary") { measure, _, _, _ in measure.summary },
        Column(key: "csv.area") { measure, index, _, _ in index.areaLabel(measure.area) },
        Column(key: "csv.status") { measure, _, labels, _ in labels.label(measure.status) },
        Column(key: "csv.riskClass") { measure, _, labels, _ in labels.label(measure.riskClass) },
        Column(key: "csv.automation") { measure, _, labels, _ in labels.label(measure.automation) },
        Column(key: "csv.personalData") { measure, _, labels, _ in labels.label(measure.personalData) },
        Column(key: "csv.humanOversight") { measure, _, _, _ in measure.humanOversight },
        Column(key: "csv.legalBasis") { measure, _, _, _ in measure.legalBasis.joined(separator: "; ") },
        Column(key: "csv.vendor") { measure, _, _, _ in measure.vendor ?? "" },
        Column(key: "csv.partners") { measure, index, _, _ in
            measure.partners.map { index.partnersByID[$0]?.name ?? $0 }.joined(separator: "; ")
        },
        Column(key: "csv.hosting") { measure, _, labels, _ in measure.hosting.map { labels.label($0) } ?? "" },
        Column(key: "csv.responsibleUnit") { measure, _, _, _ in measure.responsibleUnit },
        Column(key: "csv.contact") { measure, _, _, _ in measure.contact },
        Column(key: "csv.motions") { measure, _, _, _ in
            measure.motions.map { link in link.item.map { "\(link.reference)#\($0)" } ?? link.reference }.joined(separator: "; ")
        },
        Column(key: "csv.expectedHours") { measure, _, _, _ in number(measure.savings?.expected?.hoursPerYear) },
        Column(key: "csv.expectedEuros") { measure, _, _, _ in number(measure.savings?.expected?.eurosPerYear) },
        Column(key: "csv.realisedHours") { measure, _, _, _ in number(measure.savings?.realised?.hoursPerYear) },
        Column(key: "csv.realisedEuros") { measure, _, _, _ in number(measure.savings?.realised?.eurosPerYear) },
        Column(key: "csv.euDatabase") { measure, _, _, _ in measure.euDatabaseURL ?? "" },
        Column(key: "csv.updated") { measure, _, _, _ in measure.updated.iso },
        Column(key: "csv.tags") { measure, _, _, _ in measure.tags.joined(separator: "; ") },
        Column(key: "csv.url") { measure, _, _, baseURL in baseURL + Route.measure(measure.slug).path },
    ]

    /// A number with a point as decimal separator and no grouping, or empty.
    static func number(_ value: Double?) -> String {
        guard let value, value.isFinite else { return "" }
        if value == value.rounded(), abs(value) < 1e15 { return String(Int(value)) }
        return String(value)
    }

    /// The whole file.
    static func make(index: SiteIndex, labels: Labels, baseURL: String) -> String {
        var lines = [columns.map { field(labels[$0.key]) }.joined(separator: ",")]
        for measure in index.measures {
            lines.append(columns.map { field($0.value(measure, index, labels, baseURL)) }.joined(separator: ","))
        }
        return lines.joined(separator: "\r\n") + "\r\n"
    }

    /// A field, quoted when it holds a comma, a quote or a line break (quotes doubled).
    static func field(_ text: String) -> String {
        guard text.contains(where: { $0 == "," || $0 == "\"" || $0 == "\n" || $0 == "\r" || $0 == "\r\n" }) else { return text }
        return "\"" + text.replacing("\"", with: "\"\"") + "\""
    }
}
