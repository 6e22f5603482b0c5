import CadreModel

/// Everything a run of `cadre evaluate` found, in a stable order: the same inputs give the same
/// value, whatever the number of workers.
public struct Evaluation: Sendable {
    /// A pack as the run used it.
    public struct PackSummary: Sendable, Hashable {
        public var id: String
        public var version: String
        public var title: String
        public var folder: String
        public var digest: String
        public var settings: [String: String]
        /// Each rule file of the pack and its digest.
        public var files: [String: String]
    }

    /// Counts of results by status.
    public struct Summary: Sendable, Hashable {
        public var systems = 0
        public var invalidSystems = 0
        public var rules = 0
        public var results = 0
        public var counts: [RuleResult.Status: Int] = [:]
        public var findings = 0

        public func count(_ status: RuleResult.Status) -> Int { counts[status] ?? 0 }
    }

    public var asOf: ISODate
    /// The workspace's name, if it has one.
    public var workspace: String?
    public var packs: [PackSummary]
    /// Every rule loaded, sorted by id.
    public var rules: [RuleInfo]
    /// Every system, sorted by id (invalid descriptors by file, last).
    public var systems: [SystemEvaluation]
    /// Problems of the workspace, packs, rules and waivers (descriptor problems are in `systems`).
    public var diagnostics: [Diagnostic]
    /// What the rules evaluated in this run read besides their systems, by rule id (a rule that
    /// was not evaluated has no entry).
    public var readings: [String: RuleReadings] = [:]

    public init(
        asOf: ISODate, workspace: String?, packs: [PackSummary], rules: [RuleInfo], systems: [SystemEvaluation],
        diagnostics: [Diagnostic]
    ) {
        self.asOf = asOf
        self.workspace = workspace
        self.packs = packs
        self.rules = rules
        self.systems = systems
        self.diagnostics = diagnostics
    }

    public var summary: Summary {
        var summary = Summary()
        summary.systems = systems.count
        summary.invalidSystems = systems.filter { !$0.isValid }.count
        summary.rules = rules.count
        for system in systems {
            for result in system.results {
                summary.results += 1
                summary.counts[result.status, default: 0] += 1
                summary.findings += result.findings.count
            }
        }
        return summary
    }

    /// Whether some input could not be used: the workspace, a pack, a rule, a waiver file or a
    /// descriptor has errors.
    public var hasInvalidInput: Bool {
        diagnostics.containsErrors || systems.contains { $0.diagnostics.containsErrors }
    }

    /// The documented exit status: 2 for invalid input, else 1 when a result fails at or above
    /// `failOn` (nil: never), else 0.
    public func exitStatus(failOn: Severity?) -> Int32 {
        if hasInvalidInput { return 2 }
        guard let failOn else { return 0 }
        let failing = systems.contains { $0.results.contains { $0.fails(at: failOn) } }
        return failing ? 1 : 0
    }

    /// The rule with `id`.
    public func rule(_ id: String) -> RuleInfo? { rules.first { $0.id == id } }
}
