import ArgumentParser
import CadreEngine
import CadreModel

/// `--plugin DIR`: plugin folders to use besides those the workspace enables (`cadre import`,
/// `cadre test`).
struct PluginOptions: ParsableArguments {
    @Option(help: ArgumentHelp("A plugin folder to use besides the workspace's; repeatable.", valueName: "dir"))
    var plugin: [String] = []

    /// `enabled` and the `--plugin` folders it does not hold already (by id), their taxonomy
    /// terms added to `taxonomy`; with each problem of those folders.
    func plugins(besides enabled: [Plugin], taxonomy: inout Taxonomy) -> (plugins: [Plugin], problems: [Diagnostic]) {
        let ids = Set(enabled.map(\.id))
        let others = plugin.filter { folder in
            guard let id = PluginLoader().load(at: folder, as: folder).0?.id else { return true }
            return !ids.contains(id)
        }
        let (extra, problems) = PluginLoader.loadAll(others, in: WorkspaceFiles(root: "."), into: &taxonomy)
        return (enabled + extra, problems)
    }
}
