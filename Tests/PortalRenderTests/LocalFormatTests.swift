import PortalModel
import Testing
@testable import PortalRender

@Suite("German and English number and date formatting")
struct LocalFormatTests {
    let german = LocalFormat(
        decimalSeparator: ",", groupingSeparator: ".",
        monthNames: ["Januar", "Februar", "März", "April", "Mai", "Juni", "Juli", "August", "September", "Oktober", "November", "Dezember"],
        dayPattern: "{day}. {month} {year}", monthPattern: "{month} {year}", currencyPattern: "{amount} €"
    )

    @Test("Numbers use a comma for decimals and points for thousands", arguments: [
        (1234.5, 1, "1.234,5"),
        (1200, 1, "1.200"),
        (13972.5, 0, "13.973"),
        (0.05, 1, "0,1"),
        (0.04, 1, "0"),
        (999_999.99, 1, "1.000.000"),
        (-1234.5, 1, "−1.234,5"),
        (1234.25, 2, "1.234,25"),
        (1234.2, 2, "1.234,2"),
        (12, 0, "12"),
    ])
    func numbers(value: Double, digits: Int, expected: String) {
        #expect(german.number(value, fractionDigits: digits) == expected)
    }

    @Test("Integers are grouped by thousands")
    func integers() {
        #expect(german.integer(0) == "0")
        #expect(german.integer(999) == "999")
        #expect(german.integer(1000) == "1.000")
        #expect(german.integer(1_234_567) == "1.234.567")
        #expect(german.integer(-4500) == "−4.500")
    }

    @Test("Euro amounts have no cents and the sign after the number")
    func euros() {
        #expect(german.euros(54000) == "54.000 €")
        #expect(german.euros(13972.5) == "13.973 €")
    }

    @Test("Dates are written out with German month names")
    func dates() {
        #expect(german.date(LocalDate(year: 2025, month: 5, day: 8)) == "8. Mai 2025")
        #expect(german.date(LocalDate(year: 2025, month: 3)) == "März 2025")
        #expect(german.date(LocalDate(year: 2026, month: 12, day: 31)) == "31. Dezember 2026")
    }

    @Test("File sizes and durations")
    func sizesAndDurations() {
        #expect(german.bytes(24_500_000) == "24,5 MB")
        #expect(german.bytes(182_044) == "182 KB")
        #expect(german.bytes(950) == "950 B")
        #expect(german.bytes(2_000_000_000) == "2 GB")
        #expect(german.duration(seconds: 185) == "3:05")
        #expect(german.duration(seconds: 60) == "1:00")
    }

    @Test("The English theme formats the English way")
    func english() throws {
        let format = LocalFormat(labels: try TestSupport.labels("en"))
        #expect(format.number(1234.5) == "1,234.5")
        #expect(format.euros(54000) == "€54,000")
        #expect(format.date(LocalDate(year: 2025, month: 5, day: 8)) == "8 May 2025")
    }

    @Test("The German theme's labels give the German formats")
    func germanFromLabels() throws {
        let format = LocalFormat(labels: try TestSupport.labels("de"))
        #expect(format.number(1234.5) == "1.234,5")
        #expect(format.date(LocalDate(year: 2025, month: 11, day: 14)) == "14. November 2025")
    }
}
