import CadreModel
import Foundation

/// A workspace, opened: its configuration, packs, taxonomy, waivers and descriptor files, with
/// every problem found on the way. Descriptors themselves are loaded by the workers that evaluate
/// them, so that memory stays flat whatever their number.
///
/// Every file is named relative to the workspace's folder (``WorkspaceFiles``): descriptor files,
/// packs, rules, waivers, and every location in results and problems. ``files`` opens them, and
/// shows them to users when a report prints them.
public struct Workspace: Sendable {
    /// The workspace's folder as the user gave it (`.`, `examples`, `../..`).
    public var root: String
    public var configuration: WorkspaceConfiguration
    public var packs: [Pack]
    /// Where each pack `cadre.yaml` names was found (ids resolved), in its order, loaded or not.
    public var packSources: [ResolvedSource] = []
    /// Where each plugin `cadre.yaml` names was found, in its order, loaded or not.
    public var pluginSources: [ResolvedSource] = []
    /// The plugins `cadre.yaml` enables, in its order (their taxonomy is in ``taxonomy``).
    public var plugins: [Plugin] = []
    public var taxonomy: Taxonomy
    /// The waivers of the workspace's waiver files (descriptors add their own).
    public var waivers: [Waiver]
    /// The descriptor files to evaluate, named in the workspace.
    public var systemFiles: [String]
    /// Problems with the workspace, its packs, waiver and taxonomy files.
    public var diagnostics: [Diagnostic]

    /// How the workspace's files are named, opened and shown.
    public var files: WorkspaceFiles { WorkspaceFiles(root: root) }

    /// The folder holding `cadre.yaml`, from `directory` upward, as a path relative to it
    /// (`.`, `..`, `../..`); nil when there is none.
    public static func discover(from directory: String = ".") -> String? {
        var relative = "."
        var url = URL(fileURLWithPath: directory).standardizedFileURL
        for _ in 0..<64 {
            if FileManager.default.fileExists(atPath: url.appendingPathComponent(WorkspaceConfiguration.fileName).path)
            {
                return directory == "." ? relative : WorkspaceFiles.join(directory, relative)
            }
            let parent = url.deletingLastPathComponent()
            if parent.path == url.path { return nil }
            url = parent
            relative = relative == "." ? ".." : relative + "/.."
        }
        return nil
    }

