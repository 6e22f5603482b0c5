import CadreModel

/// What a report reads of a run: what is known of the whole run first (its packs, rules,
/// problems, totals), then its systems one at a time, in report order.
///
/// An ``Evaluation`` holds its systems in memory; a ``SpooledEvaluation`` (what `cadre evaluate`
/// reports) reads each back from its spool when the report reaches it, so that a report of
/// 100,000 systems holds one at a time.
public protocol ReportedEvaluation {
    var asOf: ISODate { get }
    /// The workspace's name, if it has one.
    var workspace: String? { get }
    var packs: [Evaluation.PackSummary] { get }
    /// Every rule loaded, sorted by id.
    var rules: [RuleInfo] { get }
    /// Problems of the workspace, packs, rules and waivers (descriptor problems are the systems').
    var diagnostics: [Diagnostic] { get }
    var summary: Evaluation.Summary { get }
    /// Each system's totals, in report order.
    var overviews: [SystemOverview] { get }
    /// How many results fail at or above `severity` (``RuleResult/fails(at:)``).
    func failing(at severity: Severity) -> Int
    /// The documented exit status: 2 for invalid input, else 1 when a result fails at or above
    /// `failOn` (nil: never), else 0.
    func exitStatus(failOn: Severity?) -> Int32
    /// The rule with `id`.
    func rule(_ id: String) -> RuleInfo?
    /// This evaluation with every file and location shown by `files` (``Evaluation/shown(in:)``).
    func showing(_ files: WorkspaceFiles) -> any ReportedEvaluation
    /// Calls `body` with each system, in report order.
    ///
    /// - Throws: what `body` throws, or ``SpooledEvaluation/Unreadable`` when a spooled system
    ///   cannot be read back.
    func forEachSystem(_ body: (SystemEvaluation) throws -> Void) throws
}

/// A system's totals, which a report may need before the system itself (Markdown's table).
public struct SystemOverview: Sendable, Hashable {
    public var id: String?
    /// The descriptor file.
    public var file: String
    public var isValid: Bool
    /// Results by status.
    public var counts: [RuleResult.Status: Int]

    public func count(_ status: RuleResult.Status) -> Int { counts[status] ?? 0 }
}

extension Evaluation: ReportedEvaluation {
    public func showing(_ files: WorkspaceFiles) -> any ReportedEvaluation { shown(in: files) }

    public var overviews: [SystemOverview] {
        systems.map { system in
            var counts: [RuleResult.Status: Int] = [:]
            for result in system.results { counts[result.status, default: 0] += 1 }
            return SystemOverview(id: system.id, file: system.file, isValid: system.isValid, counts: counts)
        }
    }

    public func failing(at severity: Severity) -> Int {
        systems.reduce(0) { $0 + $1.results.filter { $0.fails(at: severity) }.count }
    }

    public func forEachSystem(_ body: (SystemEvaluation) throws -> Void) throws {
        for system in systems { try body(system) }
    }
}
