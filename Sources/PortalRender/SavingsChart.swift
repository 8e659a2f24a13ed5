import PortalModel

/// The geometry of the savings bar chart: for each measure with euro figures, a bar for the expected and one for
/// the realised savings per year, scaled to the largest amount. Drawn as inline SVG by the savings template.
struct SavingsChart: Sendable {
    /// At most this many measures are drawn (the largest amounts); the table lists all.
    static let maxMeasures = 15
    /// The width of the drawing in SVG units.
    static let width = 600
    /// Room on the right of the longest bar for its amount.
    static let valueRoom = 130
    static let groupHeight = 72

    /// One measure in the chart.
    struct Group: Sendable {
        var title: String
        var expected: Double?
        var realised: Double?
    }

    let bars: [Group]
    /// Whether more measures have savings than the chart shows.
    let isTruncated: Bool
    private let labels: Labels
    private let format: LocalFormat

    init(measures: [Measure], labels: Labels, format: LocalFormat) {
        let groups = measures.compactMap { measure -> Group? in
            let expected = measure.savings?.expected?.eurosPerYear, realised = measure.savings?.realised?.eurosPerYear
            guard expected != nil || realised != nil else { return nil }
            return Group(title: measure.title, expected: expected, realised: realised)
        }
        let sorted = groups.sorted { lhs, rhs in
            let left = max(lhs.expected ?? 0, lhs.realised ?? 0), right = max(rhs.expected ?? 0, rhs.realised ?? 0)
            if left != right { return left > right }
            return lhs.title < rhs.title
        }
        bars = Array(sorted.prefix(Self.maxMeasures))
        isTruncated = sorted.count > Self.maxMeasures
        self.labels = labels
        self.format = format
    }

    /// The chart for the template: sizes, positions and texts.
    var view: ViewData {
        let largest = bars.map { max($0.expected ?? 0, $0.realised ?? 0) }.max() ?? 0
        let barRoom = Double(Self.width - Self.valueRoom)
        func bar(_ value: Double?, y: Int) -> ViewData {
            var view = ViewData()
            let width = largest > 0 ? Int(((value ?? 0) / largest * barRoom).rounded()) : 0
            view["y"] = String(y)
            view["width"] = String(max(width, value.map { $0 > 0 ? 2 : 0 } ?? 0))
            view["valueX"] = String(max(width, 2) + 8)
            view["valueY"] = String(y + 13)
            view["value"] = value.map(format.euros) ?? labels["common.notStated"]
            return view
        }
        var view = ViewData()
        view["titleID"] = "einsparungen-diagramm-titel"
        view["descID"] = "einsparungen-diagramm-beschreibung"
        view["title"] = labels["savings.chartTitle"]
        let description = labels.format("savings.chartDescription", ["count": format.integer(bars.count)])
        view["description"] = isTruncated
            ? description + " " + labels.format("savings.chartTruncated", ["count": format.integer(Self.maxMeasures)])
            : description
        view["width"] = String(Self.width)
        view["height"] = String(bars.count * Self.groupHeight + 8)
        view[list: "groups"] = bars.enumerated().map { position, group in
            let top = position * Self.groupHeight
            var item = ViewData()
            item["titleY"] = String(top + 18)
            item["title"] = TextTools.excerpt(group.title, limit: 64)
            item[object: "expected"] = bar(group.expected, y: top + 26)
            item[object: "realised"] = bar(group.realised, y: top + 46)
            return item
        }
        view["expectedLabel"] = labels["savings.expected"]
        view["realisedLabel"] = labels["savings.realised"]
        return view
    }
}
