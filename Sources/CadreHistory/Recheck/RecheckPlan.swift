import CadreEngine

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

    /// Pairs evaluated again.
    public var evaluatedPairs: Int { selection.count }
}
