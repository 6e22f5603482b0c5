import ArgumentParser
import CadreEngine
import CadreModel

/// `cadre validate`: checks descriptors against the `cadre: system/v1` format.
struct Validate: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Check system descriptors against the cadre: system/v1 format.",
        discussion: """
            Reports every problem of every file, as file:line:col: severity: message [code], with a \
            hint on the next line, then a summary. Every file is checked, whatever happens to the others.

            The workspace is found as cadre evaluate finds it (--workspace, else the nearest folder \
            with cadre.yaml upward): its systems are checked when no path is given, with its \
            taxonomy files and its plugins' terms, and the problems of its cadre.yaml, plugins and \
            taxonomy files are reported too. The `x-` blocks its packs declare in their pack.yaml \
            (`extensions:`) are checked against the fields declared; other `x-` keys are free.

            Exit status: 0 when every descriptor is valid (warnings allowed), 2 when a descriptor \
            is invalid or a path cannot be read.
            """)

    enum Format: String, ExpressibleByArgument, CaseIterable {
        case text, json
    }

    @Argument(
        help: "Descriptor files, or folders searched for *.yaml, *.yml and *.json (default: the workspace's systems).")
    var paths: [String] = []

    @OptionGroup var workspace: WorkspaceOptions

    @Option(help: "Output format: text or json.")
    var format: Format = .text

    @Flag(help: "Treat warnings as errors (exit status 2 when there is any).")
    var strict = false

    @OptionGroup var taxonomy: TaxonomyOptions

    @Flag(name: .shortAndLong, help: "Print only the errors: no warnings, hints or summary (text format).")
    var quiet = false

    func run() throws {
        // The workspace's taxonomy (its plugins' terms, then its taxonomy files), as evaluate uses it.
        let opened = try workspace.open(systems: [])
        var taxonomy = opened.taxonomy
        var extra = opened.diagnostics.filter { !Self.concernsPacksOrWaivers($0, opened) }.map {
            opened.files.shown($0)
        }
        // A --taxonomy file the workspace already lists is read once.
        let listed = Set(opened.configuration.taxonomy.map { WorkspaceFiles.normalized(opened.files.path($0)) })
        for file in self.taxonomy.files where !listed.contains(WorkspaceFiles.normalized(file)) {
            let added = taxonomy.adding(termsFromFileAt: file)
            taxonomy = added.taxonomy
            extra += added.diagnostics
        }
        let paths = self.paths.isEmpty ? opened.configuration.systems.map { opened.files.path($0) } : self.paths
        let set = DescriptorSet.load(
            paths: paths, with: DescriptorLoader(taxonomy: taxonomy, extensions: opened.descriptorExtensions))
        let report = ValidationReport(set, extra: extra)
        if format == .json {
            print(report.json(), terminator: "")
        } else if quiet {
            print(report.errorLines(), terminator: "")
        } else {
            print(report.text(), terminator: "")
        }
        if !report.isValid || (strict && report.summary.warnings > 0) {
            throw ExitCode(2)
        }
    }

    /// Whether `diagnostic` is about a pack or a waiver file, which `cadre evaluate` and `cadre
    /// policies` report: `validate` checks descriptors. A pack's `pack.yaml` is the exception:
    /// it declares the `x-` blocks descriptors are checked against, so its problems are reported.
    static func concernsPacksOrWaivers(_ diagnostic: Diagnostic, _ workspace: Workspace) -> Bool {
        let file = diagnostic.location.file
        let folders = workspace.packSources.map { WorkspaceFiles.normalized($0.folder) }
        let waivers = workspace.configuration.waivers.map { WorkspaceFiles.normalized($0) }
        if folders.contains(where: { file == WorkspaceFiles.join($0, "pack.yaml") }) { return false }
        return waivers.contains(file) || folders.contains { file == $0 || file.hasPrefix($0 + "/") }
    }
}
