import CadreModel

/// A run whose systems wait in a spool (``SystemSpool``) until the report reaches them: what a
/// report of `cadre evaluate` reads. In memory it keeps, per system, only its id, file, totals
/// and where its record is — a few hundred bytes, whatever its results — so a run's memory
/// stays flat in the number of systems.
///
/// It reports what ``Evaluation`` reports for the same run, byte for byte: the same order, the
/// same second descriptors of an id set aside, the same waiver problems, the same totals.
public final class SpooledEvaluation: ReportedEvaluation {
    public let asOf: ISODate
    public let workspace: String?
    public let packs: [Evaluation.PackSummary]
    public let rules: [RuleInfo]
    public let diagnostics: [Diagnostic]
    /// What the rules evaluated read besides their systems, by rule id.
    public let readings: [String: RuleReadings]
    public let summary: Evaluation.Summary
    /// Systems in report order.
    private let entries: [Entry]
    private let spool: SystemSpool
    private let ruleIndex: [String: RuleInfo]
    private let failingBySeverity: InlineArray<5, Int>
    /// Shows files from where cadre runs (nil: as the workspace names them).
    private let files: WorkspaceFiles?

    /// Thrown when a spooled system cannot be read back (its file changed or was cut short
    /// under cadre).
    public struct Unreadable: Error, CustomStringConvertible {
        public var file: String
        public var description: String {
            "the results of `\(file)` could not be read back from cadre's spool file (was the temporary folder cleaned during the run?)"
        }
    }

    /// A system as the spool indexes it.
    struct Entry {
        var id: String?
        var file: String
        var record: SystemSpool.Record
        var valid: Bool
        var tally: Tally
        /// Why this system is reported without results (a second descriptor of an id): rare, so
        /// kept boxed, out of the entry every system has.
        var setAside: Diagnostic? {
            get { setAsideBox?.problem }
            set { setAsideBox = newValue.map(SetAside.init) }
        }
        private var setAsideBox: SetAside?

        init(id: String?, file: String, record: SystemSpool.Record, valid: Bool, tally: Tally) {
            self.id = id
            self.file = file
            self.record = record
            self.valid = valid
            self.tally = tally
        }
    }

    private final class SetAside: Sendable {
        let problem: Diagnostic
        init(_ problem: Diagnostic) { self.problem = problem }
    }

    /// A system's results counted: by status, findings, and failing ones by severity.
    struct Tally {
        var statuses = InlineArray<6, Int32>(repeating: 0)
        var failing = InlineArray<5, Int32>(repeating: 0)
        var results: Int32 = 0
        var findings: Int32 = 0

        init(_ results: [RuleResult]) {
            self.results = Int32(clamping: results.count)
            for result in results {
                statuses[Self.position(result.status)] += 1
                findings += Int32(clamping: result.findings.count)
                if result.status == .fail || result.status == .error {
                    failing[Self.position(result.severity)] += 1
                }
            }
        }

        static let statusOrder = RuleResult.Status.allCases
        static let severityOrder: [Severity] = [.info, .low, .medium, .high, .critical]

        static func position(_ status: RuleResult.Status) -> Int { statusOrder.firstIndex(of: status)! }
        static func position(_ severity: Severity) -> Int { severityOrder.firstIndex(of: severity)! }
    }

