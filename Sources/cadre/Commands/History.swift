import ArgumentParser
import CadreEngine
import CadreHistory
import CadreModel
import Foundation

/// `cadre history`: the recorded runs, newest first.
struct HistoryCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "history",
        abstract: "List the recorded runs, newest first: number, time, as-of date, pairs evaluated, results, pack versions.",
        discussion: """
            Runs are recorded by cadre recheck (and cadre watch) in .cadre/history.sqlite. A run's \
            number is what cadre diff takes; `last` and `last~1` name the last run and the one before.

            Exit status: 0, or 2 when the history cannot be read (or, with --check, is damaged).
            """)

    @OptionGroup var workspace: WorkspaceOptions

    @Option(help: "Output format: text or json.")
    var format: ChangeFormat = .text

    @Option(help: ArgumentHelp("Show at most this many runs (0: all).", valueName: "n"))
    var limit: Int = 0

    @Flag(help: "Check the history file (SQLite's integrity check) first: exit status 2 when it is damaged.")
    var check = false

    func run() throws {
        let history = try workspace.history()
        if check {
            let verdict: String
            do {
                verdict = try history.integrityCheck()
            } catch {
                printError("cadre: \(error)")
                throw ExitCode(2)
            }
            guard verdict == "ok" else {
                printError("cadre: \(history.file) is damaged: \(verdict)")
                throw ExitCode(2)
            }
            printError("\(history.file): ok")
        }
        var runs: [RunInfo]
        do {
            runs = try history.runs()
        } catch {
            printError("cadre: \(error)")
            throw ExitCode(2)
        }
        if limit > 0 { runs = Array(runs.prefix(limit)) }
        switch format {
        case .text: print(RunListing(runs: runs).text(), terminator: "")
        case .json: print(RunListing(runs: runs).json(), terminator: "")
        }
    }
}

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

    @Option(help: ArgumentHelp("The lowest severity that makes the exit status 1 (default: the workspace's, else high).", valueName: "severity"))
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
            let diff = try history.diff(from: before, to: after, root: root)
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
