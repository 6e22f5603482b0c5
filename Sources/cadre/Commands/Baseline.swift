import ArgumentParser
import CadreEngine
import CadreHistory
import CadreModel
import Foundation

/// `cadre baseline`: the results a repository commits, so that a job with no history knows
/// what is new.
struct BaselineCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "baseline",
        abstract: "Write the baseline a repository commits: what recheck and diff --baseline compare with.",
        subcommands: [Write.self])

    struct Write: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "write",
            abstract: "Re-check the workspace and write its results as a baseline (cadre.baseline.json).",
            discussion: """
                Re-checks the workspace as cadre recheck does (recording the run, triggered by \
                `baseline`, or `ci` when CI=true), then writes every (system, rule) result with \
                its digest, the packs' ids, versions and digests, the rules' and descriptors' \
                digests and owners, and the as-of date: sorted, one entry a line, the same bytes \
                for the same results. No evidence (only its digest), no rule log, no waiver's \
                reason or approver, no store URL. Commit it; then cadre recheck --baseline FILE \
                (or --since REF) says what is new against it. See docs/rechecks.md.

                Exit status: 0 when written; 2 when an input is invalid (nothing is written), \
                the workspace loads no pack (unless --allow-empty), or the history or the file \
                cannot be used.
                """)

        @OptionGroup var workspace: WorkspaceOptions

        @OptionGroup var allowEmpty: AllowEmptyOption

        @Option(
            name: [.short, .long],
            help: ArgumentHelp(
                "Where to write it (default: cadre.baseline.json in the workspace's root).", valueName: "file"))
        var output: String?

        @OptionGroup var evaluation: EvaluationOptions

        func run() throws {
            let workspace = try self.workspace.open()
            try allowEmpty.check(workspace)
            let history = try self.workspace.history()
            var recheck = Recheck(
                workspace: workspace, history: history, cadreVersion: CadreVersion.number, jobs: evaluation.jobs,
                readsStores: !evaluation.noStores)
            recheck.origin = RunOrigin.detect(
                .baseline, root: workspace.root, environment: ProcessInfo.processInfo.environment)
            let file = output ?? WorkspaceFiles.join(workspace.root, Baseline.defaultFile)
            do {
                let outcome = try recheck.run(asOf: evaluation.date)
                guard !outcome.hasInvalidInput, let baseline = try recheck.baseline(of: outcome) else {
                    for diagnostic in outcome.shown(in: workspace.files).diagnostics {
                        printError(diagnostic.description)
                    }
                    for system in outcome.invalidSystems {
                        printError("\(workspace.files.path(system)): invalid descriptor (see cadre validate)")
                    }
                    printError("cadre: no baseline written: an input is invalid")
                    throw ExitCode(2)
                }
                try OutputFile(file).write(BaselineFile.text(of: baseline))
                printError(
                    "wrote \(file): \(baseline.results.count) results of \(baseline.systems.count) descriptors, as of \(baseline.asOf)"
                )
            } catch let error as HistoryError {
                printError("cadre: \(error)")
                throw ExitCode(2)
            } catch let error as OutputError {
                printError("cadre: \(error)")
                throw ExitCode(2)
            }
        }
    }
}
