import CadreEngine
import CadreModel

/// What a re-check did and found.
public struct RecheckOutcome: Sendable {
    /// The run compared with (nil on the first run).
    public var previous: RunInfo?
    /// The new run (its number is 0 when it was not recorded).
    public var run: RecordedRun?
    public var plan: RecheckPlan?
    /// New, resolved and changed pairs since ``previous``.
    public var diff: RunDiff
    public var recorded: Bool
    /// Problems of the workspace, packs, rules and waivers (paths as shown to users).
    public var diagnostics: [Diagnostic]
    /// Descriptors with errors (their problems are recorded with the run).
    public var invalidSystems: [String]
    /// The baseline ``diff`` is against (in place of ``previous``), if any.
    public var baseline: Baseline?
    /// The results the re-check evaluated, by key (the others are the history's).
    var fresh = FreshResults()

    init(
        previous: RunInfo?, run: RecordedRun?, plan: RecheckPlan?, diff: RunDiff, recorded: Bool,
        diagnostics: [Diagnostic], invalidSystems: [String]
    ) {
        self.previous = previous
        self.run = run
        self.plan = plan
        self.diff = diff
        self.recorded = recorded
        self.diagnostics = diagnostics
        self.invalidSystems = invalidSystems
    }

    init(blockedBy diagnostics: [Diagnostic]) {
        self.init(
            previous: nil, run: nil, plan: nil,
            diff: RunDiff(from: nil, to: nil, newFailures: [], resolved: [], changed: []), recorded: false,
            diagnostics: diagnostics, invalidSystems: [])
    }

    /// Whether some input is invalid: the workspace, a pack, a rule file, a waiver file, a descriptor.
    public var hasInvalidInput: Bool { diagnostics.containsErrors || !invalidSystems.isEmpty }

    /// The documented exit status: 2 for invalid input, else 1 when something new fails at or
    /// above `failOn` (nil: never), else 0.
    public func exitStatus(failOn: Severity?) -> Int32 {
        if hasInvalidInput { return 2 }
        return diff.newFailureCount(at: failOn) > 0 ? 1 : 0
    }
}
