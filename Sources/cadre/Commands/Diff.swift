import ArgumentParser
import CadreEngine
import CadreHistory
import CadreModel
import Foundation

/// `cadre diff`: what changed between two recorded runs.
struct DiffCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "diff",
        abstract: "Show the new failures, resolved failures and changed findings between two recorded runs.",
        discussion: """
            RUN is a run's number as cadre history prints it, `last`, or `last~N` (the Nth run \
            before the last): `cadre diff last~1 last`.

            Exit status: 0 when nothing new fails at or above --fail-on in the second run; 1 when \
            something does; 2 when a run does not exist or the history cannot be read.
            """)

    @Argument(help: "The earlier run.")
    var from: String

    @Argument(help: "The later run.")
    var to: String

    @OptionGroup var workspace: WorkspaceOptions

    @Option(help: "Output format: text or json.")
    var format: ChangeFormat = .text

    @Option(
        help: ArgumentHelp(
            "The lowest severity that makes the exit status 1 (default: the workspace's, else high).",
            valueName: "severity"))
    var failOn: FailOn?

    func validate() throws {
        for text in [from, to] where RunReference(text) == nil {
            throw ValidationError("`\(text)` names no run: write a run's number, `last` or `last~N`")
        }
    }

    func run() throws {
        let history = try workspace.history()
        let root = workspace.root
        let threshold = WorkspaceOptions.threshold(failOn, workspace: try workspace.open())
        do {
            guard let fromReference = RunReference(from), let toReference = RunReference(to) else { throw ExitCode(2) }
            guard let before = try history.run(fromReference) else { throw MissingRun(reference: from) }
            guard let after = try history.run(toReference) else { throw MissingRun(reference: to) }
            let diff = try history.diff(from: before, to: after).shown(in: WorkspaceFiles(root: root))
            switch format {
            case .text: print(ChangeReport(diff: diff, failOn: threshold).renderDiff(), terminator: "")
            case .json: print(ChangeReportJSON(diff: diff, failOn: threshold).renderDiff(), terminator: "")
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
