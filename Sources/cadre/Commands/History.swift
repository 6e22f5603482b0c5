import ArgumentParser
import CadreEngine
import CadreHistory
import CadreModel
import Foundation

/// `cadre history`: the recorded runs, newest first.
struct HistoryCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "history",
        abstract:
            "List the recorded runs, newest first: number, time, trigger, commit, as-of date, pairs evaluated, results, pack versions.",
        discussion: """
            Runs are recorded by cadre recheck, cadre watch and cadre baseline write in \
            .cadre/history.sqlite, with what triggered them (recheck, watch, baseline, or ci when \
            CI=true) and, in a git repository, the commit and branch. A run's number is what cadre \
            diff takes; `last` and `last~1` name the last run and the one before, not counting \
            the runs cadre watch recorded.

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
