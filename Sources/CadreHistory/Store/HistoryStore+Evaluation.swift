import CadreEngine
import CadreModel

extension HistoryStore {
    /// A recorded run as the ``Evaluation`` a full run would have given: every result read back,
    /// files named in the workspace as the run recorded them (a report shows them). Pack
    /// summaries list the pack files the run recorded.
    public func evaluation(of run: RecordedRun) throws(HistoryError) -> Evaluation {
        let results = try self.results(run.systems.flatMap { $0.results.map(\.key) })
        var systems: [SystemEvaluation] = []
        for system in run.systems {
            var evaluation = SystemEvaluation(
                file: system.file, id: system.id, name: system.name, digest: system.digest,
                results: system.results.compactMap { results[$0.key]?.on(system.id) }, diagnostics: system.diagnostics)
            evaluation.waivers = system.waivers
            systems.append(evaluation)
        }
        let packs = run.inputs.filter { $0.kind == .pack }.map { pack in
            Evaluation.PackSummary(
                pack.name, version: pack.version ?? "", title: pack.detail["title"] ?? "", folder: pack.path,
                digest: pack.digest,
                settings: Dictionary(
                    uniqueKeysWithValues: pack.detail.compactMap { key, value in
                        key.hasPrefix("setting.") ? (String(key.dropFirst("setting.".count)), value) : nil
                    }),
                files: Dictionary(
                    uniqueKeysWithValues: run.inputs.filter {
                        $0.kind == .packFile && $0.name == pack.name && ["rule", "module"].contains($0.detail["role"])
                    }.map { ($0.path, $0.digest) }))
        }
        return Evaluation(
            asOf: run.info.asOf, workspace: run.info.workspace, packs: packs, rules: run.rules,
            systems: systems.sorted(by: Evaluation.reportOrder), diagnostics: run.diagnostics)
    }

    /// What changed between two recorded runs.
    public func diff(from before: RecordedRun, to after: RecordedRun) throws(HistoryError) -> RunDiff {
        let comparison = RunComparison()
        let differences = comparison.differences(from: before, to: after)
        var diff = comparison.diff(
            differences, results: try results(differences.keys), fromInfo: before.info, toInfo: after.info)
        diff.explain(from: RunFacts(before), to: RunFacts(after))
        return diff
    }
}
