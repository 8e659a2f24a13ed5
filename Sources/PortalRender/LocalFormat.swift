import PortalModel

/// Formats numbers, amounts, dates, sizes and durations the way the site's language writes them
/// (German: `1.234,5`, `8. Mai 2025`), from patterns in the translation file. Never uses the system locale.
struct LocalFormat: Sendable {
    let decimalSeparator: String
    let groupingSeparator: String
    /// Month names, January first.
    let monthNames: [String]
    /// Pattern with `{day}`, `{month}`, `{year}`, such as `{day}. {month} {year}`.
    let dayPattern: TextPattern
    /// Pattern with `{month}`, `{year}`.
    let monthPattern: TextPattern
    /// Pattern with `{amount}`, such as `{amount} €`.
    let currencyPattern: TextPattern

    init(labels: Labels) {
        self.init(
            decimalSeparator: labels["format.decimalSeparator"], groupingSeparator: labels["format.groupingSeparator"],
            monthNames: (1...12).map { labels["months.\($0)"] }, dayPattern: labels["format.date"],
            monthPattern: labels["format.month"], currencyPattern: labels["format.currency"]
        )
    }

    init(decimalSeparator: String, groupingSeparator: String, monthNames: [String], dayPattern: String, monthPattern: String, currencyPattern: String) {
        self.decimalSeparator = decimalSeparator
        self.groupingSeparator = groupingSeparator
        self.monthNames = monthNames
        self.dayPattern = TextPattern(dayPattern)
        self.monthPattern = TextPattern(monthPattern)
        self.currencyPattern = TextPattern(currencyPattern)
    }

    /// The label keys this formatter reads.
    static let labelKeys: [String] = ["format.decimalSeparator", "format.groupingSeparator", "format.date", "format.month", "format.currency"]
        + (1...12).map { "months.\($0)" }

    /// An integer with grouping: `12.345`.
    func integer(_ value: Int) -> String {
        let digits = String(value.magnitude)
        var grouped = ""
        for (offset, digit) in digits.enumerated() {
            if offset > 0, (digits.count - offset) % 3 == 0 { grouped += groupingSeparator }
            grouped.append(digit)
        }
        return value < 0 ? "−" + grouped : grouped
    }

    /// A number rounded half away from zero to at most `fractionDigits` digits, trailing zeros dropped:
    /// `1.234,5`, `1.200`.
    func number(_ value: Double, fractionDigits: Int = 1) -> String {
        guard value.isFinite else { return "–" }
        var scale = 1
        for _ in 0..<max(0, fractionDigits) { scale *= 10 }
        let scaled = (abs(value) * Double(scale)).rounded(.toNearestOrAwayFromZero)
        guard scaled < 9.0e18 else { return "–" }
        let units = Int(scaled)
        let whole = units / scale
        var fraction = units % scale
        var fractionText = ""
        if fraction > 0 {
            var width = fractionDigits
            while fraction % 10 == 0 {
                fraction /= 10
                width -= 1
            }
            let digits = String(fraction)
            fractionText = decimalSeparator + String(repeating: "0", count: width - digits.count) + digits
        }
        let sign = value < 0 && units > 0 ? "−" : ""
        return sign + integer(whole) + fractionText
    }

    /// A euro amount without cents: `54.000 €`.
    func euros(_ value: Double) -> String {
        currencyPattern.filled(["amount": number(value, fractionDigits: 0)])
    }

    /// A date as written in running text: `8. Mai 2025`, or `Mai 2025` when only the month is known.
    func date(_ date: LocalDate) -> String {
        let month = monthNames.indices.contains(date.month - 1) ? monthNames[date.month - 1] : String(date.month)
        guard let day = date.day else {
            return monthPattern.filled(["month": month, "year": String(date.year)])
        }
        return dayPattern.filled(["day": String(day), "month": month, "year": String(date.year)])
    }

    /// A month heading: `Mai 2025`.
    func month(year: Int, month: Int) -> String {
        date(LocalDate(year: year, month: month))
    }

    /// A file size: `850 KB`, `24,5 MB` (decimal units, as file managers show them).
    func bytes(_ count: Int) -> String {
        let value = Double(count)
        if value >= 1_000_000_000 { return number(value / 1_000_000_000) + " GB" }
        if value >= 1_000_000 { return number(value / 1_000_000) + " MB" }
        if value >= 1_000 { return number(value / 1_000, fractionDigits: 0) + " KB" }
        return integer(count) + " B"
    }

    /// A duration as minutes and seconds: `3:05`.
    func duration(seconds: Int) -> String {
        let minutes = seconds / 60, rest = seconds % 60
        return "\(minutes):" + (rest < 10 ? "0\(rest)" : "\(rest)")
    }
}
