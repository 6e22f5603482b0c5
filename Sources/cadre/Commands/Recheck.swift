import ArgumentParser
import CadreEngine
import CadreHistory
import CadreModel
import Foundation

/// `cadre recheck`: evaluates again only what changed since the last run.
struct RecheckCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "recheck",
        abstract: "Evaluate again only what changed since the last run, and say what is new, resolved or changed.",
        discussion: """
            Compares the workspace with the last run recorded in .cadre/history.sqlite: a changed \
            rule file or pack re-evaluates its rules on every system, a changed descriptor every \
            rule on it, a changed or expired waiver the pairs it covers, and a rule whose effective \
            dates were crossed since the last run's as-of date, on every system; a rule that reads \
            stores, on every system with stores, at every re-check (their data may have changed). \
            The rest is copied from the last run. Then it reports new failures, resolved failures and changed \
            findings, and records the new run. The first re-check evaluates everything.

            Exit status: 0 when nothing new fails at or above --fail-on; 1 when something new \
            does (a new failure or error of a rule of that severity or more, or a new failing \
            finding); 2 when an input is invalid (a descriptor, a rule file, a pack, the \
            workspace, a flag), the workspace loads no pack (unless --allow-empty), or the \
            history cannot be used; 2 also when a --notify webhook could not be notified and \
            --notify-required is given (without it, a failed notification is only said on \
            standard error). See docs/rechecks.md.
            """)

    @OptionGroup var workspace: WorkspaceOptions

    @OptionGroup var allowEmpty: AllowEmptyOption

    @OptionGroup var evaluation: EvaluationOptions

    @Option(
        help:
            "Output format: text, json, markdown (a pull-request comment), sarif (the new findings) or junit.")
    var format: ChangeReportFormat = .text

    @OptionGroup var baseline: BaselineOptions

    @Option(
        help: ArgumentHelp(
            "The lowest severity that makes the exit status 1: critical, high, medium, low, info or none (default: the workspace's, else high).",
            valueName: "severity"))
    var failOn: FailOn?

    @Flag(help: "Compare and report, but record nothing.")
    var dryRun = false

    @OptionGroup var notify: NotifyOptions

    func run() throws {
        let workspace = try self.workspace.open()
        try allowEmpty.check(workspace)
        let history = try self.workspace.history()
        let threshold = WorkspaceOptions.threshold(failOn, workspace: workspace)
        let baseline = try self.baseline.load(root: workspace.root)
        let raw: RecheckOutcome
        do {
            var recheck = Recheck(
                workspace: workspace, history: history, cadreVersion: CadreVersion.number, jobs: evaluation.jobs,
                readsStores: !evaluation.noStores)
            recheck.origin = RunOrigin.detect(
                .recheck, root: workspace.root, environment: ProcessInfo.processInfo.environment)
            recheck.baseline = baseline
            raw = try recheck.run(asOf: evaluation.date, record: !dryRun)
        } catch {
            printError("cadre: \(error)")
            throw ExitCode(2)
        }
        let outcome = raw.shown(in: workspace.files)
        let against =
            baseline.map { "the baseline `\($0.source)` (as of \($0.asOf))" }
            ?? outcome.previous.map { "run \($0.id) (as of \($0.asOf))" } ?? "no earlier run"
        switch format {
        case .text:
            print(
                ChangeReport(diff: outcome.diff, failOn: threshold).render(outcome, root: workspace.root),
                terminator: "")
        case .json:
            print(
                ChangeReportJSON(diff: outcome.diff, failOn: threshold).render(
                    outcome, workspace: workspace.configuration.name), terminator: "")
        case .markdown:
            for diagnostic in outcome.diagnostics { printError(diagnostic.description) }
            print(
                ChangeReportMarkdown(
                    diff: outcome.diff, failOn: threshold, rules: outcome.run?.rules ?? [], files: workspace.files,
                    baseline: baseline
                ).render(
                    title: "cadre recheck", against: against, asOf: outcome.run?.info.asOf,
                    exitStatus: outcome.exitStatus(failOn: threshold)), terminator: "")
        case .sarif, .junit:
            for diagnostic in outcome.diagnostics { printError(diagnostic.description) }
            print(
                format.ciReport(
                    raw.diff, rules: raw.run?.rules ?? [], asOf: raw.run?.info.asOf ?? evaluation.date,
                    workspace: workspace, failOn: threshold), terminator: "")
        }
        let status = outcome.exitStatus(failOn: threshold)
        try notify.deliver {
            ChangeNotification(
                title: "cadre recheck", workspace: workspace.configuration.name,
                against: against.replacingOccurrences(of: "`", with: ""), asOf: outcome.run?.info.asOf,
                exitStatus: status, diff: outcome.diff, failOn: threshold, rules: outcome.run?.rules ?? [],
                json: ChangeReportJSON(diff: outcome.diff, failOn: threshold).render(
                    outcome, workspace: workspace.configuration.name))
        }
        if status != 0 { throw ExitCode(status) }
    }
}
