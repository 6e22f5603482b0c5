import CadreEngine
import CadreModel
import Foundation
import Synchronization

/// A re-check: compares the workspace with the last recorded run, evaluates again only what
/// changed (see ``RecheckPlanner``), copies the rest, records the new run in one transaction, and
/// says what is new, resolved or changed.
public struct Recheck: Sendable {
    public var workspace: Workspace
    public var history: HistoryStore
    /// cadre's version, recorded with the run (a new version re-evaluates everything).
    public var cadreVersion: String
    /// Workers (0: one per core).
    public var jobs: Int
    /// Whether rules read the systems' stores (`--no-stores`: they are skipped).
    public var readsStores: Bool
    /// Where store URLs' `${VAR}` references are resolved.
    public var environment: [String: String]
    /// What triggered the re-check, at which commit: recorded with the run. A re-check compares
    /// with the last run `cadre watch` did not record, unless it is a watch's.
    public var origin = RunOrigin(trigger: .recheck)
    /// The baseline the changes are reported against, in place of the last run (which the
    /// re-check still starts from).
    public var baseline: Baseline?

    public init(
        workspace: Workspace, history: HistoryStore, cadreVersion: String, jobs: Int = 0, readsStores: Bool = true,
        environment: [String: String] = ProcessInfo.processInfo.environment
    ) {
        self.workspace = workspace
        self.history = history
        self.cadreVersion = cadreVersion
        self.jobs = jobs
        self.readsStores = readsStores
        self.environment = environment
    }

    /// Re-checks the workspace under the law in force on `asOf`: plan what changed since the
    /// last run, evaluate only that, merge it with the last run's results, then record the new
    /// run while comparing it with the last.
    ///
    /// - Parameters:
    ///   - now: the wall clock recorded with the run.
    ///   - record: false to compare without recording (a dry run).
    /// - Returns: the outcome; when the workspace, a pack or a rule file is invalid, the outcome
    ///   holds the problems and nothing is evaluated or recorded.
    /// - Throws: ``HistoryError`` when the history cannot be read or written.
    public func run(asOf: ISODate, now: Date = Date(), record: Bool = true) throws(HistoryError) -> RecheckOutcome {
        // The descriptors the last run parsed are read, and the workspace's descriptors hashed,
        // while the last run is read.
        let stored = HistoryParsedDescriptors.Stored(history: history, cadreVersion: cadreVersion)
        let inputs = WorkspaceInputs.read(workspace, cadreVersion: cadreVersion, readsStores: readsStores)
        let (last, descriptors) = try lastRun()
        let parsedDescriptors = HistoryParsedDescriptors(
            history: history, cadreVersion: cadreVersion,
            digests: descriptors.compactMapValues { $0.digest.isEmpty ? nil : $0.digest },
            stored: stored)

        // Plan once the engine's first worker has loaded the rules, then evaluate the pairs planned.
        let planning = Planning(
            workspace: workspace, inputs: inputs, last: last, descriptors: descriptors, asOf: asOf,
            readsStores: readsStores, parsedDescriptors: parsedDescriptors)
        var engine = Engine(workspace: workspace, jobs: jobs, readsStores: readsStores, environment: environment)
        engine.parsedDescriptors = parsedDescriptors
        guard let partial = engine.evaluate(asOf: asOf, planning: planning.plan), let plan = planning.chosen else {
            return RecheckOutcome(blockedBy: planning.problems)
        }

        let merged = RecheckMerge(partial, with: last, files: workspace.systemFiles)
        var systems = merged.systems
        let diagnostics =
            (partial.diagnostics + Evaluation.resolve(&systems, waivers: workspace.waivers, rules: partial.rules))
            .sortedForDisplay()
        var run = RecordedRun(
            info: info(of: systems, plan: plan, last: last, asOf: asOf, now: now), engine: inputs.engine,
            inputs: inputs.inputs,
            rules: partial.rules, waivers: workspace.waivers, systems: systems, diagnostics: diagnostics)
        run.readings = plan.readings(of: partial.rules, observed: partial.readings, last: last)

        let diff = try recordAndCompare(
            &run, last: last, fresh: merged.fresh, bodies: merged.bodies, parsedDescriptors: parsedDescriptors,
            record: record)
        // What makes a descriptor invalid is said with the report (the status is 2 because of it).
        let invalid = systems.filter { $0.diagnostics.containsErrors }
        var outcome = RecheckOutcome(
            previous: last?.info, run: run, plan: plan, diff: diff, recorded: record,
            diagnostics: (diagnostics + invalid.flatMap { $0.diagnostics.filter(\.isError) }).sortedForDisplay(),
            invalidSystems: invalid.map(\.file))
        outcome.fresh = merged.fresh
        outcome.baseline = baseline
        return outcome
    }

