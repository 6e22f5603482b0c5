import CadreModel
import LuaHost

/// A pack as loaded from its folder: its manifest, its rule files and library modules (read once,
/// handed to every worker), its data, and digests of everything.
public struct Pack: Sendable {
    /// A Lua file of the pack.
    public struct File: Sendable, Hashable {
        /// The file as shown to users (`policies/cnil/recording-retention.lua`).
        public var path: String
        /// The path within the pack (`recording-retention.lua`, `lib/retention.lua`).
        public var relativePath: String
        public var source: String
        /// SHA-256 of the file, hex.
        public var digest: String
    }

    public var manifest: PackManifest
    /// The `x-` blocks of descriptors its `pack.yaml` gives fields (`extensions:`).
    public var extensions: [DescriptorExtension] = []
    /// The pack's folder as shown to users.
    public var folder: String
    /// The rule files, sorted by path.
    public var ruleFiles: [File]
    /// Library modules by the name rules `require` (`retention` for `lib/retention.lua`).
    public var modules: [String: File]
    /// `pack.data`, from the data file.
    public var data: LuaValue
    /// The settings in effect: the manifest's defaults, overridden by the workspace.
    public var settings: [String: String]
    /// SHA-256 over every file of the pack (paths and contents), hex.
    public var digest: String
    /// SHA-256 over what gives the rules their meaning — rule files, `lib/`, the data file and
    /// `pack.yaml` but its `version:` line — hex: what a new version must follow (``PackRelease``).
    public var rulesDigest: String = ""

    public var id: String { manifest.id }
    public var version: String { manifest.version }

    /// The module `require(name)` loads: `lib/<name>.lua` (dots are folders), else
    /// `lib/<name>/init.lua` — Lua's own order, which editors follow too (`.luarc.json`).
    public func module(named name: String) -> File? {
        modules[name] ?? modules[name + ".init"]
    }
}
