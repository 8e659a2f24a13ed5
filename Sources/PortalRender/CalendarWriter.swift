import PortalMarkdown
import PortalModel

/// The iCalendar file `termine.ics` (RFC 5545): upcoming consultations and due dates as all-day events, with
/// CRLF line ends, lines folded at 75 octets, escaped text, stable UIDs and a DTSTAMP taken from the build date.
struct CalendarWriter: Sendable {
    let index: SiteIndex
    let labels: Labels
    let baseURL: String
    /// The site's own URL from site.yml, for UIDs that stay the same on previews.
    let canonicalBaseURL: String

    /// One all-day event.
    struct Event: Sendable {
        var uid: String
        var date: LocalDate
        var summary: String
        var description: String
        var url: String
        var category: String
    }

    /// The events: consultations with a day after the build date, and due dates after it of items not done or dropped.
    func events() -> [Event] {
        let site = index.site
        let host = TextTools.host(of: canonicalBaseURL)
        var events: [Event] = []
        for motion in site.motions {
            let url = baseURL + Route.motion(motion.slug).path
            for (position, consultation) in motion.consultations.enumerated() {
                guard let date = consultation.date, date.day != nil, site.asOf < date else { continue }
                events.append(Event(
                    uid: "beratung-\(motion.slug)-\(position + 1)@\(host)", date: date,
                    summary: labels.format("calendar.consultation", [
                        "body": index.bodyName(consultation.organization), "reference": motion.reference,
                    ]),
                    description: [motion.name, labels.label(consultation.role), consultation.agendaItem].compactMap { $0 }.joined(separator: "\n"),
                    url: url + "#gremienweg", category: labels["timeline.event.consultation"]
                ))
            }
            for item in motion.resolutionItems {
                guard let due = item.due, item.status != .done, item.status != .dropped else { continue }
                let day = due.lastDay
                guard site.asOf < day else { continue }
                events.append(Event(
                    uid: "frist-\(motion.slug)-\(item.id)@\(host)", date: day,
                    summary: labels.format("timeline.dueTitle", ["item": String(item.id), "reference": motion.reference]),
                    description: item.text.plainText + (item.responsible.map { "\n" + labels["motion.responsible"] + ": " + $0 } ?? ""),
                    url: url + "#" + PageAnchors.resolutionItem(item.id), category: labels["timeline.event.due"]
                ))
            }
        }
        return events.sorted { ($0.date, $0.uid) < ($1.date, $1.uid) }
    }

    /// The whole file.
    func make() -> String {
        let site = index.site
        let stamp = Self.basicDate(site.asOf) + "T000000Z"
        var lines = [
            "BEGIN:VCALENDAR",
            "VERSION:2.0",
            "PRODID:-//portal//Transparenzportal//\(site.config.language.uppercased())",
            "CALSCALE:GREGORIAN",
            "METHOD:PUBLISH",
            "X-WR-CALNAME:" + Self.escape(labels.format("calendar.name", ["site": site.config.title])),
        ]
        let events = events()
        if events.isEmpty {
            // RFC 5545 requires at least one component in a calendar. Without upcoming dates the file carries the
            // time zone of the councils it is made for, so subscribed calendars stay valid until dates arrive.
            lines += Self.berlinTimeZone
        }
        for event in events {
            let next = LocalDate(unixSeconds: Int64(event.date.daysSinceEpoch + 1) * 86_400)
            lines += [
                "BEGIN:VEVENT",
                "UID:" + Self.escape(event.uid),
                "DTSTAMP:" + stamp,
                "DTSTART;VALUE=DATE:" + Self.basicDate(event.date),
                "DTEND;VALUE=DATE:" + Self.basicDate(next),
                "SUMMARY:" + Self.escape(event.summary),
                "DESCRIPTION:" + Self.escape(event.description),
                "URL:" + event.url,
                "CATEGORIES:" + Self.escape(event.category),
                "TRANSP:TRANSPARENT",
                "END:VEVENT",
            ]
        }
        lines.append("END:VCALENDAR")
        return lines.map(Self.fold).joined(separator: "\r\n") + "\r\n"
    }

    /// A VTIMEZONE for Europe/Berlin (CET/CEST, the EU rules since 1996).
    static let berlinTimeZone = [
        "BEGIN:VTIMEZONE",
        "TZID:Europe/Berlin",
        "BEGIN:DAYLIGHT",
        "TZOFFSETFROM:+0100",
        "TZOFFSETTO:+0200",
        "TZNAME:CEST",
        "DTSTART:19700329T020000",
        "RRULE:FREQ=YEARLY;BYMONTH=3;BYDAY=-1SU",
        "END:DAYLIGHT",
        "BEGIN:STANDARD",
        "TZOFFSETFROM:+0200",
        "TZOFFSETTO:+0100",
        "TZNAME:CET",
        "DTSTART:19701025T030000",
        "RRULE:FREQ=YEARLY;BYMONTH=10;BYDAY=-1SU",
        "END:STANDARD",
        "END:VTIMEZONE",
    ]

    /// A date as `YYYYMMDD`.
    static func basicDate(_ date: LocalDate) -> String {
        date.iso.replacing("-", with: "")
    }

    /// TEXT escaping: backslash, semicolon, comma and newlines.
    static func escape(_ text: String) -> String {
        var result = ""
        for character in text {
            switch character {
            case "\\": result += "\\\\"
            case ";": result += "\\;"
            case ",": result += "\\,"
            case "\n", "\r\n", "\r": result += "\\n"
            default:
                if let ascii = character.asciiValue, ascii < 0x20, ascii != 0x09 { continue }
                result.append(character)
            }
        }
        return result
    }

    /// Folds a content line into lines of at most 75 octets, continuation lines starting with a space,
    /// never splitting a UTF-8 sequence.
    static func fold(_ line: String) -> String {
        var parts: [String] = []
        var current = ""
        var currentBytes = 0
        for character in line {
            let size = String(character).utf8.count
            let limit = parts.isEmpty ? 75 : 74
            if currentBytes + size > limit {
                parts.append(current)
                current = ""
                currentBytes = 0
            }
            current.append(character)
            currentBytes += size
        }
        parts.append(current)
        return parts.joined(separator: "\r\n ")
    }
}
