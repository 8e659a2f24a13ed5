/// The headings and a few structural facts of a rendered HTML page, for checks such as "exactly one h1"
/// and "no skipped heading levels".
struct HTMLOutline {
    /// Heading levels in document order (1 for h1 …).
    let headingLevels: [Int]
    let html: String

    init(_ html: String) {
        self.html = html
        var levels: [Int] = []
        let bytes = Array(html.utf8)
        var index = 0
        while index + 3 < bytes.count {
            if bytes[index] == UInt8(ascii: "<"), bytes[index + 1] == UInt8(ascii: "h"),
               (UInt8(ascii: "1")...UInt8(ascii: "6")).contains(bytes[index + 2]),
               bytes[index + 3] == UInt8(ascii: ">") || bytes[index + 3] == UInt8(ascii: " ") {
                levels.append(Int(bytes[index + 2] - UInt8(ascii: "0")))
            }
            index += 1
        }
        headingLevels = levels
    }

    var h1Count: Int { headingLevels.filter { $0 == 1 }.count }

    /// Places where a heading goes deeper by more than one level (h2 → h4), as "h2→h4".
    var skippedLevels: [String] {
        var skips: [String] = []
        var previous = 0
        for level in headingLevels {
            if level > previous + 1 { skips.append("h\(previous)→h\(level)") }
            previous = level
        }
        return skips
    }

    /// How often a text occurs.
    func count(_ text: String) -> Int {
        html.components(separatedBy: text).count - 1
    }
}
