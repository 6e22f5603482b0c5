/// "Did you mean" suggestions: the known words closest to a misspelt one.
public enum Suggestion {
    /// The candidates closest to `word`, best first, at most `limit` of them.
    ///
    /// Closeness is the optimal-string-alignment edit distance (insertions, deletions,
    /// substitutions and swaps of neighbours each count one), ignoring case. A candidate is
    /// suggested when the distance is at most a third of the word's length (at least 1, at most
    /// 3). Farther candidates are suggested, after those, when they start with the word
    /// (`user.contact.phone` → `user.contact.phone_number`) or, for dotted keys, end with the
    /// same segment (`user.phone_number` → `user.contact.phone_number`).
    public static func closest(to word: String, among candidates: some Sequence<String>, limit: Int = 3) -> [String] {
        let target = Array(word.lowercased().unicodeScalars)
        let threshold = min(3, max(1, target.count / 3))
        let lastSegment = word.split(separator: ".").last.map(String.init)
        var scored: [(candidate: String, score: Int)] = []
        for candidate in candidates where candidate != word {
            let distance = editDistance(target, Array(candidate.lowercased().unicodeScalars), cap: threshold + 1)
            if distance <= threshold {
                scored.append((candidate, distance))
            } else if word.count >= 4, candidate.hasPrefix(word) {
                // A key cut short: `user.contact.phone` for `user.contact.phone_number`.
                scored.append((candidate, threshold + 1))
            } else if word.contains("."), let lastSegment, lastSegment.count >= 3,
                candidate.split(separator: ".").last.map(String.init) == lastSegment
            {
                // A key in the wrong branch: `user.phone_number` for `user.contact.phone_number`.
                scored.append((candidate, threshold + 2))
            }
        }
        return scored.sorted { ($0.score, $0.candidate) < ($1.score, $1.candidate) }.prefix(limit).map(\.candidate)
    }

    /// A hint sentence for `closest`: "did you mean `a`?" or "did you mean `a` or `b`?", or nil.
    public static func hint(for word: String, among candidates: some Sequence<String>) -> String? {
        let found = closest(to: word, among: candidates, limit: 2)
        guard !found.isEmpty else { return nil }
        return "did you mean " + found.map { "`\($0)`" }.joined(separator: " or ") + "?"
    }

    /// Optimal string alignment distance, stopping early once every path exceeds `cap`.
    static func editDistance(_ a: [Unicode.Scalar], _ b: [Unicode.Scalar], cap: Int) -> Int {
        if abs(a.count - b.count) > cap { return cap + 1 }
        if a.isEmpty { return b.count }
        if b.isEmpty { return a.count }
        var previousPrevious = [Int](repeating: 0, count: b.count + 1)
        var previous = Array(0...b.count)
        var current = [Int](repeating: 0, count: b.count + 1)
        for i in 1...a.count {
            current[0] = i
            var rowMinimum = current[0]
            for j in 1...b.count {
                let cost = a[i - 1] == b[j - 1] ? 0 : 1
                var value = min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + cost)
                if i > 1, j > 1, a[i - 1] == b[j - 2], a[i - 2] == b[j - 1] {
                    value = min(value, previousPrevious[j - 2] + 1)
                }
                current[j] = value
                rowMinimum = min(rowMinimum, value)
            }
            if rowMinimum > cap { return cap + 1 }
            (previousPrevious, previous, current) = (previous, current, previousPrevious)
        }
        return previous[b.count]
    }
}
