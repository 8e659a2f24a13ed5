import PortalMarkdown
import PortalModel
import Testing

/// ISO dates with day or month precision, and the URL slugs derived from names.
@Suite struct LocalDateTests {
    @Test(arguments: ["2025-05-08", "2025-05", "2024-02-29", "2000-02-29"])
    func parsesValidDates(_ text: String) throws {
        #expect(try #require(LocalDate(iso: text)).iso == text)
    }

    @Test(arguments: ["2025-02-30", "2023-02-29", "1900-02-29", "2025-13", "2025-00-10", "25-05-08", "2025-5-8", "08.05.2025", "", "2025-05-08T10:00", "２０２５-05-08"])
    func rejectsInvalidDates(_ text: String) {
        #expect(LocalDate(iso: text) == nil)
    }

    @Test func monthPrecisionOrdersBeforeDaysAndEndsAtMonthEnd() throws {
        let month = try #require(LocalDate(iso: "2025-02"))
        #expect(month < LocalDate(year: 2025, month: 2, day: 1))
        #expect(month.lastDay == LocalDate(year: 2025, month: 2, day: 28))
    }

    @Test(arguments: [(0, "1970-01-01"), (1_746_662_400, "2025-05-08"), (951_782_400, "2000-02-29"), (-86_400, "1969-12-31")] as [(Int64, String)])
    func convertsUnixTimestamps(_ seconds: Int64, _ iso: String) {
        #expect(LocalDate(unixSeconds: seconds).iso == iso)
        #expect(LocalDate(iso: iso)!.daysSinceEpoch == Int(seconds / 86_400))
    }

    @Test(arguments: [("AT/0047/2025", "at-0047-2025"), ("Bürgerservice Chatbot", "buergerservice-chatbot"), ("Straße", "strasse"), ("  --KI--  ", "ki"), ("Évaluation", "evaluation"), ("??", "")])
    func slugs(_ text: String, _ slug: String) {
        #expect(Slug.make(from: text) == slug)
    }
}
