import CadreModel
import Foundation

/// Finds the packs and plugins `cadre.yaml` names by id (``PackSource``), in order:
///
/// 1. the folders of `CADRE_PATH` (`:`-separated), each holding `packs/` and/or `plugins/`;
/// 2. `share/cadre/packs` and `share/cadre/plugins` beside cadre's executable (``Installation``);
/// 3. when cadre runs from a checkout's build folder, the checkout's `policies/` and `plugins/`.
///
/// The first folder holding `<id>/pack.yaml` (or `<id>/plugin.yaml`) wins.
///
/// A pack from git (``GitSource``) is found at the commit `cadre.lock` pins, in the
/// ``GitPackCache`` (fetched there when missing).
public struct PackResolver: Sendable {
    /// What to find: a pack or a plugin.
    public enum Kind: Sendable, Hashable {
        case pack, plugin

        public var noun: String { self == .pack ? "pack" : "plugin" }
        /// The file that makes a folder a pack or a plugin.
        var manifest: String { self == .pack ? "pack.yaml" : "plugin.yaml" }
        /// The sub-folder of a `CADRE_PATH` folder or of `share/cadre`.
        var installedFolder: String { self == .pack ? "packs" : "plugins" }
        /// The folder of a checkout.
        var checkoutFolder: String { self == .pack ? "policies" : "plugins" }
        /// The key of `cadre.yaml`.
        var key: String { self == .pack ? "packs" : "plugins" }
    }

    /// A folder searched for ids.
    public struct SearchFolder: Sendable, Hashable {
        /// The folder, as cadre opens it (absolute, or relative to where cadre runs for a relative
        /// `CADRE_PATH` entry).
        public var path: String
        public var origin: PackOrigin
    }

    /// The folders searched for packs, in order.
    public var packFolders: [SearchFolder]
    /// The folders searched for plugins, in order.
    public var pluginFolders: [SearchFolder]
    /// Where packs from git are fetched and kept.
    public var cache: GitPackCache = .standard()

    /// A resolver searching `cadrePath` (`CADRE_PATH`'s value), then `share` (`share/cadre`), then
    /// `checkout`'s folders.
    public init(cadrePath: String?, share: String?, checkout: String?) {
        var packs: [SearchFolder] = []
        var plugins: [SearchFolder] = []
        for entry in (cadrePath ?? "").split(separator: ":").map(String.init) where !entry.isEmpty {
            packs.append(SearchFolder(path: WorkspaceFiles.join(entry, "packs"), origin: .cadrePath(entry)))
            plugins.append(SearchFolder(path: WorkspaceFiles.join(entry, "plugins"), origin: .cadrePath(entry)))
        }
        if let share {
            packs.append(SearchFolder(path: WorkspaceFiles.join(share, "packs"), origin: .bundled))
            plugins.append(SearchFolder(path: WorkspaceFiles.join(share, "plugins"), origin: .bundled))
        }
        if let checkout {
            packs.append(SearchFolder(path: WorkspaceFiles.join(checkout, "policies"), origin: .bundled))
            plugins.append(SearchFolder(path: WorkspaceFiles.join(checkout, "plugins"), origin: .bundled))
        }
        packFolders = packs
        pluginFolders = plugins
    }

    /// The resolver of this cadre: `CADRE_PATH` from `environment`, the folders beside the executable.
    public static func standard(environment: [String: String] = ProcessInfo.processInfo.environment) -> PackResolver {
        var resolver = PackResolver(
            cadrePath: environment["CADRE_PATH"], share: Installation.shareFolder.path,
            checkout: Installation.checkoutFolder?.path)
        resolver.cache = .standard(environment: environment)
        return resolver
    }

    /// The folders searched for `kind`, in order.
    public func searchFolders(_ kind: Kind) -> [SearchFolder] {
        kind == .pack ? packFolders : pluginFolders
    }

