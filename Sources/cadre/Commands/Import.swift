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
            then checked as cadre reads them. The workspace's cadre.yaml (--workspace, else the \
            nearest upward) gets what was imported added to its systems, packs, plugins and \
            taxonomy lists, its comments and layout kept; without a workspace, a cadre.yaml is \
            written in --output-dir. --no-workspace-update leaves it alone.

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

    @Flag(help: "Do not add what was imported to cadre.yaml.")
    var noWorkspaceUpdate = false

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
        if !noWorkspaceUpdate {
            try updateWorkspace(with: result.files, folder: folder, opened: opened, plugins: plugins, runtime: runtime)
        }

        let checked = ImportCheck.check(result.files, in: outputDirectory, taxonomy: taxonomy)
        for diagnostic in checked { printError(diagnostic.description) }
        if checked.containsErrors {
            printError("cadre: the files were written; edit the problems above before `cadre evaluate` can use them")
            throw ExitCode(1)
        }
    }

    /// How `cadre.yaml` names `plugin`: by id when that id finds this very plugin (one installed
    /// with cadre, or in `CADRE_PATH`), else by its folder.
    private static func entry(for plugin: Plugin, in names: WorkspaceFiles) -> String {
        let byId = PackResolver.standard().resolve(
            PackSource(.id(plugin.id), at: .whole(WorkspaceConfiguration.fileName)), as: .plugin, in: names)
        if case .success(let found) = byId,
            URL(fileURLWithPath: names.path(found.folder)).standardizedFileURL.path
                == URL(fileURLWithPath: plugin.folder).standardizedFileURL.path
        {
            return plugin.id
        }
        return folderEntry(names.name(plugin.folder))
    }

    /// `folder` written so that `cadre.yaml` reads it as a folder, never as an id (``PackSource``):
    /// `mine` becomes `./mine`.
    private static func folderEntry(_ folder: String) -> String {
        guard case .id = PackSource(parsing: folder, at: .whole(WorkspaceConfiguration.fileName)).kind else {
            return folder
        }
        return "./" + folder
    }

    /// Adds what was written to the workspace's `cadre.yaml` (or writes one in the output folder
    /// when there is no workspace): the folders of the descriptors, the packs, the plugin the
    /// packs' rules need, the taxonomy files.
    private func updateWorkspace(
        with files: [ImportedFile], folder: OutputFolder, opened: Workspace, plugins: [Plugin], runtime: PluginRuntime
    ) throws {
        // The workspace's cadre.yaml; else one in the output folder, read or written.
        let discovered = workspace.workspace != nil || Workspace.discover() != nil
        let root = discovered ? opened.root : outputDirectory
        let names = WorkspaceFiles(root: root)
        let path = names.path(WorkspaceConfiguration.fileName)
        var configuration = opened.configuration
        if !discovered, FileManager.default.fileExists(atPath: path) {
            let (read, problems) = WorkspaceConfiguration.read(fileAt: path, as: WorkspaceConfiguration.fileName)
            guard let read, !problems.containsErrors else {
                for problem in problems { printError(problem.description) }
                printError("cadre: \(path) was left as it is")
                return
            }
            configuration = read
        }
        let hasWorkspace = discovered || FileManager.default.fileExists(atPath: path)
        func name(_ file: ImportedFile) -> String { names.name(folder.path(of: file.path)) }
        func folderName(_ file: ImportedFile) -> String {
            let parent = (name(file) as NSString).deletingLastPathComponent
            return parent.isEmpty ? "." : parent
        }
        var systems: [String] = []
        var packs: [String] = []
        var taxonomy: [String] = []
        for file in files {
            switch file.format {
            case "system/v1": if !systems.contains(folderName(file)) { systems.append(folderName(file)) }
            case "pack/v1": packs.append(folderName(file))
            case "taxonomy/v1": taxonomy.append(name(file))
            default: continue
            }
        }
        var neededPlugins: [String] = []
        if !packs.isEmpty {
            let owner = runtime.importers.first { $0.format == format }?.plugin
            if let plugin = plugins.first(where: { $0.id == owner }),
                !opened.plugins.contains(where: { $0.id == owner })
            {
                neededPlugins.append(Self.entry(for: plugin, in: names))
            }
        }
        packs = packs.map(Self.folderEntry)
        let existing: String? =
            hasWorkspace ? (try? FileReader.read(path)).map { String(decoding: $0, as: UTF8.self) } : nil
        var listed = [
            "systems": configuration.systems, "packs": configuration.packs.map(\.text),
            "plugins": configuration.plugins.map(\.text),
            "taxonomy": configuration.taxonomy,
        ]
        // Without a `systems:` key, the workspace reads `systems/`: a key written now lists it too.
        let listsSystems = existing.map { $0.hasPrefix("systems:") || $0.contains("\nsystems:") } ?? false
        let present = Set(configuration.systems.map(WorkspaceFiles.normalized))
        if !listsSystems, systems.contains(where: { !present.contains(WorkspaceFiles.normalized($0)) }) {
            systems = configuration.systems + systems.filter { !present.contains(WorkspaceFiles.normalized($0)) }
            listed["systems"] = []
        }
        let edit = WorkspaceConfigurationEdit(additions: [
            ("systems", systems), ("packs", packs), ("plugins", neededPlugins), ("taxonomy", taxonomy),
        ])
        let updated: (text: String, added: [(String, [String])])?
        if let existing {
            updated = edit.apply(to: existing, listed: listed)
        } else if FileManager.default.fileExists(atPath: path) {
            printError("cadre: \(path) exists and is not a workspace cadre can read; it was left as it is")
            return
        } else {
            updated = (edit.newFile(), edit.additions.filter { !$0.values.isEmpty }.map { ($0.key, $0.values) })
        }
        guard let updated else {
            printError(
                "cadre: cannot add to \(path) (a list there has a form cadre does not edit); add: "
                    + edit.additions.filter { !$0.values.isEmpty }.map { "\($0.key): \($0.values)" }.joined(
                        separator: "; "))
            return
        }
        guard !updated.added.isEmpty else { return }
        try Terminal.write(updated.text, to: path)
        for (key, values) in updated.added {
            print(
                TerminalText.line(
                    "\(existing == nil ? "wrote" : "updated") \(path): \(key) + \(values.joined(separator: ", "))"))
        }
    }
}
