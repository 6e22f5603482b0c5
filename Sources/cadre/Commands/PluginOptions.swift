import ArgumentParser
import CadreEngine
import CadreModel

/// `--plugin PLUGIN`: plugins to use besides those the workspace enables (`cadre import`,
/// `cadre test`), by id or folder as in cadre.yaml (``PackSource``).
struct PluginOptions: ParsableArguments {
    @Option(
        help: ArgumentHelp(
            "A plugin to use besides the workspace's: an id (fides, pii-fr) or a folder (./plugins/mine); repeatable.",
            valueName: "plugin"))
    var plugin: [String] = []

    /// `enabled` and the `--plugin` plugins it does not hold already (by id), their taxonomy
    /// terms added to `taxonomy`; with each problem of those plugins (an id found nowhere among them).
    func plugins(besides enabled: [Plugin], taxonomy: inout Taxonomy) -> (plugins: [Plugin], problems: [Diagnostic]) {
        let ids = Set(enabled.map(\.id))
        let here = WorkspaceFiles(root: ".")
        let resolver = PackResolver.standard()
        var unknown: [Diagnostic] = []
        let folders = plugin.compactMap { value -> String? in
            switch resolver.resolve(PackSource(parsing: value, at: .whole("--plugin \(value)")), as: .plugin, in: here)
            {
            case .success(let found): return found.folder
            case .failure(let problem):
                unknown.append(problem)
                return nil
            }
        }
        let others = folders.filter { folder in
            guard let id = PluginLoader().load(at: folder, as: folder).0?.id else { return true }
            return !ids.contains(id)
        }
        let (extra, problems) = PluginLoader.loadAll(others, in: here, into: &taxonomy)
        return (enabled + extra, unknown + problems)
    }
}
