import ArgumentParser
import CadreEngine
import CadreModel
import CadreReports
import Foundation
import LuaHost

/// `cadre test`: runs the packs' `*_test.lua` files and measures rule coverage.
struct Test: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Run the tests of packs (tests/*_test.lua) and measure which rules they cover.",
        discussion: """
            PATHS are packs, folders of packs, or test files; by default, the workspace's packs \
            (or, outside any workspace, the pack the current folder is in). \
            Each test runs rules on fixture systems with the engine's own code (docs/rules.md, \
            "Testing rules"). A rule is covered when some test saw it fail (or warn) and some \
            test saw it pass. The workspace's plugins (when testing its packs) and --plugin \
            folders give rules and tests their modules, detectors and taxonomy terms.

            Exit status: 0 when every test passes (and coverage reaches --min-coverage); 1 when \
            a test fails or errs, or coverage is below --min-coverage; 2 when an input is \
            invalid (a pack that does not load, a test file that cannot be read, does not \
            compile or fails while declaring its tests, a flag).
            """)

    @Argument(help: "Packs, folders of packs or test files (default: the workspace's packs).")
    var paths: [String] = []

    @OptionGroup var workspace: WorkspaceOptions

    @OptionGroup var taxonomyOptions: TaxonomyOptions

    @OptionGroup var pluginOptions: PluginOptions

    @Option(
        help: ArgumentHelp(
            "Run only the tests whose full name (\"describe … it\") contains this text or matches this Lua pattern.",
            valueName: "pattern"))
    var filter: String?

    @Option(
        help: ArgumentHelp(
            "Output format: \(TestReportFormat.allCases.map(\.rawValue).joined(separator: ", ")).", valueName: "format")
    )
    var format: TestReportFormat = .text

    @Option(
        name: .shortAndLong,
        help: ArgumentHelp("Write the report to this file instead of standard output.", valueName: "file"))
    var output: String?

    @Flag(help: "Print the coverage of rules: for each rule, whether a test saw it fail and one saw it pass.")
    var coverage = false

    @Option(
        help: ArgumentHelp(
            "Fail (exit status 1) when less than this percentage of rules is covered, naming the rules that are not.",
            valueName: "percent"))
    var minCoverage: Double?

    @Option(help: ArgumentHelp("Packs tested in parallel (default: one per core).", valueName: "n"))
    var jobs: Int = 0

    @Flag(name: .shortAndLong, help: "List passing tests too, and what every test printed.")
    var verbose = false

    @OptionGroup var display: OutputOptions

    func validate() throws {
        guard jobs >= 0 else { throw ValidationError("--jobs must be 0 (one per core) or more, not \(jobs)") }
        if let minCoverage, !(0...100).contains(minCoverage) {
            throw ValidationError("--min-coverage is a percentage, from 0 to 100, not \(minCoverage)")
        }
    }

    func run() throws {
        var targets: [TestTarget]
        var problems: [Diagnostic] = []
        var limits: LuaLimits? = nil
        var taxonomy: Taxonomy
        var enabled: [Plugin] = []
        if paths.isEmpty, workspace.workspace == nil, Workspace.discover() == nil, TestTarget.isInsidePack(".") {
            // No workspace around, but inside a pack: its tests.
            (targets, problems) = TestTarget.resolve(["."])
            taxonomy = try taxonomyOptions.load().taxonomy
        } else if paths.isEmpty {
            let opened = try workspace.open(systems: [])
            // Problems of cadre.yaml itself; the runner reports those of the packs.
            problems += opened.diagnostics.filter {
                $0.isError && $0.location.file.hasSuffix(WorkspaceConfiguration.fileName)
            }.map(opened.files.shown)
            targets = TestTarget.packs(of: opened)
            taxonomy = opened.taxonomy
            enabled = opened.plugins
            problems += opened.diagnostics.filter { $0.isError && $0.location.file.hasSuffix("plugin.yaml") }.map(
                opened.files.shown)
            limits = opened.configuration.limits
            if targets.isEmpty, problems.isEmpty {
                if workspace.workspace == nil, Workspace.discover() == nil {
                    printError(
                        "cadre: no workspace (cadre.yaml) in this folder or above, and no pack: give packs or test files, or --workspace DIR"
                    )
                } else {
                    printError(
                        "cadre: the workspace `\(opened.root)` lists no pack to test (packs: in cadre.yaml), and no path was given"
                    )
                }
                throw ExitCode(2)
            }
        } else {
            (targets, problems) = TestTarget.resolve(paths)
            let loaded = try taxonomyOptions.load()
            taxonomy = loaded.taxonomy
            problems += loaded.diagnostics
        }
        // The workspace's plugins (when testing its packs) and --plugin folders.
        let (plugins, pluginProblems) = pluginOptions.plugins(besides: enabled, taxonomy: &taxonomy)
        problems += pluginProblems
        let runner = TestRunner(
            targets: targets, taxonomy: taxonomy, limits: limits, filter: filter, jobs: jobs, plugins: plugins)
        var report = runner.run()
        report.diagnostics = (problems + report.diagnostics).sortedForDisplay()
        if report.cases.isEmpty, !report.hasInvalidInput, !display.quiet {
            printError("cadre: warning: no test ran\(filter.map { " (no test name matches --filter \($0))" } ?? "")")
        }
        let context = TestReportContext(
            toolVersion: CadreVersion.number,
            colors: format == .text && display.colors(writingToStandardOutput: output == nil),
            verbose: verbose,
            coverage: coverage, minCoverage: minCoverage)
        let rendered = format.render(report, context: context)
        if let output {
            try Terminal.write(rendered, to: output)
        } else {
            print(rendered, terminator: "")
        }
        let status = report.exitStatus(minCoverage: minCoverage)
        if status != 0 { throw ExitCode(status) }
    }
}

extension TestReportFormat: ExpressibleByArgument {}
