import CadreEngine
import CadreModel

/// A report in a plugin's format (`cadre evaluate --format csv` with the csv-findings plugin):
/// the plugin's reporter receives the JSON report (`cadre-evaluation/v1`) as read-only tables and
/// returns the text. The built-in formats are ``ReportFormat``'s.
public enum PluginReport {
    /// Renders `evaluation` with the reporter of `format` in `runtime`.
    /// - Throws: a ``Diagnostic`` at the reporter's file and line when it fails.
    public static func render(
        _ evaluation: Evaluation, context: ReportContext, format: String, runtime: PluginRuntime
    ) throws(Diagnostic) -> String {
        var plain = context
        plain.colors = false
        return try runtime.render(format: format, report: ReportFormat.json.render(evaluation, context: plain))
    }
}
