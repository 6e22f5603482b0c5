import ArgumentParser
import CadreModel

/// `--taxonomy FILE`: terms a workspace adds to the bundled taxonomy.
struct TaxonomyOptions: ParsableArguments {
    @Option(
        name: .customLong("taxonomy"),
        help: ArgumentHelp("A taxonomy file (cadre: taxonomy/v1) whose terms are added; repeatable.", valueName: "file")
    )
    var files: [String] = []

    /// The taxonomy cadre ships; exit status 2 (with the reason) when it cannot be read.
    static func bundled() throws -> Taxonomy {
        do {
            return try Taxonomy.bundled()
        } catch {
            printError("cadre: cannot load the bundled taxonomy: \(error)")
            throw ExitCode(2)
        }
    }

    /// The bundled taxonomy plus the terms of `files`, and the problems found in those files.
    func load() throws -> (taxonomy: Taxonomy, diagnostics: [Diagnostic]) {
        var taxonomy = try TaxonomyOptions.bundled()
        var diagnostics: [Diagnostic] = []
        for file in files {
            let added = taxonomy.adding(termsFromFileAt: file)
            taxonomy = added.taxonomy
            diagnostics += added.diagnostics
        }
        return (taxonomy, diagnostics)
    }
}
