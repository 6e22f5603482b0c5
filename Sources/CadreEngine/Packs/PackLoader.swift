import CadreModel
import Foundation
import LuaHost

/// Loads packs from their folders, with every problem located.
struct PackLoader {
    /// The rule API versions this cadre provides.
    static let supportedAPI = 1...1

    /// Folders of a pack that hold no rules.
    static let reservedFolders: Set<String> = ["lib", "tests", "types", "fixtures"]

    /// Loads the pack at `path` (shown as `folder`), applying the workspace's `settings` for it.
    func load(at path: String, as folder: String, settings: [String: (value: String, location: SourceLocation)]) -> (
        Pack?, [Diagnostic]
    ) {
        let manifestPath = WorkspaceFiles.join(path, "pack.yaml")
        let manifestFile = WorkspaceFiles.join(folder, "pack.yaml")
        guard FileManager.default.fileExists(atPath: manifestPath) else {
            return (
                nil,
                [
                    .error(
                        .unreadableFile, at: .whole(folder), "not a pack: there is no pack.yaml in `\(folder)`",
                        hint: "a pack is a folder with pack.yaml and rule files; see docs/rules.md")
                ]
            )
        }
        let (root, diagnostics) = ConfigurationFile.read(
            fileAt: manifestPath, as: manifestFile, format: PackManifest.format, shape: PackManifest.shape)
        guard let root, var manifest = Self.manifest(from: root) else { return (nil, diagnostics) }
        var problems = diagnostics
        manifest.location = root.location
        if !Self.supportedAPI.contains(manifest.api) {
            problems.append(
                .error(
                    .invalidValue, at: root["api"]?.location ?? root.location,
                    "pack `\(manifest.id)` needs rule API \(manifest.api); this cadre provides API \(Self.supportedAPI.upperBound)",
                    hint: "use a cadre release that provides API \(manifest.api), or an older version of the pack"))
            return (nil, problems)
        }

        // Extensions: the `x-` blocks of descriptors the pack gives fields.
        var extensions: [DescriptorExtension] = []
        if let declared = root["extensions"] {
            let (read, extensionProblems) = DescriptorExtension.read(declared, pack: manifest.id)
            extensions = read
            problems += extensionProblems
        }

        // Settings: each a choice or a value, its default valid; then the workspace's choices.
        for setting in manifest.settings {
            let node = root["settings"]?[setting.name]
            let at = node?.location ?? root.location
            if setting.values.isEmpty == (setting.type == nil) {
                problems.append(
                    .error(
                        .invalidValue, at: at,
                        "setting `\(setting.name)` must have either `values:` (a choice) or `type:` (a value)",
                        hint: "a choice lists its values; a value shared by rules gives its type (duration, number…)"))
            } else if let type = setting.type, let problem = type.problem(with: setting.defaultValue) {
                problems.append(
                    .error(
                        .invalidValue, at: node?["default"]?.location ?? at,
                        "the default of setting `\(setting.name)`, `\(setting.defaultValue)`, \(problem)"))
            } else if setting.type == nil, !setting.values.contains(setting.defaultValue) {
                problems.append(
                    .error(
                        .invalidValue, at: node?["default"]?.location ?? at,
                        "the default of setting `\(setting.name)`, `\(setting.defaultValue)`, is not one of its values",
                        hint: "its values: \(setting.values.joined(separator: ", "))"))
            }
        }
        guard !problems.containsErrors else { return (nil, problems) }
        var effective: [String: String] = [:]
        for setting in manifest.settings { effective[setting.name] = setting.defaultValue }
        for (name, chosen) in settings.sorted(by: { $0.key < $1.key }) {
            guard let setting = manifest.settings.first(where: { $0.name == name }) else {
                let known = manifest.settings.map(\.name)
                problems.append(
                    .error(
                        .unknownKey, at: chosen.location, "pack `\(manifest.id)` has no setting `\(name)`",
                        hint: known.isEmpty
                            ? "this pack has no settings" : "its settings: \(known.joined(separator: ", "))"))
                continue
            }
            if let type = setting.type {
                if let problem = type.problem(with: chosen.value) {
                    problems.append(
                        .error(
                            .invalidValue, at: chosen.location,
                            "`\(chosen.value)` \(problem): setting `\(name)` of pack `\(manifest.id)` is a \(type.rawValue)",
                            hint: "its default is `\(setting.defaultValue)`"))
                    continue
                }
                effective[name] = chosen.value
                continue
            }
            guard setting.values.contains(chosen.value) else {
                problems.append(
                    .error(
                        .invalidValue, at: chosen.location,
                        "`\(chosen.value)` is not a value of setting `\(name)` of pack `\(manifest.id)`",
                        hint: "write one of: \(setting.values.joined(separator: ", "))"))
                continue
            }
            effective[name] = chosen.value
        }

        // Files.
        var ruleFiles: [Pack.File] = []
        var modules: [String: Pack.File] = [:]
        var digests: [(String, String)] = []
        for relative in Self.luaFiles(in: path) {
            let absolute = WorkspaceFiles.join(path, relative)
            let shown = WorkspaceFiles.join(folder, relative)
            let file: Pack.File
            do {
                let (source, digest) = try LuaSourceFile.read(absolute, shown: shown)
                file = Pack.File(path: shown, relativePath: relative, source: source, digest: digest)
            } catch {
                problems.append(error)
                continue
            }
            digests.append((relative, file.digest))
            let components = relative.split(separator: "/")
            if components.first == "lib" {
                let name = components.dropFirst().joined(separator: ".")
                modules[String(name.dropLast(".lua".count))] = file
            } else if !Self.reservedFolders.contains(String(components.first ?? "")), !relative.hasSuffix("_test.lua") {
                ruleFiles.append(file)
            }
        }
        if ruleFiles.isEmpty {
            problems.append(.warning(.emptyFile, at: .whole(folder), "pack `\(manifest.id)` has no rule files"))
        }

        // Data.
        var data = LuaValue.table(LuaTable())
        if let dataFile = manifest.dataFile {
            let dataPath = WorkspaceFiles.join(path, dataFile)
            let shown = WorkspaceFiles.join(folder, dataFile)
            do {
                let node = try DocumentParser().parse(fileAt: dataPath, as: shown)
                data = Self.value(of: node)
                if let bytes = try? FileReader.read(dataPath) { digests.append((dataFile, Digest.sha256(bytes))) }
            } catch {
                problems.append(error)
            }
        }
        var meaning = digests
        if let bytes = try? FileReader.read(manifestPath) {
            digests.append(("pack.yaml", Digest.sha256(bytes)))
            meaning.append(("pack.yaml", Digest.sha256(Data(PackRelease.withoutVersion(bytes).utf8))))
        }
        guard !problems.containsErrors else { return (nil, problems) }
        var pack = Pack(
            manifest: manifest, folder: folder, ruleFiles: ruleFiles, modules: modules, data: data,
            settings: effective, digest: Digest.combining(digests.map { (name: $0.0, digest: $0.1) }))
        pack.rulesDigest = Digest.combining(meaning.map { (name: $0.0, digest: $0.1) })
        pack.extensions = extensions
        return (pack, problems)
    }

