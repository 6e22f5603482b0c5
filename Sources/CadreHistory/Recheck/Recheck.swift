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

    /// Re-checks the workspace under the law in force on `asOf`.
    ///
    /// - Parameters:
    ///   - now: the wall clock recorded with the run.
    ///   - record: false to compare without recording (a dry run).
    /// - Returns: the outcome; when the workspace, a pack or a rule file is invalid, the outcome
    ///   holds the problems and nothing is evaluated or recorded.
    /// - Throws: ``HistoryError`` when the history cannot be read or written.
    public func run(asOf: ISODate, now: Date = Date(), record: Bool = true) throws(HistoryError) -> RecheckOutcome {
        var engine = Engine(workspace: workspace, jobs: jobs, readsStores: readsStores, environment: environment)
        let (rules, ruleDiagnostics) = engine.loadRules()
        guard !ruleDiagnostics.containsErrors else {
            return RecheckOutcome(blockedBy: ruleDiagnostics)
        }
        // The descriptors the last run parsed are read while it is read and planned.
        let archives = KeptDocuments.Archives(history: history, cadreVersion: cadreVersion)
        let inputs = WorkspaceInputs.read(workspace, cadreVersion: cadreVersion, readsStores: readsStores)
        let paths = inputs.paths
        // The descriptors are read and hashed while the last run is read.
        let scanned = Mutex<[String: RecheckPlanner.Descriptor]>([:])
        let scanning = DispatchGroup()
        DispatchQueue.global().async(group: scanning) { [workspace] in
            let descriptors = RecheckPlanner.descriptors(of: workspace)
            scanned.withLock { $0 = descriptors }
        }
        let last: RecordedRun?
        do {
            last = try history.lastRun()
        } catch {
            scanning.wait()
            throw error
        }
        scanning.wait()
        var planner = RecheckPlanner(workspace: workspace, inputs: inputs, rules: rules, asOf: asOf)
        planner.readsStores = readsStores
        planner.descriptors = scanned.withLock { $0 }
        let plan = planner.plan(after: last)
        let documents = KeptDocuments(history: history, cadreVersion: cadreVersion, validated: KeptDocuments.validations(in: last, plan: plan),
            digests: planner.descriptors.compactMapValues { $0.digest.isEmpty ? nil : $0.digest }, archives: archives)
        engine.documents = documents
        let partial = engine.evaluate(asOf: asOf, selection: plan.selection)
        let ruleIDs = Set(partial.rules.map(\.id))
        // The usual case: the rules are those of the last run, and no recorded result is dropped.
        let sameRules = last.map { Set($0.rules.map(\.id)) == ruleIDs } ?? false

        // The fresh results in their recorded form, encoded on every core. A result whose content
        // the last run recorded for that pair keeps its key; the others are keyed as stored by
        // this run (its number foreseen: it only groups them in the file).
        let oldSystems = Dictionary((last?.systems ?? []).map { ($0.file, $0) }, uniquingKeysWith: { a, _ in a })
        let runNumber = (last?.info.id ?? 0) + 1
        let encoded = partial.systems.concurrentMap { system in
            let old = oldSystems[paths.relative(system.file)]?.results
            return system.results.map { result in
                let recorded = paths.relocate(result, paths.relative)
                var (key, body) = ResultCoding.encode(recorded, storedBy: runNumber)
                var stored = false
                if let kept = old?.storedKeys(forRule: result.rule).first(where: { $0.hasContent(of: key) }) { (key, stored) = (kept, true) }
                return (
                    reference: ResultReference(rule: result.rule, key: key, status: result.status, severity: result.severity), result: recorded,
                    body: stored ? nil : body
                )
            }.sorted { $0.reference.rule < $1.reference.rule }
        }
        var fresh: [ResultKey: RuleResult] = [:]
        var bodies: [ResultKey: String] = [:]  // those the history does not hold
        var evaluated: [String: (system: SystemEvaluation, references: [ResultReference])] = [:]
        for (system, results) in zip(partial.systems, encoded) {
            for item in results {
                fresh[item.reference.key] = item.result
                if let body = item.body { bodies[item.reference.key] = body }
            }
            evaluated[paths.relative(system.file)] = evaluated[paths.relative(system.file)] ?? (system, results.map(\.reference))
        }

        // Merge fresh results with the ones copied from the last run, system by system on every
        // core: usually the last run's list with the fresh results in place of a few of its own.
        var systems = workspace.systemFiles.concurrentMap { [evaluated] file -> RecordedSystem? in
            let relative = paths.relative(file)
            let old = oldSystems[relative]
            guard let (system, references) = evaluated[relative] else {
                guard var copy = old else { return nil }
                if !sameRules, copy.results.contains(where: { !ruleIDs.contains($0.rule) }) {
                    copy.results = ResultList(copy.results.filter { ruleIDs.contains($0.rule) })
                }
                return copy
            }
            var results = ResultList(references)
            if let old, old.digest == system.digest {
                if sameRules, let replaced = old.results.replacing(references) {
                    results = replaced.list
                } else {
                    results = ResultList(Self.merge(sameRules ? Array(old.results) : old.results.filter { ruleIDs.contains($0.rule) }, references))
                }
            }
            return RecordedSystem(
                file: relative, id: system.id, name: system.name, digest: system.digest,
                diagnostics: paths.relocate(system.diagnostics, paths.relative), waivers: paths.relocate(system.waivers, paths.relative),
                results: results)
        }.compactMap { $0 }
        // Two descriptors with one id: the second is reported, not evaluated (as a full run does).
        var idCounts: [String: Int] = [:]
        for system in systems { if let id = system.id { idCounts[id, default: 0] += 1 } }
        let sharing = systems.indices.filter { systems[$0].id.map { idCounts[$0, default: 0] > 1 } ?? false }
        let duplicates = Evaluation.duplicates(among: sharing.map { (systems[$0].id, paths.shown(systems[$0].file)) })
        for index in sharing {
            let shown = paths.shown(systems[index].file)
            guard let id = systems[index].id, let first = duplicates[shown] else { continue }
            systems[index].results = []
            systems[index].diagnostics.append(paths.relocate([Evaluation.duplicateDiagnostic(file: shown, id: id, first: first)], paths.relative)[0])
        }
        let ids = Set(systems.compactMap(\.id))
        let diagnostics = (partial.diagnostics + Evaluation.waiverProblems(workspace.waivers, rules: partial.rules, systems: ids)).sortedForDisplay()

        var tally = [Int](repeating: 0, count: ResultCoding.statuses.count)
        for system in systems { system.results.tally(into: &tally) }
        var counts: [RuleResult.Status: Int] = [:]
        for (status, count) in zip(ResultCoding.statuses, tally) where count > 0 { counts[status] = count }
        let info = RunInfo(
            id: 0, recordedAt: Self.timestamp(now), asOf: asOf, cadreVersion: cadreVersion, workspace: workspace.configuration.name,
            kind: plan.isFull ? .full : .recheck, previousRun: last?.info.id, evaluatedPairs: plan.evaluatedPairs,
            totalPairs: plan.totalPairs, counts: counts, packs: workspace.packs.map { .init(id: $0.id, version: $0.version) }.sorted { $0.id < $1.id })
        var run = RecordedRun(
            info: info, engine: inputs.engine, inputs: inputs.inputs, rules: partial.rules.map { paths.relocate($0, paths.relative) },
            waivers: paths.relocate(workspace.waivers, paths.relative), systems: systems.sorted { $0.file < $1.file },
            diagnostics: paths.relocate(diagnostics, paths.relative))
        // The run is recorded on one thread (mostly waiting on SQLite) while what changed is
        // found, read (a reader of the history's pool, beside the writer) and compared on the
        // others.
        let recording = Mutex<Result<Int64, HistoryError>?>(nil)
        let recorded = DispatchGroup()
        if record {
            DispatchQueue.global().async(group: recorded) { [history, run, bodies] in
                let outcome = Result { () throws(HistoryError) in try history.record(run, results: bodies, documents: documents.newlyParsed) }
                recording.withLock { $0 = outcome }
            }
        }
        let compared = Result { [run] () throws(HistoryError) -> RunDiff in
            let comparison = RunComparison(paths: paths)
            let differences = comparison.differences(from: last, to: run)
            let earlier = try history.resultBodies(differences.keys.filter { fresh[$0] == nil })
            var results = try HistoryStore.decode(earlier, file: history.file)
            for key in differences.keys where results[key] == nil { results[key] = fresh[key] }
            return comparison.diff(differences, results: results, fromInfo: last?.info, toInfo: nil)
        }
        recorded.wait()  // never return while the run is being written
        var diff = try compared.get()
        if record, let outcome = recording.withLock({ $0 }) {
            run.info.id = try outcome.get()
            diff.to = run.info
        }
        return RecheckOutcome(
            previous: last?.info, run: run, plan: plan, diff: diff, recorded: record, diagnostics: diagnostics,
            invalidSystems: systems.filter { $0.diagnostics.containsErrors }.map { paths.shown($0.file) })
    }

    /// `kept` with `fresh` results in place of theirs, both sorted by rule, and the result too.
    static func merge(_ kept: [ResultReference], _ fresh: [ResultReference]) -> [ResultReference] {
        guard !kept.isEmpty else { return fresh }
        guard zip(kept, kept.dropFirst()).allSatisfy({ $0.rule < $1.rule }) else {
            // Not sorted (never recorded so): by rule, the fresh result winning.
            var byRule = Dictionary(kept.map { ($0.rule, $0) }, uniquingKeysWith: { a, _ in a })
            for reference in fresh { byRule[reference.rule] = reference }
            return byRule.values.sorted { $0.rule < $1.rule }
        }
        return sortedMatch(kept, fresh, by: \.rule, \.rule).compactMap { i, j in j.map { fresh[$0] } ?? i.map { kept[$0] } }
    }

    static func timestamp(_ date: Date) -> String {
        let formatter = ISO8601DateFormatter()
        formatter.formatOptions = [.withInternetDateTime]
        formatter.timeZone = TimeZone(identifier: "UTC")
        return formatter.string(from: date)
    }
}
