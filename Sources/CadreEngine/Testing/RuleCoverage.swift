import CadreModel

/// Which rules the tests exercised both ways: a run that failed (or warned) and a run that passed.
/// A rule with only one of them is not covered: nobody checked it can tell a good system from a
/// bad one.
public struct RuleCoverage: Sendable, Hashable {
    /// One rule, and the outcomes the tests saw.
    public struct Rule: Sendable, Hashable {
        public var id: String
        public var pack: String
        public var file: String
        /// Some test's `run` gave `fail` or `warn`.
        public var failing: Bool
        /// Some test's `run` gave `pass`.
        public var passing: Bool

        public var isCovered: Bool { failing && passing }
    }

    /// Every rule of the packs tested, sorted by id.
    public var rules: [Rule]

    /// Coverage of `rules` by the statuses the tests' runs gave each rule (by id).
    public init(rules: [RuleInfo], outcomes: [String: Set<RuleResult.Status>]) {
        self.rules = rules.map { rule in
            let seen = outcomes[rule.id] ?? []
            return Rule(
                id: rule.id, pack: rule.pack, file: rule.file, failing: seen.contains(.fail) || seen.contains(.warn),
                passing: seen.contains(.pass))
        }.sorted { $0.id < $1.id }
    }

    public var covered: Int { rules.filter(\.isCovered).count }

    public var uncovered: [Rule] { rules.filter { !$0.isCovered } }

    /// The share of rules covered, in percent (100 when there is no rule).
    public var percent: Double { rules.isEmpty ? 100 : Double(covered) * 100 / Double(rules.count) }

    /// `75.0`, `100`: the percentage as reports print it.
    public var percentText: String { Self.format(percent) }

    static func format(_ value: Double) -> String {
        let rounded = (value * 10).rounded(.down) / 10
        return rounded == rounded.rounded() ? String(Int(rounded)) : String(format: "%.1f", rounded)
    }
}
