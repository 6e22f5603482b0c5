import CadreModel
import CadreStores
import LuaHost

/// The enabled plugins in one Lua state: their modules for `require`, and their detectors,
/// importers and reporters, each file loaded in its own environment under the limits, checked
/// field by field. A file that fails is a diagnostic with its file and line; the others load.
final class PluginSet {
    let state: LuaState
    let plugins: [Plugin]
    let limits: LuaLimits
    let taxonomy: Taxonomy
    let modules: PluginModules
    /// Problems loading the plugins' files.
    private(set) var diagnostics: [Diagnostic] = []

    /// An importer a plugin provides.
    struct Importer {
        var format: String
        var description: String?
        var extensions: [String]
        var run: LuaValue
        var plugin: String
        var file: String
    }

    /// A reporter a plugin provides.
    struct Reporter {
        var format: String
        var description: String?
        var fileExtension: String?
        var render: LuaValue
        var plugin: String
        var file: String
    }

    init(state: LuaState, plugins: [Plugin], taxonomy: Taxonomy, limits: LuaLimits) throws(LuaError) {
        self.state = state
        self.plugins = plugins
        self.limits = limits
        self.taxonomy = taxonomy
        modules = try PluginModules(state: state, plugins: plugins, limits: limits)
    }

    /// Every plugin detector, registered after `registry`'s own (a detector whose name is taken
    /// is reported and left out). Only a ``DetectorState`` calls this: detectors are loaded in a
    /// state of their own, never in one that runs rules, importers or reporters.
    /// `only`: the detectors of that plugin alone.
    func detectors(after registry: inout DetectorRegistry, only: String? = nil) -> [PluginDetector] {
        var found: [PluginDetector] = []
        for plugin in plugins where only == nil || plugin.id == only {
            for file in plugin.detectorFiles {
                var reader = PluginTableReader(kind: .detector, file: file)
                for table in entries(of: file, plugin: plugin, reader: &reader) {
                    guard let name = table["name"]?.stringValue, let category = table["category"]?.stringValue,
                        let source = table["pattern"]?.stringValue
                    else { continue }
                    guard taxonomy.contains(category, in: .dataCategory) else {
                        reader.problem(
                            "category", "detector `\(name)`: `\(category)` is not a data category of the taxonomy",
                            hint: Suggestion.hint(for: category, among: taxonomy.keys(in: .dataCategory)))
                        continue
                    }
                    let pattern: LuaPattern
                    do {
                        pattern = try LuaPattern(source)
                    } catch {
                        reader.problem("pattern", "detector `\(name)`: \(error.message)")
                        continue
                    }
                    let redaction: PluginRedaction
                    switch PluginRedaction.read(
                        table["redact"], detector: name, category: category,
                        policy: RevealPolicy.for(category: category))
                    {
                    case .success(let read):
                        redaction = read
                    case .failure(let problem):
                        reader.problem("redact", problem.message, hint: problem.hint)
                        continue
                    }
                    let detector = PluginDetector(
                        name: name, category: category, pattern: pattern, validate: table["validate"],
                        redaction: redaction, description: table["description"]?.stringValue, plugin: plugin,
                        file: file, state: state, limits: limits)
                    do {
                        try registry.register(detector)
                        found.append(detector)
                    } catch {
                        reader.problem("name", "detector `\(name)`: \(error.message)")
                    }
                }
                diagnostics += reader.diagnostics
            }
        }
        return found
    }

    /// Every plugin importer (a format named twice is reported and left out).
    func importers() -> [Importer] {
        var found: [Importer] = []
        for plugin in plugins {
            for file in plugin.importerFiles {
                var reader = PluginTableReader(kind: .importer, file: file)
                for table in entries(of: file, plugin: plugin, reader: &reader) {
                    guard let format = table["format"]?.stringValue, let run = table["import"] else { continue }
                    if let other = found.first(where: { $0.format == format }) {
                        reader.problem(
                            "format", "importer `\(format)` is also provided by plugin \(other.plugin) (\(other.file))")
                        continue
                    }
                    let extensions = table["extensions"]?.tableValue?.array.compactMap(\.stringValue) ?? []
                    found.append(
                        Importer(
                            format: format, description: table["description"]?.stringValue, extensions: extensions,
                            run: run,
                            plugin: plugin.id, file: file.path))
                }
                diagnostics += reader.diagnostics
            }
        }
        return found
    }

    /// Every plugin reporter (a format named twice, or a built-in format's name, is reported and
    /// left out).
    func reporters(reserved: Set<String> = []) -> [Reporter] {
        var found: [Reporter] = []
        for plugin in plugins {
            for file in plugin.reporterFiles {
                var reader = PluginTableReader(kind: .reporter, file: file)
                for table in entries(of: file, plugin: plugin, reader: &reader) {
                    guard let format = table["format"]?.stringValue, let render = table["render"] else { continue }
                    if reserved.contains(format) {
                        reader.problem(
                            "format", "reporter `\(format)`: `\(format)` is a built-in format of cadre evaluate")
                        continue
                    }
                    if let other = found.first(where: { $0.format == format }) {
                        reader.problem(
                            "format", "reporter `\(format)` is also provided by plugin \(other.plugin) (\(other.file))")
                        continue
                    }
                    found.append(
                        Reporter(
                            format: format, description: table["description"]?.stringValue,
                            fileExtension: table["extension"]?.stringValue, render: render, plugin: plugin.id,
                            file: file.path))
                }
                diagnostics += reader.diagnostics
            }
        }
        return found
    }

    /// Runs a plugin file in its own environment (with `plugin` and `require`) and checks what it
    /// returned.
    private func entries(of file: Pack.File, plugin: Plugin, reader: inout PluginTableReader) -> [LuaTable] {
        do {
            let environment = try state.makeEnvironment([
                "plugin": modules.pluginValues[plugin.id] ?? .nil, "require": try modules.require(for: plugin.id),
            ])
            let chunk = try state.load(file.source, name: file.path, environment: environment)
            let returned = try state.call(chunk, limits: limits)
            return reader.read(returned.first ?? .nil)
        } catch {
            diagnostics.append(Self.diagnostic(loading: file, error))
            return []
        }
    }

    static func diagnostic(loading file: Pack.File, _ error: LuaError) -> Diagnostic {
        let location = SourceLocation(file: error.file ?? file.path, line: error.line ?? 1, column: 1)
        switch error.kind {
        case .syntax:
            return .error(.pluginSyntax, at: location, "syntax error: \(error.message)")
        default:
            return .error(
                .pluginLoad, at: location, "the plugin file failed while loading: \(error.message)",
                hint: error.isLimit ? "a plugin file only returns its tables; do the work in their functions" : nil)
        }
    }
}
