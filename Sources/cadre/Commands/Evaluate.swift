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

    @OptionGroup var evaluation: EvaluationOptions

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

    @Flag(name: .shortAndLong, help: "List passing and skipped results too.")
    var verbose = false

    @OptionGroup var display: OutputOptions

    @Option(
        help: ArgumentHelp(
            "The folder the sarif, github and gitlab formats name files from (default: the git repository's top level around the workspace, else the workspace).",
            valueName: "dir"))
    var sarifRoot: String?

    @Option(
        name: .customLong("rule"),
        help: ArgumentHelp(
            "Run only this rule: an id, or a pattern over ids (cnil.recording.*); repeatable.", valueName: "id"))
    var rules: [String] = []

    func run() throws {
        let workspace = try self.workspace.open(systems: paths.isEmpty ? nil : paths)
        try allowEmpty.check(workspace)
        // A plugin's format is found (and its reporter loaded) before the evaluation runs.
        let pluginReporter =
            ReportFormat(rawValue: format) == nil ? try PluginFormats.reporter(format, in: workspace) : nil
        let asOf = evaluation.date
        if display.showsProgress {
            printError(
                "evaluating \(Plural.count(workspace.systemFiles.count, "system")) against \(Plural.count(workspace.packs.count, "pack")) as of \(asOf)…"
            )
        }
        // Results wait in a spool until the report reaches them; files are named in the
        // workspace, and each report shows them from here, or from the repository's root.
        let sourceRoot = SourceRoot.find(workspace: workspace.root, explicit: sarifRoot)
        if let sarifRoot, sourceRoot == nil {
            printError("cadre: --sarif-root \(sarifRoot): no such folder")
            throw ExitCode(2)
        }
        var engine = Engine(workspace: workspace, jobs: evaluation.jobs, readsStores: !evaluation.noStores)
        if !rules.isEmpty {
            let filter = RuleFilter(rules)
            let known = engine.loadRules().rules.map(\.id)
            let unmatched = filter.unmatched(among: known)
            if !unmatched.isEmpty, !known.isEmpty {
                for pattern in unmatched {
                    let hint = Suggestion.hint(for: pattern, among: known).map { "; \($0)" } ?? ""
                    printError(
                        "cadre: --rule \(pattern): no rule of the workspace's packs has this id\(hint) (`cadre policies list` lists them)"
                    )
                }
                throw ExitCode(2)
            }
            engine.ruleFilter = filter
        }
        let evaluation = engine.evaluateSpooled(asOf: asOf)
        let threshold: Severity? =
            switch failOn {
            case .none?: nil
            case .severity(let severity)?: severity
            case nil: workspace.configuration.failOn ?? .high
            }
        var context = ReportContext(
            toolVersion: CadreVersion.number,
            colors: format == ReportFormat.text.rawValue && display.colors(writingToStandardOutput: output == nil),
            verbose: verbose, failOn: threshold, files: workspace.files, sourceRoot: sourceRoot, quiet: display.quiet)
        if format == ReportFormat.html.rawValue {
            // The page draws the obligations to come and the history's trend.
            context.timeline = HTMLReportInputs.timeline(of: workspace, rules: evaluation.rules, asOf: asOf)
            context.trend = HTMLReportInputs.trend(of: workspace)
        }
        if let pluginReporter {
            // The reporter receives the JSON report, which shows files from here.
            let report = try PluginFormats.render(evaluation, context: context, format: format, runtime: pluginReporter)
            try Terminal.writeReport(to: output) { try $0.write(report) }
        } else {
            try Terminal.writeReport(to: output) { output in
                try (ReportFormat(rawValue: format) ?? .text).write(evaluation, context: context, to: output)
            }
        }
        if let output, display.showsProgress { printError("wrote \(output)") }
        let status = evaluation.exitStatus(failOn: threshold)
        if status != 0 { throw ExitCode(status) }
    }
}
