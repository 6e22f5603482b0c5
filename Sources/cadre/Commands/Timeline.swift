import ArgumentParser
import CadreEngine
import CadreHistory
import CadreModel
import Foundation

/// `cadre timeline`: the obligations that come into force or lapse for each system.
struct TimelineCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "timeline",
        abstract:
            "List, for each system, the obligations that come into force or lapse and the waivers that expire in a period.",
        discussion: """
            An obligation is a rule that concerns the system (its `applies` says so, whatever the \
            date) and whose effective window starts (`from`) or ends (`to`: it lapses the day after) \
            between --from and --until, both days included. Sorted by date, with references. \
            With them, the waivers covering the system (its descriptor's `waivers:` and the \
            workspace's waiver files) whose last day (`expires`) is in the period: the rule, who \
            approved it, why, and where it is written.

            Exit status: 0, or 2 when an input is invalid (the workspace, a pack, a rule file, a \
            system named that does not exist, a flag).
            """)

    @Argument(help: "Systems to show (ids or descriptor files; default: every system).")
    var systems: [String] = []

    @OptionGroup var workspace: WorkspaceOptions

    @Option(help: ArgumentHelp("The first day of the period (YYYY-MM-DD; default: today).", valueName: "date"))
    var from: ISODate?

    @Option(
        help: ArgumentHelp(
            "The last day of the period (YYYY-MM-DD; default: two years after --from).", valueName: "date"))
    var until: ISODate?

    @Option(help: "Output format: text or json.")
    var format: ChangeFormat = .text

    func run() throws {
        let workspace = try self.workspace.open()
        let start = from ?? ISODate.today()
        let end =
            until ?? ISODate(year: start.year + 2, month: start.month, day: start.day)
            ?? ISODate(year: start.year + 2, month: start.month, day: 28) ?? start
        guard start <= end else {
            printError("cadre: --until \(end) is before --from \(start)")
            throw ExitCode(2)
        }
        let applicability = Engine(workspace: workspace).applicability().shown(in: workspace.files)
        for diagnostic in applicability.diagnostics { printError(diagnostic.description) }
        if applicability.diagnostics.containsErrors { throw ExitCode(2) }
        let waivers = workspace.waivers.map { waiver in
            var waiver = waiver
            waiver.location = workspace.files.shown(waiver.location)
            return waiver
        }
        var timeline = Timeline(applicability, waivers: waivers, from: start, until: end)
        let unknown = timeline.keep(systems)
        if !unknown.isEmpty {
            let ids = applicability.systems.compactMap(\.id)
            for name in unknown {
                let hint = Suggestion.hint(for: name, among: ids).map { " (\($0))" } ?? ""
                printError("cadre: no system `\(name)` in the workspace\(hint)")
            }
            throw ExitCode(2)
        }
        print(format == .json ? timeline.json() : timeline.text(), terminator: "")
    }
}
