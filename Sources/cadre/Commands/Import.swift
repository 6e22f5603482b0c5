import ArgumentParser
import CadreEngine
import CadreModel
import Foundation

/// `cadre import FORMAT FILE...`: another tool's files as cadre descriptors (and packs, taxonomy
/// files), written by a plugin's importer.
struct Import: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Turn another tool's files into cadre descriptors, with a plugin's importer.",
        discussion: """
            FORMAT names an importer of an enabled plugin (cadre.yaml `plugins:`) or of a plugin \
            folder given with --plugin: `cadre import fides .fides/*.yml --plugin plugins/fides`. \
            The files are written under --output-dir (never over an existing file without --force), \
            then checked as cadre reads them.

            Exit status: 0 when every file was written and is valid; 1 when files were written but \
            some need editing before cadre accepts them (the problems are listed); 2 when an input, \
            the importer or a flag is invalid, or a file exists (nothing is written then).
            """)

    @Argument(help: "The format to import (fides).")
    var format: String

    @Argument(help: "The files to import.")
    var files: [String]

    @Option(
        name: .customLong("output-dir"),
        help: ArgumentHelp("Where to write the files (default: the current folder).", valueName: "dir"))
    var outputDirectory: String = "."

    @OptionGroup var pluginOptions: PluginOptions

    @Flag(help: "Overwrite files that already exist.")
    var force = false

    @OptionGroup var workspace: WorkspaceOptions

    func validate() throws {
        guard !files.isEmpty else { throw ValidationError("name at least one file to import") }
    }

    func run() throws {
        let opened = try workspace.open()
        var taxonomy = opened.taxonomy
        // --plugin folders the workspace does not already enable.
        let (plugins, problems) = pluginOptions.plugins(besides: opened.plugins, taxonomy: &taxonomy)
        let pluginProblems = opened.diagnostics.filter { $0.location.file.hasSuffix("plugin.yaml") } + problems
        let runtime: PluginRuntime
        do {
            runtime = try PluginRuntime(plugins: plugins, taxonomy: taxonomy, limits: opened.configuration.limits)
        } catch {
            printError("cadre: cannot start the plugins: \(error)")
            throw ExitCode(2)
        }
        let loadProblems = (pluginProblems + runtime.diagnostics).sortedForDisplay()
        for diagnostic in loadProblems { printError(diagnostic.description) }
        if loadProblems.containsErrors { throw ExitCode(2) }

        let result = runtime.runImport(format: format, paths: files)
        for diagnostic in result.diagnostics { printError(diagnostic.description) }
        if result.diagnostics.containsErrors || result.files.isEmpty {
            if result.files.isEmpty && !result.diagnostics.containsErrors {
                printError("cadre: the importer produced no file")
            }
            throw ExitCode(2)
        }

        // Nothing is written unless every file can be: none exists (without --force), and none
        // would be written through a symbolic link leading outside the folder.
        let folder = OutputFolder(outputDirectory)
        var refused: [OutputError] = []
        for file in result.files {
            do { try folder.check(file.path) } catch { refused.append(error) }
        }
        if !refused.isEmpty {
            for error in refused { printError("cadre: \(error)") }
            printError("cadre: nothing was written")
            throw ExitCode(2)
        }
        let existing = result.files.map { folder.path(of: $0.path) }.filter {
            FileManager.default.fileExists(atPath: $0)
        }
        if !force, !existing.isEmpty {
            for path in existing {
                printError("cadre: \(path) already exists; nothing was written (use --force to overwrite)")
            }
            throw ExitCode(2)
        }
        do {
            try folder.write(result.files.map { (path: $0.path, text: $0.text) })
        } catch {
            printError("cadre: \(error)")
            throw ExitCode(2)
        }
        for file in result.files { print("wrote \(TerminalText.line(folder.path(of: file.path)))") }
        printNextSteps(result.files, plugins: plugins, runtime: runtime)

        let checked = ImportCheck.check(result.files, in: outputDirectory, taxonomy: taxonomy)
        for diagnostic in checked { printError(diagnostic.description) }
        if checked.containsErrors {
            printError("cadre: the files were written; edit the problems above before `cadre evaluate` can use them")
            throw ExitCode(1)
        }
    }

    /// What to list in cadre.yaml for the files written to be used.
    private func printNextSteps(_ files: [ImportedFile], plugins: [Plugin], runtime: PluginRuntime) {
        let packs = files.filter { $0.format == "pack/v1" }.map { ($0.path as NSString).deletingLastPathComponent }
        let taxonomy = files.filter { $0.format == "taxonomy/v1" }.map(\.path)
        guard !packs.isEmpty || !taxonomy.isEmpty else { return }
        var lines = ["next, in cadre.yaml:"]
        if !packs.isEmpty {
            lines.append("  packs: [\(packs.joined(separator: ", "))]")
            let owner = runtime.importers.first { $0.format == format }?.plugin
            if let folder = plugins.first(where: { $0.id == owner })?.folder {
                lines.append("  plugins: [\(folder)]          # the packs' rules need it")
            }
        }
        if !taxonomy.isEmpty { lines.append("  taxonomy: [\(taxonomy.joined(separator: ", "))]") }
        print(lines.map(TerminalText.line).joined(separator: "\n"))
    }
}