    /// The `.lua` files under `path`, relative, sorted.
    static func luaFiles(in path: String) -> [String] {
        guard let enumerator = FolderWalk.enumerator(path) else { return [] }
        var files: [String] = []
        while let relative = enumerator.nextObject() as? String {
            if relative.hasSuffix(".lua") { files.append(relative) }
        }
        return files.sorted()
    }

    static func manifest(from root: LocatedNode) -> PackManifest? {
        guard let id = root.string("id"), let version = root.string("version"), let title = root.string("title"),
            let api = root.integer("api")
        else { return nil }
        let sources = (root["sources"]?.sequence ?? []).compactMap { node -> PackManifest.Source? in
            guard let title = node.string("title") else { return nil }
            return PackManifest.Source(
                title: title, date: node.string("date").flatMap(ISODate.init), url: node.string("url"))
        }
        let settings = (root["settings"]?.mapping ?? []).compactMap { entry -> PackManifest.Setting? in
            guard let value = entry.value.string("default"), let description = entry.value.string("description") else {
                return nil
            }
            return PackManifest.Setting(
                name: entry.key, defaultValue: value, values: entry.value.strings("values").map(\.0),
                type: entry.value.string("type").flatMap(PackManifest.ValueType.init(rawValue:)),
                description: description)
        }
        return PackManifest(
            id: id, version: version, title: title, description: root.string("description"),
            jurisdiction: root.string("jurisdiction"), api: api, sources: sources, settings: settings,
            dataFile: root.string("data"), location: root.location)
    }

    /// A YAML node as a Lua value (pack data).
    static func value(of node: LocatedNode) -> LuaValue {
        switch node.content {
        case .scalar(let scalar):
            return scalar.value.luaValue
        case .sequence(let elements):
            return .table(LuaTable(array: elements.map(value(of:))))
        case .mapping(let entries):
            var table = LuaTable()
            for entry in entries { table[entry.key] = value(of: entry.value) }
            return .table(table)
        }
    }
}
