import ArgumentParser
import CadreEngine
import CadreHistory
import CadreModel
import CadreReports

/// Output formats of the change reports (`recheck`, `diff`).
enum ChangeReportFormat: String, ExpressibleByArgument, CaseIterable {
    /// For people.
    case text
    /// `cadre-recheck/v1`, `cadre-diff/v1`.
    case json
    /// A pull-request comment.
    case markdown
    /// SARIF 2.1.0 of the new findings only, for code scanning.
    case sarif
    /// JUnit XML: a case per new failure (failing) and per resolved pair (passing).
    case junit

    /// The SARIF or JUnit report of `diff` (files named in the workspace: not yet shown), as
    /// `cadre evaluate` writes them, of the changes only.
    func ciReport(
        _ diff: RunDiff, rules: [RuleInfo], asOf: ISODate, workspace: Workspace, failOn: Severity?
    ) -> String {
        let format: ReportFormat = self == .sarif ? .sarif : .junit
        let evaluation = diff.evaluation(
            resolved: self == .junit, rules: rules, asOf: asOf, workspace: workspace.configuration.name)
        let context = ReportContext(
            toolVersion: CadreVersion.number, failOn: failOn, files: workspace.files,
            sourceRoot: SourceRoot.find(workspace: workspace.root))
        return format.render(evaluation, context: context)
    }
}
