import CadreEngine
import CadreModel

/// A report in a plugin's format (`cadre evaluate --format csv` with the csv-findings plugin):
/// the plugin's reporter receives the JSON report (`cadre-evaluation/v1`) as read-only tables and
/// returns the text. The built-in formats are ``ReportFormat``'s.
public enum PluginReport {
    /// Renders `evaluation` with the reporter of `format` in `runtime`.
    /// - Throws: a ``Diagnostic`` at the reporter's file and line when it fails.
    ///
    /// The reporter receives the whole report at once: a plugin format holds it in memory, unlike
    /// the built-in ones.
    public static func render(
        _ evaluation: any ReportedEvaluation, context: ReportContext, format: String, runtime: PluginRuntime
    ) throws -> String {
        var plain = context
        plain.colors = false
        let report = try ReportFormat.json.text(of: evaluation, context: plain)
        return try runtime.render(format: format, report: report)
    }
}
