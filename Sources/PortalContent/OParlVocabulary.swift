import PortalDiagnostics
import PortalModel

/// Maps OParl's free-text paper types, consultation roles and results to the portal's vocabularies.
/// Matching ignores case, surrounding and repeated spaces, and a trailing full stop.
enum OParlVocabulary {
    /// What a free-text OParl value mapped to.
    struct Mapping<V: Vocabulary>: Sendable {
        var value: V
        /// The text as written when it maps to no known word (it is then displayed instead of `value`'s label).
        var unknownText: String?
        /// The nearest known OParl word, for the warning about an unknown one.
        var nearest: String?
    }

    static let paperTypes: [(String, PaperType)] = [
        ("Antrag", .motion), ("Dringlichkeitsantrag", .motion), ("Änderungsantrag", .motion), ("Ergänzungsantrag", .motion),
        ("Fraktionsantrag", .motion), ("Anfrage", .inquiry), ("Große Anfrage", .inquiry), ("Kleine Anfrage", .inquiry),
        ("Beschlussvorlage", .proposal), ("Vorlage", .proposal), ("Verwaltungsvorlage", .proposal),
        ("Informationsvorlage", .information), ("Mitteilungsvorlage", .information), ("Berichtsvorlage", .information),
        ("Mitteilung", .notice), ("Bekanntgabe", .notice), ("Stellungnahme der Verwaltung", .notice),
    ]

    static let roles: [(String, ConsultationRole)] = [
        ("Beschlussfassung", .decision), ("Entscheidung", .decision), ("Beschluss", .decision),
        ("Vorberatung", .preliminary), ("Beratung", .preliminary), ("Empfehlung", .preliminary),
        ("Kenntnisnahme", .information), ("Zur Kenntnisnahme", .information), ("Information", .information),
        ("Anhörung", .hearing),
    ]

    static let results: [(String, ConsultationResult)] = [
        ("Beschlossen", .adopted), ("Ungeändert beschlossen", .adopted), ("Einstimmig beschlossen", .adopted),
        ("Mehrheitlich beschlossen", .adopted), ("Angenommen", .adopted), ("Zugestimmt", .adopted),
        ("Geändert beschlossen", .adoptedAmended), ("Mit Änderungen beschlossen", .adoptedAmended),
        ("Abgelehnt", .rejected), ("Kenntnis genommen", .noted), ("Zur Kenntnis genommen", .noted),
        ("Verwiesen", .referred), ("Überwiesen", .referred), ("Vertagt", .postponed), ("Zurückgestellt", .postponed),
        ("Zurückgezogen", .withdrawn), ("Offen", .pending), ("Unerledigt", .pending),
    ]

    /// Maps `text` through `table`; unknown text falls back to `fallback`, or to the type of the nearest word.
    static func map<V: Vocabulary>(_ text: String, in table: [(String, V)], fallback: V? = nil) -> Mapping<V> {
        let key = normalized(text)
        if let hit = table.first(where: { normalized($0.0) == key }) {
            return Mapping(value: hit.1, unknownText: nil, nearest: nil)
        }
        // Each known word's distance once, to the text's first characters only: the edit distance costs the
        // product of the lengths, and a free text of kilobytes is no typo of a word anyway.
        let compared = String(key.prefix(comparedLength))
        let distances = table.map { distance(compared, normalized($0.0)) }
        let nearest = distances.indices.min { (distances[$0], $0) < (distances[$1], $1) }.map { table[$0] }
        return Mapping(value: fallback ?? nearest?.1 ?? table[0].1, unknownText: text, nearest: nearest?.0)
    }

    /// How many characters of an unknown text ``map(_:in:fallback:)`` compares with the known words.
    static let comparedLength = 100

    /// Lowercased, whitespace collapsed, trailing full stop removed.
    static func normalized(_ text: String) -> String {
        var words = text.lowercased().split(whereSeparator: \.isWhitespace).joined(separator: " ")
        while words.hasSuffix(".") { words.removeLast() }
        return words
    }

    /// Edit distance between two short texts, with a bonus for a shared word, and more when every word of the known one occurs, so that "Beantwortung einer
    /// Anfrage" is nearest to "Anfrage".
    private static func distance(_ first: String, _ second: String) -> Int {
        let a = Array(first), b = Array(second)
        var previous = Array(0...b.count)
        for i in 1...max(a.count, 1) where !a.isEmpty {
            var row = [i] + Array(repeating: 0, count: b.count)
            for j in 1...max(b.count, 1) where !b.isEmpty {
                row[j] = min(previous[j] + 1, row[j - 1] + 1, previous[j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1))
            }
            previous = row
        }
        let edits = a.isEmpty ? b.count : previous[b.count]
        let words = Set(first.split(separator: " "))
        let candidate = Set(second.split(separator: " "))
        let shared = words.intersection(candidate).isEmpty ? 0 : 1000
        let contained = candidate.isSubset(of: words) ? 2000 : 0
        return edits - shared - contained
    }
}
