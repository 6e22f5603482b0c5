import CadreModel
import Foundation

/// A workspace, opened: its configuration, packs, taxonomy, waivers and descriptor files, with
/// every problem found on the way. Descriptors themselves are loaded by the workers that evaluate
/// them, so that memory stays flat whatever their number.
public struct Workspace: Sendable {
    /// The workspace's folder as shown to users (`.`, `examples`, `../..`).
    public var root: String
    public var configuration: WorkspaceConfiguration
    public var packs: [Pack]
    /// The plugins `cadre.yaml` enables, in its order (their taxonomy is in ``taxonomy``).
    public var plugins: [Plugin] = []
    public var taxonomy: Taxonomy
    /// The waivers of the workspace's waiver files (descriptors add their own).
    public var waivers: [Waiver]
    /// The descriptor files to evaluate, as shown to users.
    public var systemFiles: [String]
    /// Problems with the workspace, its packs, waiver and taxonomy files.
    public var diagnostics: [Diagnostic]

    /// The folder holding `cadre.yaml`, from `directory` upward, as a path relative to it
    /// (`.`, `..`, `../..`); nil when there is none.
    public static func discover(from directory: String = ".") -> String? {
        var relative = "."
        var url = URL(fileURLWithPath: directory).standardizedFileURL
        for _ in 0..<64 {
            if FileManager.default.fileExists(atPath: url.appendingPathComponent(WorkspaceConfiguration.fileName).path) {
                return directory == "." ? relative : join(directory, relative)
            }
            let parent = url.deletingLastPathComponent()
            if parent.path == url.path { return nil }
            url = parent
            relative = relative == "." ? ".." : relative + "/.."
        }
        return nil
    }

    /// Opens the workspace at `root` (a folder with `cadre.yaml`, or any folder: then `systems/`
    /// and no pack). `systems`, when given, replaces the workspace's own list (paths as typed).
    public static func open(at root: String, systems: [String]? = nil, taxonomy bundled: Taxonomy) -> Workspace {
        var diagnostics: [Diagnostic] = []
        let configurationFile = join(root, WorkspaceConfiguration.fileName)
        var configuration = WorkspaceConfiguration.defaults(at: configurationFile)
        if FileManager.default.fileExists(atPath: configurationFile) {
            let (read, problems) = WorkspaceConfiguration.read(fileAt: configurationFile, as: configurationFile)
            diagnostics += problems
            if let read { configuration = read }
        }

        var taxonomy = bundled
        let (plugins, pluginProblems) = PluginLoader.loadAll(configuration.plugins, root: root, into: &taxonomy)
        diagnostics += pluginProblems
        for file in configuration.taxonomy {
            let (extended, problems) = taxonomy.adding(termsFromFileAt: join(root, file))
            taxonomy = extended
            diagnostics += problems
        }

        var packs: [Pack] = []
        var packIDs: [String: String] = [:]
        for folder in configuration.packs {
            let shown = join(root, folder)
            let (pack, problems) = PackLoader().load(at: shown, as: shown, settings: [:])
            diagnostics += problems
            guard var pack else { continue }
            if let first = packIDs[pack.id] {
                diagnostics.append(.error(
                    .duplicateID, at: pack.manifest.location, "pack `\(pack.id)` is also loaded from `\(first)`",
                    hint: "list each pack once in cadre.yaml"))
                continue
            }
            packIDs[pack.id] = shown
            // Apply the workspace's settings now that the pack's id is known.
            if let chosen = configuration.settings[pack.id] {
                let (configured, settingProblems) = PackLoader().load(at: shown, as: shown, settings: chosen)
                diagnostics += settingProblems.filter { $0.isError }
                if let configured { pack = configured } else { continue }
            }
            packs.append(pack)
        }
        for (packID, values) in configuration.settings.sorted(by: { $0.key < $1.key }) where packIDs[packID] == nil {
            let location = values.values.map(\.location).min() ?? configuration.location
            diagnostics.append(.error(
                .unknownKey, at: location, "settings for pack `\(packID)`, which the workspace does not load",
                hint: packIDs.isEmpty ? "list the pack under `packs:`" : "packs loaded: \(packIDs.keys.sorted().joined(separator: ", "))"))
        }

        var waivers: [Waiver] = []
        for file in configuration.waivers {
            let (read, problems) = WaiverFile.read(fileAt: join(root, file), as: join(root, file))
            waivers += read
            diagnostics += problems
        }

        let paths = systems ?? configuration.systems.map { join(root, $0) }
        let (files, problems) = DescriptorFiles.find(in: paths)
        diagnostics += problems

        return Workspace(
            root: root, configuration: configuration, packs: packs, plugins: plugins, taxonomy: taxonomy, waivers: waivers,
            systemFiles: files, diagnostics: diagnostics.sortedForDisplay())
    }

    /// `relative` inside `folder`, as users read it: `examples` and `../policies` give
    /// `policies` (``DisplayPath/normalized(_:)``), unless a symbolic link makes the two differ.
    static func join(_ folder: String, _ relative: String) -> String {
        let joined: String
        if relative.hasPrefix("/") || folder.isEmpty || folder == "." {
            joined = relative
        } else if relative == "." {
            joined = folder
        } else {
            joined = folder.hasSuffix("/") ? folder + relative : folder + "/" + relative
        }
        let normalized = DisplayPath.normalized(joined)
        guard normalized != joined, joined.contains("..") else { return normalized }
        // `a/../b` is `b` only when `a` is a real folder: through a symbolic link it is not.
        guard let physical = realPath(joined) else { return normalized }
        return physical == realPath(normalized) ? normalized : joined
    }

    /// The file's canonical absolute path (`realpath(3)`), or nil when it does not exist.
    private static func realPath(_ path: String) -> String? {
        guard let resolved = realpath(path, nil) else { return nil }
        defer { free(resolved) }
        return String(cString: resolved)
    }
}

extension Workspace {
    /// `relative` inside `folder`, without a leading `./`.
    public static func joinPath(_ folder: String, _ relative: String) -> String { join(folder, relative) }
}
