/// Hands out heading ids that are unique within one document, in document order.
///
/// The id is the ``Slug`` of the heading text, or `abschnitt` when that is empty. A repeated id gets `-2`,
/// `-3` … appended (the first unused one), so `Ziele`, `Ziele`, `Ziele` become `ziele`, `ziele-2`, `ziele-3`.
struct HeadingIDAssigner {
    /// The id used for a heading whose text yields an empty slug (only punctuation, or an image without alt text).
    static let fallbackID = "abschnitt"

    /// Ids that are taken: reserved ones and those handed out so far.
    private var usedIDs: Set<String>
    /// For each base id, the number to try next, so many equal headings do not rescan from `-2`.
    private var nextNumber: [String: Int] = [:]

    /// Creates an assigner that never hands out one of `reservedIDs`.
    init(reservedIDs: Set<String> = []) {
        usedIDs = reservedIDs
    }

    /// Returns a new unique id for a heading with the given plain text.
    mutating func assignID(forHeadingText text: String) -> String {
        let slug = Slug.make(from: text)
        let base = slug.isEmpty ? Self.fallbackID : slug
        var candidate = base
        var number = nextNumber[base, default: 2]
        while usedIDs.contains(candidate) {
            candidate = "\(base)-\(number)"
            number += 1
        }
        nextNumber[base] = number
        usedIDs.insert(candidate)
        return candidate
    }
}
