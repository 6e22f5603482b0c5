import ArgumentParser
import CadreEngine
import CadreHistory
import CadreModel
import Dispatch
import Foundation

#if canImport(Glibc)
    import Glibc
#endif

/// `cadre watch`: re-checks the workspace whenever its files change.
struct WatchCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "watch",
        abstract: "Watch the workspace and re-check it whenever a file changes, printing only what changed.",
        discussion: """
            Re-checks once at the start, then after each change to the workspace's descriptors, \
            packs, plugins, waiver and taxonomy files or cadre.yaml, once the writes have stopped for \
            --debounce milliseconds. Each re-check is recorded in the history, like cadre recheck, \
            triggered by `watch`: those runs do not move `last` (cadre diff last~1 last and the \
            next cadre recheck ignore them). \
            Uses inotify on Linux, and polls every --interval milliseconds when inotify is not \
            available, a folder is on a network file system, or --poll is given. Ctrl-C stops it.

            Exit status: 0 when stopped by Ctrl-C (or SIGTERM); 2 when the history cannot be used.
            """)

    @OptionGroup var workspace: WorkspaceOptions

    @OptionGroup var allowEmpty: AllowEmptyOption

    @Option(
        help: ArgumentHelp(
            "Evaluate under the law in force on this date (default: the day of each re-check).", valueName: "date"),
        transform: ISODate.option)
    var asOf: ISODate?

    @Option(
        help: ArgumentHelp(
            "The lowest severity counted as a new failure (default: the workspace's, else high).", valueName: "severity"
        ))
    var failOn: FailOn?

    @Option(
        help: ArgumentHelp("Quiet time after the last change before re-checking, in milliseconds.", valueName: "ms"))
    var debounce: Int = 300

    @Flag(help: "Poll for changes instead of using inotify.")
    var poll = false

    @Option(help: ArgumentHelp("Polling interval, in milliseconds.", valueName: "ms"))
    var interval: Int = 1000

    @Option(help: ArgumentHelp("Workers evaluating in parallel (default: one per core).", valueName: "n"))
    var jobs: Int = 0

    @Flag(help: "Do not read the systems' stores: rules that read them are skipped (stores-not-read).")
    var noStores = false

    func validate() throws {
        guard debounce >= 0 else { throw ValidationError("--debounce must be 0 or more milliseconds") }
        guard interval >= 10 else { throw ValidationError("--interval must be at least 10 milliseconds") }
        guard jobs >= 0 else { throw ValidationError("--jobs must be 0 (one per core) or more, not \(jobs)") }
    }

    func run() throws {
        // Ctrl-C and SIGTERM write to a pipe the watcher waits on: the loop ends between re-checks.
        var fds: [Int32] = [0, 0]
        guard pipe(&fds) == 0 else {
            printError("cadre: cannot create a pipe for signals")
            throw ExitCode(2)
        }
        let stopWriter = fds[1]
        signal(SIGINT, SIG_IGN)
        signal(SIGTERM, SIG_IGN)
        let queue = DispatchQueue(label: "cadre watch signals")
        let sources = [SIGINT, SIGTERM].map { number in
            let source = DispatchSource.makeSignalSource(signal: number, queue: queue)
            source.setEventHandler { _ = write(stopWriter, "x", 1) }
            source.resume()
            return source
        }
        defer { for source in sources { source.cancel() } }

        let history = try workspace.history()
        var opened = try workspace.open()
        try allowEmpty.check(opened)
        let watcher = WorkspaceWatcher(WatchTargets(opened), polling: poll, interval: .milliseconds(interval))
        say("watching \(opened.root) (\(watcher.mode)); press Ctrl-C to stop")
        recheck(opened, history: history, first: true)
        while watcher.waitForChange(quiet: .milliseconds(debounce), stop: fds[0]) {
            opened = try workspace.open()
            watcher.retarget(WatchTargets(opened))
            recheck(opened, history: history, first: false)
        }
        say("stopped watching \(opened.root)")
    }

    /// One re-check: prints the changes (nothing when no result changed, after the first).
    private func recheck(_ workspace: Workspace, history: HistoryStore, first: Bool) {
        let threshold = WorkspaceOptions.threshold(failOn, workspace: workspace)
        do {
            var recheck = Recheck(
                workspace: workspace, history: history, cadreVersion: CadreVersion.number, jobs: jobs,
                readsStores: !noStores)
            recheck.origin = RunOrigin.detect(
                .watch, root: workspace.root, environment: ProcessInfo.processInfo.environment)
            let outcome = try recheck.run(asOf: asOf ?? ISODate.today()).shown(in: workspace.files)
            let report = ChangeReport(diff: outcome.diff, failOn: threshold)
            if first || !outcome.diff.isEmpty || !outcome.diagnostics.isEmpty || outcome.run == nil {
                say(report.render(outcome, root: workspace.root), terminator: "")
            }
        } catch {
            printError("cadre: \(error)")
        }
    }

    private func say(_ text: String, terminator: String = "\n") {
        FileHandle.standardOutput.write(Data((text + terminator).utf8))
    }
}
