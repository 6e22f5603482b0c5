import CadreEngine
import CadreModel

/// A run compared with a baseline: the comparison of two runs (``RunComparison``), the baseline
/// taken as the earlier run. Results are told apart by their content's digest, so only the
/// pairs whose digest differs are read; both sides are compared as the baseline keeps them
/// (``Baseline/shown(_:)``: a finding's evidence by its digest).
struct BaselineComparison {
    var baseline: Baseline

    /// What changed from the baseline to `run`; `results` reads the run's results by key.
    func diff(
        to run: RecordedRun, results read: (Set<ResultKey>) throws(HistoryError) -> [ResultKey: RuleResult]
    ) throws(HistoryError) -> RunDiff {
        let (before, earlier) = baseline.recordedRun()
        // The run with its keys as contents: a result the baseline holds has the same key.
        var keys: [ResultKey: ResultKey] = [:]
        var after = run
        after.systems = run.systems.map { system in
            var system = system
            system.results = ResultList(
                system.results.map { reference in
                    var reference = reference
                    let content = reference.key.content
                    keys[content] = reference.key
                    reference.key = content
                    return reference
                })
            return system
        }
        let comparison = RunComparison()
        let differences = comparison.differences(from: before, to: after)
        let wanted = Set(differences.keys.compactMap { earlier[$0] == nil ? keys[$0] : nil })
        let read = try read(wanted)
        var results = earlier.filter { differences.keys.contains($0.key) }
        for content in differences.keys where results[content] == nil {
            if let key = keys[content], let result = read[key] { results[content] = Baseline.shown(result) }
        }
        var diff = comparison.diff(differences, results: results, fromInfo: nil, toInfo: run.info)
        diff.explain(from: RunFacts(baseline), to: RunFacts(run))
        return diff
    }
}

extension HistoryStore {
    /// What changed from `baseline` to the recorded run `run`.
    public func diff(from baseline: Baseline, to run: RecordedRun) throws(HistoryError) -> RunDiff {
        try BaselineComparison(baseline: baseline).diff(to: run) { keys throws(HistoryError) in try results(keys) }
    }
}
