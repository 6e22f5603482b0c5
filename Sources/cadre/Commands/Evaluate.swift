import ArgumentParser
import CadreEngine
import CadreModel
import CadreReports
import Foundation

/// `cadre evaluate`: every rule of the workspace's packs against every system.
struct Evaluate: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Evaluate every rule against every system of the workspace.",
        discussion: """
            Loads the workspace (cadre.yaml: systems, packs, waivers, limits), evaluates each rule \
            of each pack on each system under the law in force on --as-of, and reports every \
            finding with its severity, its references and the descriptor line it points at.

            Exit status: 0 when no result fails at or above --fail-on; 1 when one does (a failure \
            or an error of a rule of that severity or more); 2 when an input is invalid (a \
            descriptor, a rule file, a pack, the workspace, a flag), or when the workspace loads \
            no pack (unless --allow-empty).
            """)

    @Argument(help: "Descriptor files or folders to evaluate instead of the workspace's systems.")
    var paths: [String] = []

    @OptionGroup var workspace: WorkspaceOptions

    @OptionGroup var allowEmpty: AllowEmptyOption

    @Option(
        help: ArgumentHelp(
            "Evaluate under the law in force on this date (YYYY-MM-DD; default: today).", valueName: "date"))
    var asOf: ISODate?

    @Option(
        help: ArgumentHelp(
            "Output format: \(ReportFormat.allCases.map(\.rawValue).joined(separator: ", ")), or a format an enabled plugin provides (csv with csv-findings).",
            valueName: "format"))
    var format: String = ReportFormat.text.rawValue

    @Option(
        name: .shortAndLong,
        help: ArgumentHelp("Write the report to this file instead of standard output.", valueName: "file"))
    var output: String?

    @Option(
        help: ArgumentHelp(
            "The lowest severity that makes the exit status 1: critical, high, medium, low, info or none (default: the workspace's, else high).",
            valueName: "severity"))
    var failOn: FailOn?

    @Option(help: ArgumentHelp("Workers evaluating in parallel (default: one per core).", valueName: "n"))
    var jobs: Int = 0

    @Flag(name: .shortAndLong, help: "List passing and skipped results too.")
    var verbose = false

    @Flag(help: "Do not read the systems' stores: rules that read them are skipped (stores-not-read).")
    var noStores = false

    func validate() throws {
        guard jobs >= 0 else { throw ValidationError("--jobs must be 0 (one per core) or more, not \(jobs)") }
    }

    func run() throws {
        let workspace = try self.workspace.open(systems: paths.isEmpty ? nil : paths)
        try allowEmpty.check(workspace)
        // A plugin's format is found (and its reporter loaded) before the evaluation runs.
        let pluginReporter =
            ReportFormat(rawValue: format) == nil ? try PluginFormats.reporter(format, in: workspace) : nil
        let asOf = self.asOf ?? ISODate.today()
        if Terminal.stderrIsTerminal {
            printError(
                "evaluating \(workspace.systemFiles.count) systems against \(workspace.packs.count) packs as of \(asOf)…"
            )
        }
        // Files are named in the workspace; the report shows them from here.
        let evaluation = Engine(workspace: workspace, jobs: jobs, readsStores: !noStores).evaluate(asOf: asOf).shown(
            in: workspace.files)
        let threshold: Severity? =
            switch failOn {
            case .none?: nil
            case .severity(let severity)?: severity
            case nil: workspace.configuration.failOn ?? .high
            }
        let context = ReportContext(
            toolVersion: CadreVersion.number,
            colors: output == nil && format == ReportFormat.text.rawValue && Terminal.colors,
            verbose: verbose, failOn: threshold)
        let report: String
        if let pluginReporter {
            report = try PluginFormats.render(evaluation, context: context, format: format, runtime: pluginReporter)
        } else {
            report = (ReportFormat(rawValue: format) ?? .text).render(evaluation, context: context)
        }
        if let output {
            try Terminal.write(report, to: output)
            if Terminal.stderrIsTerminal { printError("wrote \(output)") }
        } else {
            print(report, terminator: "")
        }
        let status = evaluation.exitStatus(failOn: threshold)
        if status != 0 { throw ExitCode(status) }
    }
}
