import CadreModel

/// A pack or a plugin as `cadre.yaml` names it: by id (`gdpr`, `pii-fr`), found by
/// ``PackResolver`` among the packs installed with cadre and the `CADRE_PATH` folders; or by
/// folder (`./policies/mine`, `../shared/pack`), relative to the workspace.
///
/// A value with a `/`, or starting with `.`, is a folder; any other is an id. A mapping
/// (`{ git: URL, ref: v1.2.0 }`) is a pack published in a git repository (``GitSource``).
public struct PackSource: Sendable, Hashable {
    public enum Kind: Sendable, Hashable {
        /// A pack or plugin installed with cadre, or in a `CADRE_PATH` folder, by id.
        case id(String)
        /// A folder, relative to the workspace (or absolute).
        case folder(String)
        /// A pack in a git repository, at a ref pinned by `cadre.lock`.
        case git(GitSource)
    }

    public var kind: Kind
    /// Where `cadre.yaml` names it.
    public var location: SourceLocation

    public init(_ kind: Kind, at location: SourceLocation) {
        self.kind = kind
        self.location = location
    }

    /// The source `value` names: a folder when it holds a `/` or starts with `.`, else an id.
    public init(parsing value: String, at location: SourceLocation) {
        let isFolder = value.contains("/") || value.hasPrefix(".")
        self.init(isFolder ? .folder(value) : .id(value), at: location)
    }

    /// The value as `cadre.yaml` writes it.
    public var text: String {
        switch kind {
        case .id(let id): id
        case .folder(let folder): folder
        case .git(let source): source.text
        }
    }

    /// The sources of the list at `key` of `node` (`packs:`, `plugins:`): strings, and mappings
    /// with `git:` and `ref:`.
    static func list(_ key: String, of node: LocatedNode) -> [PackSource] {
        (node[key]?.sequence ?? []).compactMap { element in
            if case .string(let value)? = element.scalar?.value {
                return PackSource(parsing: value, at: element.location)
            }
            guard let url = element.string("git"), let ref = element.string("ref") else { return nil }
            return PackSource(
                .git(GitSource(url: url, ref: ref, path: element.string("path") ?? "")), at: element.location)
        }
    }

    /// The shape of an entry of `packs:`: an id or a folder, or a git source.
    static let shape = ValueShape.either(.string(.text), .object(gitShape))

    static let gitShape = ObjectShape(
        name: "git pack",
        summary: "A pack published in a git repository, pinned in `cadre.lock` by `cadre packs update`.",
        fields: [
            .required("git", .string(.text), "The repository, as `git clone` takes it."),
            .required("ref", .string(.text), "The tag (`v1.2.0`), branch or commit to use."),
            .optional("path", .string(.text), "The pack's folder in the repository (default: its root)."),
        ])
}

/// Where a pack or a plugin was found: what `cadre policies list` and `cadre plugins list` show.
public enum PackOrigin: Sendable, Hashable, CustomStringConvertible {
    /// A folder `cadre.yaml` names.
    case workspace
    /// Found by id in a folder of `CADRE_PATH` (the folder as the variable names it).
    case cadrePath(String)
    /// Found by id among the packs and plugins installed with cadre (`share/cadre`, or the
    /// checkout a development build runs from).
    case bundled
    /// Fetched from a git repository: the ref `cadre.yaml` asks for, the commit `cadre.lock` pins.
    case git(url: String, ref: String, commit: String)

    public var description: String {
        switch self {
        case .workspace: "workspace folder"
        case .cadrePath(let folder): "CADRE_PATH \(folder)"
        case .bundled: "bundled"
        case .git(let url, let ref, let commit): "git \(url) \(ref) at \(commit.prefix(12))"
        }
    }
}

/// A source found: the folder to load, named in the workspace, and where it came from.
public struct ResolvedSource: Sendable, Hashable {
    public var source: PackSource
    /// The folder, named in the workspace (``WorkspaceFiles``): `../policies/gdpr`,
    /// `/usr/local/share/cadre/packs/gdpr`.
    public var folder: String
    public var origin: PackOrigin
    /// For a pack from git, what `cadre.lock` pins: its digest is checked once the pack is loaded.
    public var locked: PackLock.Entry? = nil
}
