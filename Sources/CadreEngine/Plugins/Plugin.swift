import CadreModel

/// A plugin as loaded from its folder: its manifest and its Lua files (read once, handed to
/// every worker), the taxonomy files it ships, and a digest of everything.
public struct Plugin: Sendable {
    public var manifest: PluginManifest
    /// The plugin's folder as shown to users (`../plugins/pii-fr`).
    public var folder: String
    /// Files returning detectors, importers and reporters, in the manifest's order.
    public var detectorFiles: [Pack.File]
    public var importerFiles: [Pack.File]
    public var reporterFiles: [Pack.File]
    /// Modules under `lib/`, by the name the plugin's own files `require` (`policy` for
    /// `lib/policy.lua`); others require them as `<plugin id>.<name>`.
    public var modules: [String: Pack.File]
    /// The taxonomy files it ships, as shown to users.
    public var taxonomyFiles: [String]
    /// SHA-256 over every file of the plugin (paths and contents), hex.
    public var digest: String

    public var id: String { manifest.id }
    public var version: String { manifest.version }
}
