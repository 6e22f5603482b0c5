import CadreModel

/// What a report prints: an evaluation holds files named in the workspace (``WorkspaceFiles``);
/// a report shows them from where cadre runs, the way the user typed the workspace's folder.
extension Evaluation {
    /// This evaluation with every file and location shown by `files`.
    public func shown(in files: WorkspaceFiles) -> Evaluation {
        guard files.root != "." && !files.root.isEmpty else { return self }
        var shown = self
        shown.packs = packs.map { pack in
            var pack = pack
            pack.folder = files.path(pack.folder)
            pack.files = Dictionary(pack.files.map { (files.path($0.key), $0.value) }, uniquingKeysWith: { a, _ in a })
            return pack
        }
        shown.rules = rules.map(files.shown)
        shown.systems = systems.map { $0.shown(in: files) }
        shown.diagnostics = diagnostics.map(files.shown)
        return shown
    }
}

extension SystemEvaluation {
    /// This system with its file and every location shown by `files`.
    public func shown(in files: WorkspaceFiles) -> SystemEvaluation {
        var shown = self
        shown.file = files.path(file)
        shown.results = results.map(files.shown)
        shown.diagnostics = diagnostics.map(files.shown)
        shown.waivers = waivers.map { waiver in
            var waiver = waiver
            waiver.location = files.shown(waiver.location)
            return waiver
        }
        return shown
    }
}
