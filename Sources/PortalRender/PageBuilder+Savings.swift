import PortalModel

extension PageBuilder {
    /// Expected and realised savings per measure and in total, as an accessible bar chart and a table.
    func savingsPage() -> PageView {
        var view = frame(path: Route.savings.path, title: labels["savings.title"], description: labels["savings.intro"])
        let measures = index.measures.filter { $0.savings != nil }
        var totals = (expectedHours: 0.0, expectedEuros: 0.0, realisedHours: 0.0, realisedEuros: 0.0)
        let rows: [ViewData] = measures.map { measure in
            let expected = measure.savings?.expected, realised = measure.savings?.realised
            totals.expectedHours += expected?.hoursPerYear ?? 0
            totals.expectedEuros += expected?.eurosPerYear ?? 0
            totals.realisedHours += realised?.hoursPerYear ?? 0
            totals.realisedEuros += realised?.eurosPerYear ?? 0
            var row = ViewData()
            row["title"] = measure.title
            row["href"] = Route.measure(measure.slug).path + "#einsparungen"
            row[object: "status"] = statusBadge(measure.status).view
            row["expectedHours"] = expected?.hoursPerYear.map { format.number($0) } ?? "–"
            row["expectedEuros"] = expected?.eurosPerYear.map(format.euros) ?? "–"
            row["realisedHours"] = realised?.hoursPerYear.map { format.number($0) } ?? "–"
            row["realisedEuros"] = realised?.eurosPerYear.map(format.euros) ?? "–"
            return row
        }
        view[list: "rows"] = rows
        view["totalExpectedHours"] = format.number(totals.expectedHours)
        view["totalExpectedEuros"] = format.euros(totals.expectedEuros)
        view["totalRealisedHours"] = format.number(totals.realisedHours)
        view["totalRealisedEuros"] = format.euros(totals.realisedEuros)
        view["summary"] = labels.format("savings.summary", [
            "count": format.integer(measures.count),
            "expected": format.euros(totals.expectedEuros), "realised": format.euros(totals.realisedEuros),
        ])
        let chart = SavingsChart(measures: measures, labels: labels, format: format)
        view[object: "chart"] = chart.bars.isEmpty ? nil : chart.view
        return PageView(path: Route.savings.path, template: "layouts/savings", view: view)
    }
}