    /// Every id of `kind` found, sorted, with the folder that wins and its origin.
    public func available(_ kind: Kind) -> [(id: String, folder: String, origin: PackOrigin)] {
        var found: [String: (String, PackOrigin)] = [:]
        for search in searchFolders(kind) {
            let entries = (try? FileManager.default.contentsOfDirectory(atPath: search.path)) ?? []
            for id in entries where found[id] == nil && !id.hasPrefix(".") {
                let folder = WorkspaceFiles.join(search.path, id)
                if FileKind.of(WorkspaceFiles.join(folder, kind.manifest)) == .regular {
                    found[id] = (folder, search.origin)
                }
            }
        }
        return found.sorted { $0.key < $1.key }.map { (id: $0.key, folder: $0.value.0, origin: $0.value.1) }
    }

    /// The folder of `source`, named in the workspace of `files`; or the problem, at the source's
    /// line in `cadre.yaml`: an id found nowhere, with the ids there are and where cadre looked; a
    /// git source `lock` does not pin, or that cannot be fetched.
    public func resolve(
        _ source: PackSource, as kind: Kind, in files: WorkspaceFiles, lock: PackLock? = nil
    ) -> Result<ResolvedSource, Diagnostic> {
        switch source.kind {
        case .git(let git):
            return resolve(git, at: source, lock: lock)
        case .folder(let folder):
            return .success(
                ResolvedSource(source: source, folder: WorkspaceFiles.normalized(folder), origin: .workspace))
        case .id(let id):
            if let found = available(kind).first(where: { $0.id == id }) {
                let folder = found.folder.hasPrefix("/") ? found.folder : files.name(found.folder)
                return .success(ResolvedSource(source: source, folder: folder, origin: found.origin))
            }
            return .failure(unknown(id, kind, at: source.location, in: files))
        }
    }

    /// The folder of the pack `git` names, at the commit `lock` pins.
    private func resolve(_ git: GitSource, at source: PackSource, lock: PackLock?) -> Result<ResolvedSource, Diagnostic>
    {
        if let problem = git.problem {
            return .failure(.error(.invalidValue, at: source.location, problem.message, hint: problem.hint))
        }
        guard let locked = lock?.entry(for: git) else {
            let pinned = lock?.entries.first { $0.source.url == git.url && $0.source.path == git.path }
            return .failure(
                .error(
                    .packNotLocked, at: source.location,
                    pinned.map { "`cadre.lock` pins \(git.shownURL) at `\($0.source.ref)`, not `\(git.ref)`" }
                        ?? "\(git.shownURL) at `\(git.ref)` is not pinned in `cadre.lock`",
                    hint: "run `cadre packs update` to fetch it and pin its commit and digest, then commit `cadre.lock`"
                ))
        }
        do {
            let tree = try cache.tree(of: git.url, at: locked.commit)
            let folder = git.path.isEmpty ? tree : WorkspaceFiles.join(tree, git.path)
            return .success(
                ResolvedSource(
                    source: source, folder: folder,
                    origin: .git(url: git.shownURL, ref: git.ref, commit: locked.commit),
                    locked: locked))
        } catch {
            return .failure(
                .error(
                    .gitFetch, at: source.location, error.description,
                    hint: "check the URL and that this machine can reach it (`git ls-remote \(git.shownURL)`)"))
        }
    }

    /// The error for an id found in no folder.
    func unknown(_ id: String, _ kind: Kind, at location: SourceLocation, in files: WorkspaceFiles) -> Diagnostic {
        let ids = available(kind).map(\.id)
        var hints: [String] = []
        if FileKind.of(files.path(WorkspaceFiles.join(id, kind.manifest))) == .regular {
            hints.append("the workspace's folder `\(id)` is written `./\(id)`")
        } else if let suggestion = Suggestion.hint(for: id, among: ids) {
            hints.append(suggestion)
        }
        hints.append(ids.isEmpty ? "no \(kind.noun) was found" : "\(kind.key) found: \(ids.joined(separator: ", "))")
        let looked = searchFolders(kind).map(\.path)
        hints.append(
            "cadre looked in \(looked.isEmpty ? "no folder" : looked.joined(separator: ", "))"
                + " (CADRE_PATH adds folders holding \(kind.installedFolder)/)")
        return .error(
            .unknownPack, at: location, "unknown \(kind.noun) `\(id)`",
            hint: hints.joined(separator: "; "))
    }
}
