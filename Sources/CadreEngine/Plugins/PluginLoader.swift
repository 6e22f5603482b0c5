import CadreModel
import Foundation

/// Loads plugins from their folders, with every problem located.
public struct PluginLoader: Sendable {
    /// The plugin API versions this cadre provides (docs/plugins.md describes API 1).
    public static let supportedAPI = 1...1

    public init() {}

    /// Loads the plugin at `path` (shown as `folder`).
    public func load(at path: String, as folder: String) -> (Plugin?, [Diagnostic]) {
        let manifestPath = WorkspaceFiles.join(path, "plugin.yaml")
        let manifestFile = WorkspaceFiles.join(folder, "plugin.yaml")
        guard FileManager.default.fileExists(atPath: manifestPath) else {
            return (
                nil,
                [
                    .error(
                        .unreadableFile, at: .whole(folder), "not a plugin: there is no plugin.yaml in `\(folder)`",
                        hint: "a plugin is a folder with plugin.yaml and Lua files; see docs/plugins.md")
                ]
            )
        }
        let (read, diagnostics) = ConfigurationFile.read(
            fileAt: manifestPath, as: manifestFile, format: PluginManifest.format, shape: PluginManifest.shape)
        guard let root = read, let id = root.string("id"), let version = root.string("version"),
            let title = root.string("title"), let api = root.integer("api")
        else { return (nil, diagnostics) }
        var problems = diagnostics
        if id.contains(where: { !(("a"..."z").contains($0) || ("0"..."9").contains($0) || $0 == "-" || $0 == "_") }) {
            problems.append(
                .error(
                    .invalidValue, at: root["id"]?.location ?? root.location,
                    "a plugin id is lower-case letters, digits, `-` and `_` (rules require its modules as `\(id).module`)",
                    hint: "for example `\(id.lowercased().replacingOccurrences(of: ".", with: "-"))`"))
        }
        guard Self.supportedAPI.contains(api) else {
            problems.append(
                .error(
                    .invalidValue, at: root["api"]?.location ?? root.location,
                    "plugin `\(id)` needs plugin API \(api); this cadre provides API \(Self.supportedAPI.upperBound)",
                    hint: "use a cadre release that provides API \(api), or an older version of the plugin"))
            return (nil, problems)
        }
        let provides = root["provides"]
        var manifest = PluginManifest(
            id: id, version: version, title: title, description: root.string("description"), api: api,
            detectorFiles: provides?.strings("detectors").map(\.0) ?? [],
            importerFiles: provides?.strings("importers").map(\.0) ?? [],
            reporterFiles: provides?.strings("reporters").map(\.0) ?? [],
            taxonomyFiles: provides?.strings("taxonomy").map(\.0) ?? [],
            location: root.location)
        manifest.location = root.location

        var digests: [(name: String, digest: String)] = []
        if let bytes = try? FileReader.read(manifestPath) { digests.append(("plugin.yaml", Digest.sha256(bytes))) }

        /// The files a `provides:` list names, each checked: inside the folder, present, readable.
        func files(_ key: String, ext: String) -> [Pack.File] {
            var found: [Pack.File] = []
            for (relative, location) in provides?.strings(key) ?? [] {
                guard let file = readFile(relative, at: location, ext: ext, into: &problems) else { continue }
                digests.append((relative, file.digest))
                found.append(file)
            }
            return found
        }

        func readFile(_ relative: String, at location: SourceLocation, ext: String, into problems: inout [Diagnostic])
            -> Pack.File?
        {
            let components = relative.split(separator: "/", omittingEmptySubsequences: false)
            guard !relative.hasPrefix("/"), !components.contains(".."), !components.contains(""),
                relative.hasSuffix(ext)
            else {
                problems.append(
                    .error(
                        .invalidValue, at: location, "`\(relative)` is not a \(ext) file inside the plugin's folder",
                        hint: "name files relative to the plugin's folder, without `..`"))
                return nil
            }
            let absolute = WorkspaceFiles.join(path, relative)
            let shown = WorkspaceFiles.join(folder, relative)
            do {
                let (source, digest) = try LuaSourceFile.read(absolute, shown: shown, at: location)
                return Pack.File(path: shown, relativePath: relative, source: source, digest: digest)
            } catch {
                problems.append(error)
                return nil
            }
        }

        let detectorFiles = files("detectors", ext: ".lua")
        let importerFiles = files("importers", ext: ".lua")
        let reporterFiles = files("reporters", ext: ".lua")
        var taxonomyFiles: [String] = []
        for (relative, location) in provides?.strings("taxonomy") ?? [] {
            guard let file = readFile(relative, at: location, ext: ".yaml", into: &problems) else { continue }
            digests.append((relative, file.digest))
            taxonomyFiles.append(file.path)
        }

        var modules: [String: Pack.File] = [:]
        let libPath = WorkspaceFiles.join(path, "lib")
        for relative in PackLoader.luaFiles(in: libPath) {
            let absolute = WorkspaceFiles.join(libPath, relative)
            let shown = WorkspaceFiles.join(folder, "lib/" + relative)
            let name = String(relative.dropLast(".lua".count)).replacingOccurrences(of: "/", with: ".")
            do {
                let (source, digest) = try LuaSourceFile.read(absolute, shown: shown)
                modules[name] = Pack.File(path: shown, relativePath: "lib/" + relative, source: source, digest: digest)
                digests.append(("lib/" + relative, digest))
            } catch {
                problems.append(error)
            }
        }
        if detectorFiles.isEmpty, importerFiles.isEmpty, reporterFiles.isEmpty, taxonomyFiles.isEmpty, modules.isEmpty {
            problems.append(
                .warning(
                    .emptyFile, at: root.location,
                    "plugin `\(id)` provides nothing: no files under `provides:` and no lib/"))
        }
        guard !problems.containsErrors else { return (nil, problems) }
        let plugin = Plugin(
            manifest: manifest, folder: folder, detectorFiles: detectorFiles, importerFiles: importerFiles,
            reporterFiles: reporterFiles, modules: modules, taxonomyFiles: taxonomyFiles,
            digest: Digest.combining(digests))
        return (plugin, problems)
    }

    /// Loads the plugins of a workspace (folders named in `files`), each once; the taxonomy they
    /// ship is added to `taxonomy`.
    public static func loadAll(
        _ folders: [String], in files: WorkspaceFiles, into taxonomy: inout Taxonomy
    ) -> (plugins: [Plugin], diagnostics: [Diagnostic]) {
        var plugins: [Plugin] = []
        var diagnostics: [Diagnostic] = []
        var seen: [String: String] = [:]
        for folder in folders {
            let shown = WorkspaceFiles.normalized(folder)
            let (plugin, problems) = PluginLoader().load(at: files.path(shown), as: shown)
            diagnostics += problems
            guard let plugin else { continue }
            if let first = seen[plugin.id] {
                diagnostics.append(
                    .error(
                        .duplicateID, at: plugin.manifest.location,
                        "plugin `\(plugin.id)` is also loaded from `\(first)`",
                        hint: "list each plugin once in cadre.yaml"))
                continue
            }
            seen[plugin.id] = shown
            for file in plugin.taxonomyFiles {
                let (extended, problems) = taxonomy.adding(
                    termsFromFileAt: files.path(file), as: file, defaultOrigin: plugin.id)
                taxonomy = extended
                diagnostics += problems
            }
            plugins.append(plugin)
        }
        return (plugins, diagnostics)
    }
}