    /// The last recorded run, and the workspace's descriptors read and hashed meanwhile.
    private func lastRun() throws(HistoryError) -> (RecordedRun?, [String: RecheckPlanner.Descriptor]) {
        let scanned = Mutex<[String: RecheckPlanner.Descriptor]>([:])
        let scanning = DispatchGroup()
        DispatchQueue.global().async(group: scanning) { [workspace] in
            let descriptors = RecheckPlanner.descriptors(of: workspace)
            scanned.withLock { $0 = descriptors }
        }
        defer { scanning.wait() }
        let last = try history.lastRun(countingWatch: origin.trigger == .watch)
        scanning.wait()
        return (last, scanned.withLock { $0 })
    }

    /// What the engine's first worker hands a re-check once it has loaded the rules: the plan
    /// (kept for the rest of the re-check), or the problems that block it.
    private final class Planning: Sendable {
        let workspace: Workspace
        let inputs: WorkspaceInputs
        let last: RecordedRun?
        let descriptors: [String: RecheckPlanner.Descriptor]
        let asOf: ISODate
        let readsStores: Bool
        let parsedDescriptors: HistoryParsedDescriptors
        private let outcome = Mutex<(plan: RecheckPlan?, problems: [Diagnostic])>((nil, []))

        init(
            workspace: Workspace, inputs: WorkspaceInputs, last: RecordedRun?,
            descriptors: [String: RecheckPlanner.Descriptor],
            asOf: ISODate, readsStores: Bool, parsedDescriptors: HistoryParsedDescriptors
        ) {
            self.workspace = workspace
            self.inputs = inputs
            self.last = last
            self.descriptors = descriptors
            self.asOf = asOf
            self.readsStores = readsStores
            self.parsedDescriptors = parsedDescriptors
        }

        var chosen: RecheckPlan? { outcome.withLock { $0.plan } }
        var problems: [Diagnostic] { outcome.withLock { $0.problems } }

        /// The pairs to evaluate, given the rules loaded; nil when a problem blocks the re-check.
        func plan(rules: [RuleInfo], problems: [Diagnostic]) -> EvaluationSelection? {
            let problems = (workspace.diagnostics + problems).sortedForDisplay()
            guard !problems.containsErrors else {
                outcome.withLock { $0 = (nil, problems) }
                return nil
            }
            var planner = RecheckPlanner(workspace: workspace, inputs: inputs, rules: rules, asOf: asOf)
            planner.readsStores = readsStores
            planner.descriptors = descriptors
            let plan = planner.plan(after: last)
            parsedDescriptors.trust(HistoryParsedDescriptors.validations(in: last, plan: plan))
            outcome.withLock { $0 = (plan, problems) }
            return plan.selection
        }
    }

