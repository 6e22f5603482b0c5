import CadreModel

/// A pack or a plugin as `cadre.yaml` names it: by id (`gdpr`, `pii-fr`), found by
/// ``PackResolver`` among the packs installed with cadre and the `CADRE_PATH` folders; or by
/// folder (`./policies/mine`, `../shared/pack`), relative to the workspace.
///
/// A value with a `/`, or starting with `.`, is a folder; any other is an id. (A source fetched
/// from git — `{ git: URL, ref: … }` — would be a third case, read from a mapping.)
public struct PackSource: Sendable, Hashable {
    public enum Kind: Sendable, Hashable {
        /// A pack or plugin installed with cadre, or in a `CADRE_PATH` folder, by id.
        case id(String)
        /// A folder, relative to the workspace (or absolute).
        case folder(String)
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
        }
    }

    /// The sources of the list at `key` of `node` (`packs:`, `plugins:`).
    static func list(_ key: String, of node: LocatedNode) -> [PackSource] {
        node.strings(key).map { PackSource(parsing: $0.0, at: $0.1) }
    }
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

    public var description: String {
        switch self {
        case .workspace: "workspace folder"
        case .cadrePath(let folder): "CADRE_PATH \(folder)"
        case .bundled: "bundled"
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
}
