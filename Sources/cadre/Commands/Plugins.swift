import ArgumentParser
import CadreEngine
import CadreModel
import CadreReports
import Foundation

/// `cadre plugins`: the plugins the workspace enables.
struct Plugins: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "List and describe the plugins the workspace enables.",
        subcommands: [List.self, Show.self],
        defaultSubcommand: List.self)

    /// Loads the workspace's plugins and every file they provide, printing every problem; exit
    /// status 2 when one does not load.
    static func runtime(_ options: WorkspaceOptions) throws -> PluginRuntime {
        let workspace = try options.open()
        let runtime: PluginRuntime
        do {
            runtime = try PluginRuntime(
                plugins: workspace.plugins, taxonomy: workspace.taxonomy, limits: workspace.configuration.limits,
                reservedFormats: Set(ReportFormat.allCases.map(\.rawValue)))
        } catch {
            printError("cadre: cannot start the plugins: \(error)")
            throw ExitCode(2)
        }
        // Problems of cadre.yaml and of the plugins (descriptors and packs are not this command's).
        let pluginFolders = workspace.pluginFolders
        let relevant = workspace.diagnostics.map(workspace.files.shown).filter { diagnostic in
            diagnostic.location.file.hasSuffix(WorkspaceConfiguration.fileName)
                || pluginFolders.contains { diagnostic.location.file.hasPrefix($0) }
        }
        let diagnostics = (relevant + runtime.diagnostics).sortedForDisplay()
        for diagnostic in diagnostics { printError(diagnostic.description) }
        if diagnostics.containsErrors { throw ExitCode(2) }
        return runtime
    }

    /// What a plugin provides, in a line: `detectors: siren, siret · importers: fides`.
    static func provides(_ plugin: Plugin, _ runtime: PluginRuntime) -> String {
        var parts: [String] = []
        let detectors = runtime.detectorInfos.filter { $0.plugin == plugin.id }.map(\.name)
        let importers = runtime.importers.filter { $0.plugin == plugin.id }.map(\.format)
        let reporters = runtime.reporters.filter { $0.plugin == plugin.id }.map(\.format)
        let modules = plugin.modules.keys.sorted().map { plugin.id + "." + $0 }
        if !detectors.isEmpty { parts.append("detectors: " + detectors.joined(separator: ", ")) }
        if !importers.isEmpty { parts.append("importers: " + importers.joined(separator: ", ")) }
        if !reporters.isEmpty { parts.append("reporters: " + reporters.joined(separator: ", ")) }
        if !plugin.taxonomyFiles.isEmpty {
            parts.append("taxonomy: \(plugin.taxonomyFiles.count) file\(plugin.taxonomyFiles.count == 1 ? "" : "s")")
        }
        if !modules.isEmpty { parts.append("modules: " + modules.joined(separator: ", ")) }
        return parts.isEmpty ? "nothing" : parts.joined(separator: " · ")
    }

    struct List: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "List the enabled plugins: id, version, title, and what each provides.",
            discussion: "Exit status: 0, or 2 when a plugin or one of its files does not load.")

        @OptionGroup var workspace: WorkspaceOptions

        func run() throws {
            let runtime = try Plugins.runtime(workspace)
            for plugin in runtime.plugins {
                print(TerminalText.line("\(plugin.id) \(plugin.version) — \(plugin.manifest.title) (\(plugin.folder))"))
                print("  " + TerminalText.line(Plugins.provides(plugin, runtime)))
            }
            if !runtime.plugins.isEmpty { print("") }
            print(
                "\(runtime.plugins.count) plugin\(runtime.plugins.count == 1 ? "" : "s") enabled (plugin API \(PluginLoader.supportedAPI.upperBound))"
            )
        }
    }

    struct Show: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Describe one plugin: its detectors, importers, reporters, taxonomy files and modules.",
            discussion: "Exit status: 0, or 2 when the plugin is not enabled or does not load.")

        @Argument(help: "The plugin's id (pii-fr).")
        var id: String

        @OptionGroup var workspace: WorkspaceOptions

        func run() throws {
            let runtime = try Plugins.runtime(workspace)
            guard let plugin = runtime.plugins.first(where: { $0.id == id }) else {
                let hint = Suggestion.hint(for: id, among: runtime.plugins.map(\.id)).map { " (\($0))" } ?? ""
                printError("cadre: no plugin `\(id)` is enabled in the workspace\(hint)")
                throw ExitCode(2)
            }
            var lines = ["\(plugin.id) \(plugin.version)", plugin.manifest.title, ""]
            if let description = plugin.manifest.description {
                lines += description.components(separatedBy: "\n") + [""]
            }
            lines.append("folder:      \(plugin.folder)")
            lines.append("plugin API:  \(plugin.manifest.api)")
            lines.append("digest:      sha256:\(plugin.digest.prefix(16))…")
            let detectors = runtime.detectorInfos.filter { $0.plugin == plugin.id }
            if !detectors.isEmpty {
                lines += ["", "detectors (store:scan(t, {detectors = {…}})):"]
                for detector in detectors {
                    lines.append("  \(detector.name)  \(detector.category)  pattern \(detector.pattern)")
                    if let description = detector.description { lines.append("      \(description)") }
                }
            }
            for (title, formats) in [
                ("importers (cadre import FORMAT FILE…)", runtime.importers),
                ("reporters (cadre evaluate --format NAME)", runtime.reporters),
            ] {
                let mine = formats.filter { $0.plugin == plugin.id }
                guard !mine.isEmpty else { continue }
                lines += ["", title + ":"]
                for format in mine {
                    let extensions =
                        format.extensions.isEmpty ? "" : "  (.\(format.extensions.joined(separator: ", .")))"
                    lines.append("  \(format.format)\(extensions)  \(format.description ?? "")")
                }
            }
            if !plugin.taxonomyFiles.isEmpty {
                lines += ["", "taxonomy files:"] + plugin.taxonomyFiles.map { "  \($0)" }
            }
            if !plugin.modules.isEmpty {
                lines +=
                    ["", "modules (require):"]
                    + plugin.modules.keys.sorted().map { "  \(plugin.id).\($0)  \(plugin.modules[$0]?.path ?? "")" }
            }
            print(lines.map(TerminalText.line).joined(separator: "\n"))
        }
    }
}
