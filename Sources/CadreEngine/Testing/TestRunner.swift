import CadreModel
import Foundation
import LuaHost
import Synchronization

/// Runs the tests of packs (`cadre test`): each pack's `*_test.lua` files, with the busted-style
/// API of docs/rules.md, and measures which rules the tests exercised both ways.
///
/// Each pack is loaded once, on a thread of its own with its own Lua states; packs run in
/// parallel, and the report is in the order of the targets whatever the number of threads.
///
/// ```swift
/// let report = TestRunner(targets: TestTarget.resolve(["policies/cnil"]).targets, taxonomy: try Taxonomy.bundled()).run()
/// print(report.summary.passed, report.summary.failed)
/// ```
public struct TestRunner: Sendable {
    public var targets: [TestTarget]
    public var taxonomy: Taxonomy
    /// What each rule may use on each run (test code gets the same memory and instructions, and
    /// ten times the deadline).
    public var limits: LuaLimits
    /// Only tests whose full name contains this text or matches this Lua pattern.
    public var filter: String?
    /// Threads running packs in parallel (0: one per core).
    public var jobs: Int
    /// The plugins the rules and the tests may use: modules for `require`, detectors for scans
    /// of fixture stores (their taxonomy terms are in ``taxonomy`` already).
    public var plugins: [Plugin]

    public init(
        targets: [TestTarget], taxonomy: Taxonomy, limits: LuaLimits? = nil, filter: String? = nil, jobs: Int = 0,
        plugins: [Plugin] = []
    ) {
        self.targets = targets
        self.plugins = plugins
        self.taxonomy = taxonomy
        self.limits = limits ?? WorkspaceConfiguration.defaults(at: "").limits
        self.filter = filter
        self.jobs = jobs
    }

    public func run() -> TestReport {
        let outcomes = Mutex([Int: PackTestSession.Outcome]())
        let next = Mutex(0)
        let workers = max(1, min(jobs > 0 ? jobs : ProcessInfo.processInfo.activeProcessorCount, targets.count))
        let group = DispatchGroup()
        for index in 0..<workers {
            group.enter()
            let thread = Thread { [self] in
                defer { group.leave() }
                while true {
                    let claimed = next.withLock { value -> Int? in
                        guard value < targets.count else { return nil }
                        defer { value += 1 }
                        return value
                    }
                    guard let claimed else { return }
                    let session = PackTestSession(
                        target: targets[claimed], taxonomy: taxonomy, limits: limits, filter: filter, plugins: plugins)
                    let outcome = session.run()
                    outcomes.withLock { $0[claimed] = outcome }
                }
            }
            thread.stackSize = 16 << 20
            thread.name = "cadre test \(index + 1)"
            thread.start()
        }
        group.wait()
        return outcomes.withLock { found in
            let ordered = targets.indices.compactMap { found[$0] }
            var seen: [String: String] = [:]
            var diagnostics: [Diagnostic] = []
            var rules: [RuleInfo] = []
            var statuses: [String: Set<RuleResult.Status>] = [:]
            for outcome in ordered {
                diagnostics += outcome.diagnostics
                if let id = outcome.packID {
                    if let first = seen[id] {
                        diagnostics.append(
                            .error(
                                .duplicateID, at: .whole(outcome.folder), "pack `\(id)` is also tested from `\(first)`")
                        )
                        continue
                    }
                    seen[id] = outcome.folder
                }
                rules += outcome.rules
                statuses.merge(outcome.outcomes) { $0.union($1) }
            }
            return TestReport(
                cases: ordered.flatMap(\.cases), coverage: RuleCoverage(rules: rules, outcomes: statuses),
                diagnostics: diagnostics.sortedForDisplay(), filter: filter,
                packs: ordered.compactMap { outcome in outcome.packID.map { (id: $0, folder: outcome.folder) } },
                files: ordered.flatMap(\.files))
        }
    }
}
