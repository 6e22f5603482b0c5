import ArgumentParser
import CadreEngine
import CadreModel
import CadreReports
import Foundation

extension Policies {
    /// `cadre policies doc`: the Markdown catalogue of every pack and rule.
    struct Doc: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Write a Markdown catalogue of every pack and rule, from the rules' own metadata.",
            discussion: """
                Lists each pack (version, jurisdiction, sources, settings) and each rule (title, \
                severity, references, dates in force, confidence, description, remediation, file), \
                with each pack's default settings. The same packs give the same bytes; links are \
                relative to the output file's folder. A part of the output file written by hand, \
                after the line `<!-- Written by hand from here on: … -->`, is kept as it is. With \
                --check, writes nothing and exits 1 when the output file is not what the packs give \
                (for CI).

                Exit status: 0; 1 with --check when the file differs or is missing; 2 when a pack \
                or a rule is invalid.
                """)

        @Argument(help: "Pack folders (default: the workspace's packs).")
        var packs: [String] = []

        @OptionGroup var workspace: WorkspaceOptions

        @Option(
            name: .shortAndLong,
            help: ArgumentHelp(
                "Write the catalogue to this file (docs/policies.md) instead of standard output.", valueName: "file"))
        var output: String?

        @Flag(help: "Write nothing; exit 1 when --output's file differs from what the packs give.")
        var check = false

        func validate() throws {
            if check, output == nil { throw ValidationError("--check needs --output FILE: the file to compare") }
        }

        func run() throws {
            let folders: [String]
            if packs.isEmpty {
                try workspace.requireConfiguration()
                folders = try workspace.open(systems: []).packFolders
            } else {
                folders = packs.map(WorkspaceFiles.normalized)
            }
            let taxonomy = try TaxonomyOptions.bundled()
            let catalog = RuleCatalog.load(folders: folders, taxonomy: taxonomy)
            for diagnostic in catalog.diagnostics { printError(diagnostic.description) }
            if catalog.diagnostics.containsErrors { throw ExitCode(2) }
            let base = output.map { ($0 as NSString).deletingLastPathComponent } ?? "."
            var text = PolicyCatalogue(catalog: catalog) { WorkspaceFiles.relative($0, to: base.isEmpty ? "." : base) }
                .render()
            guard let output else {
                print(text, terminator: "")
                return
            }
            // What follows the marker in the file is written by hand (a walkthrough): kept as it is.
            let existing = (try? FileReader.read(output, upTo: 16 << 20)).map { String(decoding: $0, as: UTF8.self) }
            if let existing, let kept = PolicyCatalogue.handWritten(in: existing) { text += "\n" + kept }
            if check {
                guard existing == text else {
                    printError(
                        "cadre: \(output) is \(existing == nil ? "missing" : "out of date"): run `cadre policies doc --output \(output)` (make policies-doc)"
                    )
                    throw ExitCode(1)
                }
                return
            }
            try Terminal.write(text, to: output)
            if Terminal.stderrIsTerminal { printError("wrote \(output)") }
        }
    }
}
