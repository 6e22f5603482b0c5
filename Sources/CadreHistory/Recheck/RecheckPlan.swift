import CadreEngine
import CadreModel

/// What a re-check evaluates again, and why; everything else is copied from the last run.
public struct RecheckPlan: Sendable {
    /// The (descriptor file, rule) pairs to evaluate.
    public var selection: EvaluationSelection
    /// Every change found, in a stable order.
    public var reasons: [ChangeReason]
    /// Whether every pair is evaluated (first run, or a change that concerns every result).
    public var isFull: Bool
    /// Pairs of the new run: descriptors × rules.
    public var totalPairs: Int
    /// The rules evaluated on every system (all of them, when ``isFull``): what they read is
    /// what this run saw them read.
    public var rulesEverywhere: Set<String> = []

    /// Pairs evaluated again.
    public var evaluatedPairs: Int { selection.count }

    /// What each rule of the new run read: what this run saw, for a rule evaluated on every
    /// system; what it saw and what `last` knew, for the others (a rule's code did not change,
    /// but the systems it ran on did).
    func readings(of rules: [RuleInfo], observed: [String: RuleReadings], last: RecordedRun?) -> [String: RuleReadings]
    {
        var readings: [String: RuleReadings] = [:]
        for rule in rules {
            let seen = observed[rule.id] ?? []
            if let last, !isFull, !rulesEverywhere.contains(rule.id) {
                readings[rule.id] = seen.union(last.readings(of: rule.id))
            } else {
                readings[rule.id] = seen
            }
        }
        return readings
    }
}
