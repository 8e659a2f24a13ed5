/// Finds the closest known name to a misspelt one, for "did you mean …?" hints.
public enum NameSuggester {
    /// The candidate closest to `name` by edit distance, if it is close enough to be a plausible typo.
    ///
    /// Ties go to the candidate that sorts first. The cost is linear in the length of the names, whatever they
    /// hold: only candidates of about the same length are compared, and only near the diagonal.
    public static func suggestion(for name: String, among candidates: [String]) -> String? {
        let lowered = Array(name.lowercased())
        let limit = max(1, min(3, name.count / 3))
        var best: (name: String, distance: Int)?
        for candidate in candidates {
            let other = Array(candidate.lowercased())
            guard let distance = editDistance(lowered, other, atMost: limit) else { continue }
            if let current = best, (current.distance, current.name) <= (distance, candidate) { continue }
            best = (candidate, distance)
        }
        return best?.name
    }

    /// A "did you mean" sentence fragment, or an empty string when nothing is close.
    public static func hint(for name: String, among candidates: [String]) -> String {
        suggestion(for: name, among: candidates).map { " Did you mean '\($0)'?" } ?? ""
    }

    /// The edit distance between two strings (insertions, deletions, substitutions and swaps of neighbours) if
    /// it is at most `limit`, else nil.
    ///
    /// Strings whose lengths differ by more than `limit` are never compared, and only the cells within `limit`
    /// of the diagonal are computed, stopping as soon as a whole row exceeds `limit`: the cost is
    /// O(length × limit), not O(length²).
    static func editDistance(_ a: [Character], _ b: [Character], atMost limit: Int) -> Int? {
        guard abs(a.count - b.count) <= limit else { return nil }
        if a.isEmpty { return b.count }
        if b.isEmpty { return a.count }
        let beyond = limit + 1
        // Three rolling rows: the one before the previous (for swaps), the previous and the current.
        var beforePrevious = [Int](repeating: beyond, count: b.count + 1)
        var previous = [Int](repeating: beyond, count: b.count + 1)
        var current = [Int](repeating: beyond, count: b.count + 1)
        for j in 0...min(b.count, limit) { previous[j] = j }
        for i in 1...a.count {
            let low = max(1, i - limit), high = min(b.count, i + limit)
            current[0] = min(i, beyond)
            // Cells just outside the band may hold values of an older row: mark them as beyond the limit.
            current[low - 1] = low == 1 ? current[0] : beyond
            if high < b.count { current[high + 1] = beyond }
            var rowMinimum = current[0]
            if low <= high {
                for j in low...high {
                    let cost = a[i - 1] == b[j - 1] ? 0 : 1
                    var value = min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + cost)
                    if i > 1, j > 1, a[i - 1] == b[j - 2], a[i - 2] == b[j - 1] {
                        value = min(value, beforePrevious[j - 2] + 1)
                    }
                    current[j] = min(value, beyond)
                    rowMinimum = min(rowMinimum, current[j])
                }
            }
            if rowMinimum > limit { return nil }
            (beforePrevious, previous, current) = (previous, current, beforePrevious)
        }
        return previous[b.count] <= limit ? previous[b.count] : nil
    }
}
