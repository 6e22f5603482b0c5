import ArgumentParser
import CadreEngine
import CadreHistory
import CadreModel
import Foundation

/// `cadre diff`: what changed between two recorded runs, or from a baseline to a run.
struct DiffCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "diff",
        abstract: "Show the new failures, resolved failures and changed findings between two recorded runs.",
        discussion: """
            RUN is a run's number as cadre history prints it, `last`, or `last~N` (the Nth run \
            before the last): `cadre diff last~1 last`. `last` and `last~N` count the runs cadre \
            watch did not record.

            With --baseline FILE (or --since REF): from that baseline to RUN (default: last): \
            `cadre diff --baseline cadre.baseline.json`.

            Exit status: 0 when nothing new fails at or above --fail-on in the second run; 1 when \
            something does; 2 when a run does not exist, the history cannot be read, or the \
            baseline cannot be read, or a --notify webhook could not be notified with \
            --notify-required.
            """)

    @Argument(help: "The earlier run (with --baseline: the run compared with it, default last).")
    var from: String?

    @Argument(help: "The later run.")
    var to: String?

    @OptionGroup var workspace: WorkspaceOptions

    @OptionGroup var baseline: BaselineOptions

    @Option(
        help:
            "Output format: text, json, markdown (a pull-request comment), sarif (the new findings) or junit.")
    var format: ChangeReportFormat = .text

    @Option(
        help: ArgumentHelp(
            "The lowest severity that makes the exit status 1 (default: the workspace's, else high).",
            valueName: "severity"))
    var failOn: FailOn?

    @OptionGroup var notify: NotifyOptions

    func validate() throws {
        if baseline.isSet {
            guard to == nil else { throw ValidationError("with --baseline or --since, name one run at most") }
        } else {
            guard from != nil, to != nil else {
                throw ValidationError("name two runs (`cadre diff last~1 last`), or a baseline (--baseline FILE)")
            }
        }
        for text in [from, to].compactMap({ $0 }) where RunReference(text) == nil {
            throw ValidationError("`\(text)` names no run: write a run's number, `last` or `last~N`")
        }
    }

    func run() throws {
        let history = try workspace.history()
        let root = workspace.root
        let files = WorkspaceFiles(root: root)
        let opened = try workspace.open()
        let threshold = WorkspaceOptions.threshold(failOn, workspace: opened)
        let baseline = try self.baseline.load(root: root)
        do {
            let raw: RunDiff
            let rules: [RuleInfo]
            let against: String
            if let baseline {
                let name = from ?? "last"
                guard let reference = RunReference(name) else { throw ExitCode(2) }
                guard let after = try history.run(reference) else { throw MissingRun(reference: name) }
                raw = try history.diff(from: baseline, to: after)
                rules = after.rules
                against = "the baseline `\(baseline.source)` (as of \(baseline.asOf)), run \(after.info.id)"
            } else {
                guard let from, let to, let fromReference = RunReference(from), let toReference = RunReference(to)
                else { throw ExitCode(2) }
                guard let before = try history.run(fromReference) else { throw MissingRun(reference: from) }
                guard let after = try history.run(toReference) else { throw MissingRun(reference: to) }
                raw = try history.diff(from: before, to: after)
                rules = after.rules
                against = "run \(before.info.id) (as of \(before.info.asOf)), run \(after.info.id)"
            }
            let diff = raw.shown(in: files)
            switch format {
            case .text:
                if let baseline, let to = diff.to {
                    print(
                        "from the baseline \(baseline.source) (as of \(baseline.asOf)) to run \(to.id) (as of \(to.asOf))"
                    )
                }
                print(ChangeReport(diff: diff, failOn: threshold).renderDiff(), terminator: "")
            case .json:
                print(ChangeReportJSON(diff: diff, failOn: threshold).renderDiff(baseline: baseline), terminator: "")
            case .markdown:
                print(
                    ChangeReportMarkdown(diff: diff, failOn: threshold, rules: rules, files: files, baseline: baseline)
                        .render(title: "cadre diff", against: against, asOf: diff.to?.asOf, exitStatus: nil),
                    terminator: "")
            case .sarif, .junit:
                print(
                    format.ciReport(
                        raw, rules: rules, asOf: raw.to?.asOf ?? ISODate.today(), workspace: opened, failOn: threshold),
                    terminator: "")
            }
            try notify.deliver {
                ChangeNotification(
                    title: "cadre diff", workspace: opened.configuration.name,
                    against: against.replacingOccurrences(of: "`", with: ""), asOf: diff.to?.asOf, exitStatus: nil,
                    diff: diff, failOn: threshold, rules: rules,
                    json: ChangeReportJSON(diff: diff, failOn: threshold).renderDiff(baseline: baseline))
            }
            if diff.newFailureCount(at: threshold) > 0 { throw ExitCode(1) }
        } catch let error as MissingRun {
            printError("cadre: there is no run \(error.reference) in \(history.file) (see cadre history)")
            throw ExitCode(2)
        } catch let error as HistoryError {
            printError("cadre: \(error)")
            throw ExitCode(2)
        }
    }

    struct MissingRun: Error {
        var reference: String
    }
}
