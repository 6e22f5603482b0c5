import ArgumentParser
import CadreEngine
import CadreModel
import CadreReports

/// The report formats plugins add to `cadre evaluate --format`, looked up in the workspace's
/// enabled plugins after the built-in ones.
enum PluginFormats {
    /// The plugins' runtime when one of them provides `format`; exit status 2 otherwise.
    static func reporter(_ format: String, in workspace: Workspace) throws -> PluginRuntime {
        let builtIn = Set(ReportFormat.allCases.map(\.rawValue))
        let runtime: PluginRuntime
        do {
            runtime = try PluginRuntime(
                plugins: workspace.plugins, taxonomy: workspace.taxonomy, limits: workspace.configuration.limits,
                reservedFormats: builtIn)
        } catch {
            printError("cadre: cannot start the plugins: \(error)")
            throw ExitCode(2)
        }
        guard runtime.reporters.contains(where: { $0.format == format }) else {
            for diagnostic in runtime.diagnostics { printError(diagnostic.description) }
            let known = ReportFormat.allCases.map(\.rawValue) + runtime.reporters.map(\.format)
            let hint = Suggestion.hint(for: format, among: known).map { " (\($0))" } ?? ""
            printError("cadre: --format: unknown format `\(format)`\(hint); formats: \(known.joined(separator: ", "))")
            throw ExitCode(2)
        }
        return runtime
    }

    /// The report in a plugin's format; a reporter that fails is reported with its file and line
    /// (exit status 2).
    static func render(
        _ evaluation: any ReportedEvaluation, context: ReportContext, format: String, runtime: PluginRuntime
    ) throws -> String {
        do {
            return try PluginReport.render(evaluation, context: context, format: format, runtime: runtime)
        } catch {
            printError("\(error)")
            throw ExitCode(2)
        }
    }
}
