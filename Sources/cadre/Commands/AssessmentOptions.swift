import ArgumentParser
import CadreEngine
import CadreModel
import CadreReports
import Foundation

/// What `cadre dpia` and `cadre fria` share: the system, the workspace, the date, the output,
/// and the reading of one system's descriptor and results into an ``AssessmentSource``.
struct AssessmentOptions: ParsableArguments {
    @Argument(help: ArgumentHelp("The id of the system to assess.", valueName: "system"))
    var system: String

    @OptionGroup var workspace: WorkspaceOptions

    @Option(
        help: ArgumentHelp(
            "Apply the law in force on this date (YYYY-MM-DD; default: today).", valueName: "date"),
        transform: ISODate.option)
    var asOf: ISODate?

    @Option(
        name: .shortAndLong,
        help: ArgumentHelp("Write the draft to this file instead of standard output.", valueName: "file"))
    var output: String?

    @Flag(help: "Do not read the system's stores: rules that read them are skipped (stores-not-read).")
    var noStores = false

    /// The system's descriptor and what the rules said of it, with the DPIA rules' answers on
    /// the descriptor without its recorded DPIA when `askingDPIACases`.
    ///
    /// - Throws: `ExitCode(2)` after saying why: an invalid workspace, pack or descriptor, or no
    ///   system with that id (the known ids are listed).
    func source(askingDPIACases: Bool = false) throws -> AssessmentSource {
        let workspace = try self.workspace.open()
        if workspace.diagnostics.containsErrors {
            for diagnostic in workspace.diagnostics { printError(workspace.files.shown(diagnostic).description) }
            throw ExitCode(2)
        }
        // The system's file: the descriptors are read (not evaluated) to find its id.
        let loader = DescriptorLoader(taxonomy: workspace.taxonomy, extensions: workspace.descriptorExtensions)
        var known: [String] = []
        var matches: [(file: String, document: DescriptorDocument)] = []
        var unreadable: [String] = []
        for file in workspace.systemFiles {
            guard let document = loader.load(fileAt: workspace.files.path(file), as: file).document else {
                unreadable.append(workspace.files.path(file))
                continue
            }
            known.append(document.descriptor.id.value)
            if document.descriptor.id.value == system { matches.append((file, document)) }
        }
        guard let match = matches.first else {
            let hint = Suggestion.hint(for: system, among: known).map { " (\($0))" } ?? ""
            printError("cadre: no system `\(system)` in the workspace\(hint)")
            printError("known systems: \(known.isEmpty ? "none" : known.sorted().joined(separator: ", "))")
            if !unreadable.isEmpty {
                printError(
                    "invalid descriptors, whose ids cannot be read (cadre validate says why): \(unreadable.joined(separator: ", "))"
                )
            }
            throw ExitCode(2)
        }
        guard matches.count == 1 else {
            printError(
                "cadre: \(matches.count) descriptors declare the system `\(system)`: \(matches.map { workspace.files.path($0.file) }.joined(separator: ", "))"
            )
            throw ExitCode(2)
        }
        // The system alone, evaluated as `cadre evaluate` would.
        let alone = Workspace.open(
            at: workspace.root, systems: [workspace.files.path(match.file)], taxonomy: try TaxonomyOptions.bundled())
        let asOf = self.asOf ?? ISODate.today()
        let engine = Engine(workspace: alone, readsStores: !noStores)
        let evaluation = engine.evaluate(asOf: asOf).shown(in: alone.files)
        let problems = evaluation.diagnostics + evaluation.systems.flatMap(\.diagnostics)
        for diagnostic in problems where diagnostic.isError { printError(diagnostic.description) }
        guard !evaluation.hasInvalidInput, let evaluated = evaluation.systems.first else { throw ExitCode(2) }
        var applies: [String: Applicability.Answer] = [:]
        _ = engine.applicability(only: [FRIADraft.rule]) { system in
            if system.id == self.system { applies = system.answers }
        }
        var withoutDPIA: [RuleResult] = []
        if askingDPIACases,
            let document = loader.load(match.document.root.removing(["assessments", "dpia"]), file: match.file)
                .document
        {
            withoutDPIA = engine.evaluate(document, only: DPIADraft.caseRules, asOf: asOf).map(alone.files.shown)
        }
        return AssessmentSource(
            descriptor: match.document.descriptor, file: evaluated.file, results: evaluated.results,
            rules: evaluation.rules, asOf: asOf, packs: evaluation.packs.map { "\($0.id) \($0.version)" },
            applies: applies, withoutRecordedDPIA: withoutDPIA)
    }

    /// Writes `text` to `--output` (through ``OutputFile``: a regular file replaced whole, never
    /// renamed over anything else) or to standard output.
    func write(_ text: String) throws {
        try Terminal.writeReport(to: output) { try $0.write(text) }
    }
}
