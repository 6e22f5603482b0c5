import CadreEngine
import CadreModel

extension HistoryStore {
    /// A recorded run as the ``Evaluation`` a full run would have given: every result read back,
    /// paths as seen from the workspace folder `root` (as typed: `.`, `examples`). Pack summaries
    /// list the pack files the run recorded.
    public func evaluation(of run: RecordedRun, root: String) throws(HistoryError) -> Evaluation {
        let paths = WorkspacePaths(root: root)
        let results = try self.results(run.systems.flatMap { $0.results.map(\.key) })
        var systems: [SystemEvaluation] = []
        for system in run.systems {
            var evaluation = SystemEvaluation(
                file: paths.shown(system.file), id: system.id, name: system.name, digest: system.digest,
                results: system.results.compactMap { results[$0.key].map { paths.relocate($0, paths.shown) } },
                diagnostics: paths.relocate(system.diagnostics, paths.shown))
            evaluation.waivers = paths.relocate(system.waivers, paths.shown)
            systems.append(evaluation)
        }
        let packs = run.inputs.filter { $0.kind == .pack }.map { pack in
            Evaluation.PackSummary(
                pack.name, version: pack.version ?? "", title: pack.detail["title"] ?? "", folder: paths.shown(pack.path), digest: pack.digest,
                settings: Dictionary(uniqueKeysWithValues: pack.detail.compactMap { key, value in
                    key.hasPrefix("setting.") ? (String(key.dropFirst("setting.".count)), value) : nil
                }),
                files: Dictionary(uniqueKeysWithValues: run.inputs.filter {
                    $0.kind == .packFile && $0.name == pack.name && ["rule", "module"].contains($0.detail["role"])
                }.map { (paths.shown($0.path), $0.digest) }))
        }
        return Evaluation(
            asOf: run.info.asOf, workspace: run.info.workspace, packs: packs, rules: run.rules.map { paths.relocate($0, paths.shown) },
            systems: systems.sorted(by: Evaluation.reportOrder), diagnostics: paths.relocate(run.diagnostics, paths.shown))
    }

    /// What changed between two recorded runs.
    public func diff(from before: RecordedRun, to after: RecordedRun, root: String) throws(HistoryError) -> RunDiff {
        let comparison = RunComparison(paths: WorkspacePaths(root: root))
        let differences = comparison.differences(from: before, to: after)
        return comparison.diff(differences, results: try results(differences.keys), fromInfo: before.info, toInfo: after.info)
    }
}