    /// The new run's facts: counts by status, what was evaluated, the packs.
    private func info(of systems: [RecordedSystem], plan: RecheckPlan, last: RecordedRun?, asOf: ISODate, now: Date)
        -> RunInfo
    {
        var tally = [Int](repeating: 0, count: ResultCoding.statuses.count)
        for system in systems { system.results.tally(into: &tally) }
        var counts: [RuleResult.Status: Int] = [:]
        for (status, count) in zip(ResultCoding.statuses, tally) where count > 0 { counts[status] = count }
        return RunInfo(
            id: 0, recordedAt: Self.timestamp(now), asOf: asOf, cadreVersion: cadreVersion,
            workspace: workspace.configuration.name,
            kind: plan.isFull ? .full : .recheck, previousRun: last?.info.id, evaluatedPairs: plan.evaluatedPairs,
            totalPairs: plan.totalPairs, counts: counts,
            packs: workspace.packs.map { .init(id: $0.id, version: $0.version) }.sorted { $0.id < $1.id },
            origin: origin)
    }

    /// Records `run` (unless `record` is false) on one thread — mostly waiting on SQLite — while
    /// what changed since `last` is found, read (a reader of the history's pool, beside the
    /// writer) and compared on the others; never returns while the run is being written.
    private func recordAndCompare(
        _ run: inout RecordedRun, last: RecordedRun?, fresh: FreshResults, bodies: [ResultKey: String],
        parsedDescriptors: HistoryParsedDescriptors,
        record: Bool
    ) throws(HistoryError) -> RunDiff {
        let recording = Mutex<Result<Int64, HistoryError>?>(nil)
        let recorded = DispatchGroup()
        if record {
            DispatchQueue.global().async(group: recorded) { [history, run] in
                let outcome = Result { () throws(HistoryError) in
                    try history.record(run, results: bodies, documents: parsedDescriptors.newlyParsed)
                }
                recording.withLock { $0 = outcome }
            }
        }
        let compared = Result { [run, history, baseline] () throws(HistoryError) -> RunDiff in
            if let baseline {
                return try BaselineComparison(baseline: baseline).diff(to: run) { keys throws(HistoryError) in
                    var results = try HistoryStore.decode(
                        try history.resultBodies(keys.filter { fresh[$0] == nil }), file: history.file)
                    for key in keys where results[key] == nil { results[key] = fresh[key] }
                    return results
                }
            }
            let comparison = RunComparison()
            let differences = comparison.differences(from: last, to: run)
            let earlier = try HistoryStore.decode(
                try history.resultBodies(differences.keys.filter { fresh[$0] == nil }), file: history.file)
            var diff = comparison.diff(
                differences, result: { earlier[$0] ?? fresh[$0] }, fromInfo: last?.info, toInfo: nil)
            if let last { diff.explain(from: RunFacts(last), to: RunFacts(run)) }
            return diff
        }
        recorded.wait()
        var diff = try compared.get()
        if record, let outcome = recording.withLock({ $0 }) {
            run.info.id = try outcome.get()
            diff.to = run.info
        }
        return diff
    }

    /// The baseline of the run `outcome` holds (nil when it holds none: an input is invalid):
    /// every result, the owners of the descriptors.
    ///
    /// - Throws: ``HistoryError`` when results the run copied cannot be read from the history.
    public func baseline(of outcome: RecheckOutcome) throws(HistoryError) -> Baseline? {
        guard let run = outcome.run else { return nil }
        let keys = run.systems.flatMap { $0.results.map(\.key) }.filter { outcome.fresh[$0] == nil }
        var results = try history.results(keys)
        results.merge(outcome.fresh.all) { old, _ in old }
        let files = workspace.files
        let owners = run.systems.map(\.file).concurrentMap { file -> (String, String?) in
            let root = try? DocumentParser().parse(fileAt: files.path(file), as: file)
            return (file, root?["owner"]?.scalar.flatMap { $0.text.isEmpty ? nil : $0.text })
        }
        return Baseline(
            of: run, results: results,
            owners: Dictionary(
                owners.compactMap { file, owner in owner.map { (file, $0) } }, uniquingKeysWith: { a, _ in a }))
    }

    static func timestamp(_ date: Date) -> String {
        let formatter = ISO8601DateFormatter()
        formatter.formatOptions = [.withInternetDateTime]
        formatter.timeZone = TimeZone(identifier: "UTC")
        return formatter.string(from: date)
    }
}