    /// Opens the workspace at `root` (a folder with `cadre.yaml`, or any folder: then `systems/`
    /// and no pack). `systems`, when given, replaces the workspace's own list (paths as typed,
    /// from where cadre runs). Packs and plugins named by id are found by `resolver`.
    public static func open(
        at root: String, systems: [String]? = nil, taxonomy bundled: Taxonomy,
        resolver: PackResolver = .standard()
    ) -> Workspace {
        let files = WorkspaceFiles(root: root)
        var diagnostics: [Diagnostic] = []
        let configurationFile = WorkspaceConfiguration.fileName
        var configuration = WorkspaceConfiguration.defaults(at: configurationFile)
        if FileManager.default.fileExists(atPath: files.path(configurationFile)) {
            let (read, problems) = WorkspaceConfiguration.read(
                fileAt: files.path(configurationFile), as: configurationFile)
            diagnostics += problems
            if let read { configuration = read }
        }

        // Packs from git are taken at the commits `cadre.lock` pins.
        var lock: PackLock?
        if configuration.packs.contains(where: { if case .git = $0.kind { true } else { false } }),
            FileKind.of(files.path(PackLock.fileName)) != nil
        {
            let (read, problems) = PackLock.read(fileAt: files.path(PackLock.fileName), as: PackLock.fileName)
            lock = read
            diagnostics += problems
        }

        /// The folders of `sources`, each id resolved; an id found nowhere is an error at its line.
        func resolved(_ sources: [PackSource], as kind: PackResolver.Kind) -> [ResolvedSource] {
            sources.compactMap { source in
                switch resolver.resolve(source, as: kind, in: files, lock: lock) {
                case .success(let found): return found
                case .failure(let problem):
                    diagnostics.append(problem)
                    return nil
                }
            }
        }
        let pluginSources = resolved(configuration.plugins, as: .plugin)
        let packSources = resolved(configuration.packs, as: .pack)

        var taxonomy = bundled
        let (plugins, pluginProblems) = PluginLoader.loadAll(pluginSources.map(\.folder), in: files, into: &taxonomy)
        diagnostics += pluginProblems
        for file in configuration.taxonomy {
            let name = WorkspaceFiles.normalized(file)
            let (extended, problems) = taxonomy.adding(termsFromFileAt: files.path(name), as: name)
            taxonomy = extended
            diagnostics += problems
        }

        var packs: [Pack] = []
        var packIDs: [String: String] = [:]
        for source in packSources {
            let name = source.folder
            let (pack, problems) = PackLoader().load(at: files.path(name), as: name, settings: [:])
            diagnostics += problems
            guard var pack else { continue }
            if let locked = source.locked, locked.digest != pack.digest || locked.id != pack.id {
                diagnostics.append(
                    .error(
                        .packDigestMismatch, at: source.source.location,
                        "the pack at \(source.folder) is not the one `cadre.lock` pins (\(locked.id) \(locked.version), digest \(locked.digest.prefix(12))…; found \(pack.id) \(pack.version), digest \(pack.digest.prefix(12))…)",
                        hint:
                            "remove \(source.folder) to fetch it again; if the lock is wrong, run `cadre packs update` and review what changed"
                    ))
                continue
            }
            if let first = packIDs[pack.id] {
                diagnostics.append(
                    .error(
                        .duplicateID, at: pack.manifest.location, "pack `\(pack.id)` is also loaded from `\(first)`",
                        hint: "list each pack once in cadre.yaml"))
                continue
            }
            packIDs[pack.id] = name
            // Apply the workspace's settings now that the pack's id is known.
            if let chosen = configuration.settings[pack.id] {
                let (configured, settingProblems) = PackLoader().load(at: files.path(name), as: name, settings: chosen)
                diagnostics += settingProblems.filter { $0.isError }
                if let configured { pack = configured } else { continue }
            }
            for declared in pack.extensions {
                guard let first = packs.flatMap(\.extensions).first(where: { $0.key == declared.key }) else { continue }
                diagnostics.append(
                    .warning(
                        .duplicateExtension, at: declared.location,
                        "`\(declared.key)` is declared by pack `\(first.pack)` too: its fields are the ones checked",
                        hint: "give one of the blocks another name, or declare it in one pack"))
            }
            packs.append(pack)
        }
        for (packID, values) in configuration.settings.sorted(by: { $0.key < $1.key }) where packIDs[packID] == nil {
            let location = values.values.map(\.location).min() ?? configuration.location
            diagnostics.append(
                .error(
                    .unknownKey, at: location, "settings for pack `\(packID)`, which the workspace does not load",
                    hint: packIDs.isEmpty
                        ? "list the pack under `packs:`"
                        : "packs loaded: \(packIDs.keys.sorted().joined(separator: ", "))"))
        }

        var waivers: [Waiver] = []
        for file in configuration.waivers {
            let name = WorkspaceFiles.normalized(file)
            let (read, problems) = WaiverFile.read(fileAt: files.path(name), as: name)
            waivers += read
            diagnostics += problems
        }

        // Descriptor files are found from where cadre runs, then named in the workspace.
        let paths = systems ?? configuration.systems.map { files.path($0) }
        let (found, problems) = DescriptorFiles.find(in: paths)
        diagnostics += problems.map { problem in
            var problem = problem
            problem.location.file = files.name(problem.location.file)
            return problem
        }

        return Workspace(
            root: root, configuration: configuration, packs: packs, packSources: packSources,
            pluginSources: pluginSources, plugins: plugins, taxonomy: taxonomy, waivers: waivers,
            systemFiles: found.map(files.name), diagnostics: diagnostics.sortedForDisplay())
    }

    /// The `x-` blocks of descriptors the workspace's packs give fields, which validation checks.
    public var descriptorExtensions: DescriptorExtensions { DescriptorExtensions(packs.flatMap(\.extensions)) }

    /// The folders of the workspace's packs, as users see them (`policies/cnil` for
    /// `../policies/cnil` in `examples/cadre.yaml`).
    public var packFolders: [String] { packSources.map { files.path($0.folder) } }

    /// The folders of the workspace's plugins, as users see them.
    public var pluginFolders: [String] { pluginSources.map { files.path($0.folder) } }

    /// Where the pack `id` was found (nil for a pack the workspace does not load).
    public func origin(ofPack id: String) -> PackOrigin? {
        guard let pack = packs.first(where: { $0.id == id }) else { return nil }
        return packSources.first(where: { $0.folder == pack.folder })?.origin
    }

    /// Where the plugin `id` was found (nil for a plugin the workspace does not enable).
    public func origin(ofPlugin id: String) -> PackOrigin? {
        guard let plugin = plugins.first(where: { $0.id == id }) else { return nil }
        return pluginSources.first(where: { $0.folder == plugin.folder })?.origin
    }

    /// The error of a workspace that loads no pack, when it has no other error: evaluating it
    /// would run no rule (`--allow-empty` accepts it).
    public var noPackProblem: Diagnostic? {
        guard packs.isEmpty, !diagnostics.containsErrors else { return nil }
        let configurationFile = WorkspaceConfiguration.fileName
        let hasConfiguration = FileManager.default.fileExists(atPath: files.path(configurationFile))
        let location =
            configuration.packsLocation
            ?? (hasConfiguration ? .start(of: configurationFile) : .whole(configurationFile))
        return .error(
            .noPacks, at: location,
            hasConfiguration
                ? "the workspace loads no pack: no rule would run"
                : "no cadre.yaml in the workspace or a folder above it, so no pack: no rule would run",
            hint: hasConfiguration
                ? "list packs in cadre.yaml (`packs: [gdpr, cnil, ai-act]`), or pass --allow-empty"
                : "start a workspace with `cadre init`, name one with --workspace, or pass --allow-empty")
    }
}
