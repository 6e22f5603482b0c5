import ArgumentParser
import CadreModel
import Foundation

/// `cadre schema`: prints the JSON Schema of the descriptor format, for editors.
struct Schema: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Print the JSON Schema (draft 2020-12) of the cadre: system/v1 format.",
        discussion: """
            Editors use it to complete and check descriptors as you type. With VS Code's YAML \
            extension, save it (cadre schema --output .cadre/system-v1.schema.json) and start a \
            descriptor with: # yaml-language-server: $schema=../.cadre/system-v1.schema.json

            Exit status: 0 on success, 2 when a taxonomy file is invalid or the output cannot be written.
            """)

    enum Format: String, ExpressibleByArgument, CaseIterable {
        case json, markdown
    }

    @Option(help: "json: the JSON Schema; markdown: the field reference of docs/descriptors.md.")
    var format: Format = .json

    @Option(
        name: .shortAndLong,
        help: ArgumentHelp("Write the schema to this file instead of printing it.", valueName: "file"))
    var output: String?

    @OptionGroup var taxonomy: TaxonomyOptions

    func run() throws {
        let (taxonomy, diagnostics) = try taxonomy.load()
        for diagnostic in diagnostics { printError(diagnostic.description) }
        if diagnostics.containsErrors { throw ExitCode(2) }
        let schema =
            switch format {
            case .json: JSONSchemaWriter(taxonomy: taxonomy).descriptorSchema()
            case .markdown: MarkdownReferenceWriter().descriptorReference()
            }
        guard let output else {
            print(schema, terminator: "")
            return
        }
        try Terminal.write(schema, to: output)
    }
}
