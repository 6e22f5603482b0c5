/// One input of a run and its digest: a pack, one of its files, a plugin, a waiver file, a
/// taxonomy file, `cadre.yaml`.
public struct RunInput: Sendable, Hashable {
    public enum Kind: String, Sendable, Hashable, CaseIterable {
        case pack
        case packFile = "pack-file"
        case plugin
        case pluginFile = "plugin-file"
        case waiverFile = "waiver-file"
        case taxonomyFile = "taxonomy-file"
        case configuration
    }

    public var kind: Kind
    /// A pack's or plugin's id; for other files, their path.
    public var name: String
    /// Relative to the workspace.
    public var path: String
    /// A pack's or plugin's version.
    public var version: String?
    /// SHA-256, hex.
    public var digest: String
    /// What else a recheck compares: a pack's settings and the digest of what all its rules share.
    public var detail: [String: String]

    public init(
        kind: Kind, name: String, path: String, version: String? = nil, digest: String, detail: [String: String] = [:]
    ) {
        self.kind = kind
        self.name = name
        self.path = path
        self.version = version
        self.digest = digest
        self.detail = detail
    }
}
