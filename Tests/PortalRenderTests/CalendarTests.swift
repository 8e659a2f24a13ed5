import PortalModel
import Testing
@testable import PortalRender

@Suite("iCalendar file (RFC 5545)")
struct CalendarTests {
    let text: String

    init() throws {
        text = TestSupport.text(try TestSupport.render(try TestSupport.site()).files, "termine.ics")
    }

    var lines: [String] { text.components(separatedBy: "\r\n").dropLast() }

    @Test("Lines end in CRLF and no bare line feed occurs")
    func lineEnds() {
        #expect(text.hasSuffix("\r\n"))
        #expect(!text.replacing("\r\n", with: "").contains("\n"))
        #expect(!text.replacing("\r\n", with: "").contains("\r"))
    }

    @Test("No line is longer than 75 octets")
    func folding() {
        for line in lines {
            #expect(line.utf8.count <= 75, "\(line)")
        }
    }

    @Test("BEGIN and END are balanced and the calendar has its required properties")
    func structure() {
        #expect(lines.first == "BEGIN:VCALENDAR")
        #expect(lines.last == "END:VCALENDAR")
        var stack: [String] = []
        for line in lines {
            if line.hasPrefix("BEGIN:") { stack.append(String(line.dropFirst(6))) }
            if line.hasPrefix("END:") { #expect(stack.popLast() == String(line.dropFirst(4))) }
        }
        #expect(stack.isEmpty)
        #expect(lines.contains("VERSION:2.0"))
        #expect(lines.contains { $0.hasPrefix("PRODID:") })
    }

    @Test("Events: upcoming consultations and open due dates, stable UIDs, DTSTAMP from the build date")
    func events() {
        let unfolded = text.replacing("\r\n ", with: "")
        let uids = unfolded.components(separatedBy: "\r\n").filter { $0.hasPrefix("UID:") }
        #expect(uids == ["UID:beratung-at-0047-2025-3@ki.stadt.example", "UID:frist-at-0047-2025-2@ki.stadt.example"])
        #expect(unfolded.contains("DTSTART;VALUE=DATE:20251204\r\nDTEND;VALUE=DATE:20251205"))
        #expect(unfolded.contains("DTSTART;VALUE=DATE:20260228\r\nDTEND;VALUE=DATE:20260301"))
        let stamps = Set(unfolded.components(separatedBy: "\r\n").filter { $0.hasPrefix("DTSTAMP:") })
        #expect(stamps == ["DTSTAMP:20251114T000000Z"])
    }

    @Test("Without upcoming dates the calendar still has a component (RFC 5545), a time zone, and no event")
    func emptyCalendarHasAComponent() throws {
        let later = try TestSupport.site(asOf: LocalDate(year: 2040, month: 1, day: 1))
        let empty = TestSupport.text(try TestSupport.render(later).files, "termine.ics")
        let lines = empty.components(separatedBy: "\r\n").dropLast()
        #expect(!lines.contains("BEGIN:VEVENT"))
        #expect(lines.filter { $0.hasPrefix("BEGIN:") } == ["BEGIN:VCALENDAR", "BEGIN:VTIMEZONE", "BEGIN:DAYLIGHT", "BEGIN:STANDARD"])
        #expect(lines.contains("TZID:Europe/Berlin"))
        #expect(!text.contains("BEGIN:VTIMEZONE"), "a calendar with events needs no time zone: its events are all-day")
    }

    @Test("Text values escape commas, semicolons, backslashes and line breaks")
    func escaping() {
        #expect(CalendarWriter.escape("a, b; c\\d\ne") == "a\\, b\\; c\\\\d\\ne")
    }

    @Test("Folding never splits a UTF-8 character and keeps every character", arguments: [
        String(repeating: "ä", count: 100), String(repeating: "x", count: 200), "SUMMARY:" + String(repeating: "Öffentlichkeit ", count: 12),
    ])
    func foldingUTF8(line: String) {
        let folded = CalendarWriter.fold(line)
        let parts = folded.components(separatedBy: "\r\n")
        #expect(parts.allSatisfy { $0.utf8.count <= 75 })
        #expect(parts.dropFirst().allSatisfy { $0.hasPrefix(" ") })
        #expect(folded.replacing("\r\n ", with: "") == line)
    }
}
