import CadreEngine
import CadreModel

extension RunDiff {
    /// The changes as an evaluation, for the reports of `cadre evaluate` that CI tools read
    /// (SARIF, JUnit): the results of the pairs that fail anew, and, for a pair that failed
    /// already and gained failing findings, its result with only those (a rewording is never
    /// one); with `resolved`, the results of the pairs that no longer fail, too. Files are named
    /// as the diff names them: in the workspace, before ``shown(in:)``.
    public func evaluation(
        resolved includesResolved: Bool, rules: [RuleInfo], asOf: ISODate, workspace: String?
    ) -> Evaluation {
        var bySystem: [String: (system: String, results: [RuleResult])] = [:]
        func add(_ entry: Entry, _ result: RuleResult) {
            bySystem[entry.file, default: (entry.system, [])].results.append(result)
        }
        for entry in newFailures {
            if let after = entry.after { add(entry, after) }
        }
        for entry in changed {
            guard var after = entry.after, after.status == .fail || after.status == .error else { continue }
            let gained = entry.added.filter { $0.level == .fail }
            guard !gained.isEmpty else { continue }
            after.findings = gained
            add(entry, after)
        }
        if includesResolved {
            for entry in resolved {
                if let after = entry.after { add(entry, after) }
            }
        }
        let systems = bySystem.map { file, item in
            SystemEvaluation(
                file: file, id: item.system, name: nil, digest: "",
                results: item.results.sorted { $0.rule < $1.rule }, diagnostics: [])
        }
        return Evaluation(
            asOf: asOf, workspace: workspace, packs: [], rules: rules,
            systems: systems.sorted(by: Evaluation.reportOrder), diagnostics: [])
    }
}