    /// The evaluation of `entries` (in any order, duplicate ids not yet resolved) whose records
    /// are in `spool`, put together as ``Evaluation/init(assembling:rules:workspace:asOf:diagnostics:)``
    /// puts systems together.
    init(
        entries: [Entry], spool: SystemSpool, rules: [RuleInfo], workspace: Workspace, asOf: ISODate,
        diagnostics: [Diagnostic], readings: [String: RuleReadings]
    ) {
        var entries = entries.sorted { Evaluation.reportOrder(($0.id, $0.file), ($1.id, $1.file)) }
        let problems =
            workspace.diagnostics + diagnostics
            + Evaluation.resolve(&entries, waivers: workspace.waivers, rules: rules)
        var summary = Evaluation.Summary()
        var failingBySeverity = InlineArray<5, Int>(repeating: 0)
        summary.systems = entries.count
        summary.rules = rules.count
        for entry in entries {
            if !entry.valid || entry.setAside != nil { summary.invalidSystems += 1 }
            guard entry.setAside == nil else { continue }
            summary.results += Int(entry.tally.results)
            summary.findings += Int(entry.tally.findings)
            for (position, status) in Tally.statusOrder.enumerated() where entry.tally.statuses[position] > 0 {
                summary.counts[status, default: 0] += Int(entry.tally.statuses[position])
            }
            for position in 0..<5 { failingBySeverity[position] += Int(entry.tally.failing[position]) }
        }
        self.asOf = asOf
        self.workspace = workspace.configuration.name
        self.packs = Evaluation.packSummaries(of: workspace)
        self.rules = rules
        self.diagnostics = problems.sortedForDisplay()
        self.readings = readings
        self.summary = summary
        self.entries = entries
        self.spool = spool
        self.ruleIndex = Dictionary(rules.map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first })
        self.failingBySeverity = failingBySeverity
        files = nil
    }

    private init(_ other: SpooledEvaluation, files: WorkspaceFiles) {
        let shown = Evaluation(
            asOf: other.asOf, workspace: other.workspace, packs: other.packs, rules: other.rules, systems: [],
            diagnostics: other.diagnostics
        ).shown(in: files)
        asOf = other.asOf
        workspace = other.workspace
        packs = shown.packs
        rules = shown.rules
        diagnostics = shown.diagnostics
        readings = other.readings
        summary = other.summary
        entries = other.entries
        spool = other.spool
        ruleIndex = Dictionary(shown.rules.map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first })
        failingBySeverity = other.failingBySeverity
        self.files = files
    }

    /// This evaluation with every file and location shown by `files`, as ``Evaluation/shown(in:)``
    /// shows them: the same spool, read back through `files`.
    public func showing(_ files: WorkspaceFiles) -> any ReportedEvaluation {
        guard files.root != "." && !files.root.isEmpty else { return self }
        return SpooledEvaluation(self, files: files)
    }

    public var overviews: [SystemOverview] {
        entries.map { entry in
            var counts: [RuleResult.Status: Int] = [:]
            if entry.setAside == nil {
                for (position, status) in Tally.statusOrder.enumerated() where entry.tally.statuses[position] > 0 {
                    counts[status] = Int(entry.tally.statuses[position])
                }
            }
            return SystemOverview(
                id: entry.id, file: files?.path(entry.file) ?? entry.file,
                isValid: entry.valid && entry.setAside == nil,
                counts: counts)
        }
    }

    public func failing(at severity: Severity) -> Int {
        (Tally.position(severity)..<5).reduce(0) { $0 + failingBySeverity[$1] }
    }

    public var hasInvalidInput: Bool {
        diagnostics.containsErrors || entries.contains { !$0.valid || $0.setAside != nil }
    }

    public func exitStatus(failOn: Severity?) -> Int32 {
        if hasInvalidInput { return 2 }
        guard let failOn else { return 0 }
        return failing(at: failOn) > 0 ? 1 : 0
    }

    public func rule(_ id: String) -> RuleInfo? { ruleIndex[id] }

    public func forEachSystem(_ body: (SystemEvaluation) throws -> Void) throws {
        for entry in entries {
            guard let bytes = spool.read(entry.record),
                var system = try? SpoolCoding.decode(bytes[...])
            else { throw Unreadable(file: files?.path(entry.file) ?? entry.file) }
            if let problem = entry.setAside { system.setAside(for: problem) }
            try body(files.map(system.shown) ?? system)
        }
    }

    /// Every system read back: the ``Evaluation`` this run would have made in memory (for
    /// what needs all of it at once — a plugin's reporter, the history).
    public func collected() throws -> Evaluation {
        var systems: [SystemEvaluation] = []
        systems.reserveCapacity(entries.count)
        try forEachSystem { systems.append($0) }
        var evaluation = Evaluation(
            asOf: asOf, workspace: workspace, packs: packs, rules: rules, systems: systems, diagnostics: diagnostics)
        evaluation.readings = readings
        return evaluation
    }
}

extension SpooledEvaluation.Entry: AssembledSystem {
    mutating func setAside(for problem: Diagnostic) { setAside = problem }
}
