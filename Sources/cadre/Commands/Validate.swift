import ArgumentParser
import CadreModel

/// `cadre validate`: checks descriptors against the `cadre: system/v1` format.
struct Validate: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Check system descriptors against the cadre: system/v1 format.",
        discussion: """
            Reports every problem of every file, as file:line:col: severity: message [code], with a \
            hint on the next line, then a summary. Every file is checked, whatever happens to the others.

            Exit status: 0 when every descriptor is valid (warnings allowed), 2 when a descriptor \
            is invalid or a path cannot be read.
            """)

    enum Format: String, ExpressibleByArgument, CaseIterable {
        case text, json
    }

    @Argument(help: "Descriptor files, or folders searched for *.yaml, *.yml and *.json.")
    var paths: [String] = ["systems"]

    @Option(help: "Output format: text or json.")
    var format: Format = .text

    @Flag(help: "Treat warnings as errors (exit status 2 when there is any).")
    var strict = false

    @OptionGroup var taxonomy: TaxonomyOptions

    func run() throws {
        let (taxonomy, taxonomyDiagnostics) = try taxonomy.load()
        let set = DescriptorSet.load(paths: paths, with: DescriptorLoader(taxonomy: taxonomy))
        let report = ValidationReport(set, extra: taxonomyDiagnostics)
        print(format == .json ? report.json() : report.text(), terminator: "")
        if !report.isValid || (strict && report.summary.warnings > 0) {
            throw ExitCode(2)
        }
    }
}
