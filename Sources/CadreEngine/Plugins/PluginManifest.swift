import CadreModel

/// A plugin's `plugin.yaml`: who it is, which plugin API it needs, and what it provides.
///
/// ```yaml
/// cadre: plugin/v1
/// id: pii-fr
/// version: 1.0.0
/// api: 1
/// title: French identifiers for store scans
/// description: SIREN, SIRET, TVA and FINESS numbers, each validated by its key.
/// provides:
///   detectors: [detectors.lua]
///   importers: []
///   reporters: []
///   taxonomy: [taxonomy.yaml]
/// ```
///
/// Modules under `lib/` are provided too: rules `require("pii-fr.checksums")`.
public struct PluginManifest: Sendable, Hashable {
    public static let format = "plugin/v1"

    public var id: String
    public var version: String
    public var title: String
    public var description: String?
    /// The version of the plugin API the plugin needs.
    public var api: Int
    /// Lua files returning detectors, importers and reporters, and taxonomy files, relative to
    /// the plugin's folder.
    public var detectorFiles: [String]
    public var importerFiles: [String]
    public var reporterFiles: [String]
    public var taxonomyFiles: [String]
    /// Where `plugin.yaml` is.
    public var location: SourceLocation

    /// The declared shape of `plugin.yaml`.
    static let shape = ObjectShape(
        name: "plugin",
        summary: "A folder of Lua files that extends cadre's vocabulary.",
        fields: [
            .required("cadre", .constant(format), "The format of the file: `plugin/v1`."),
            .required(
                "id", .string(.identifier),
                "The plugin's id: lower-case letters, digits, `-` and `_` (`pii-fr`); modules are `require`d as `<id>.<module>`."
            ),
            .required("version", .string(.text), "The plugin's version (semantic versioning)."),
            .required("api", .integer(minimum: 1), "The version of the plugin API the plugin needs."),
            .required("title", .string(.text), "What the plugin adds, in a line."),
            .optional("description", .string(.text), "What the plugin adds, and how to use it."),
            .optional(
                "provides", .object(providesShape), "The plugin's Lua files and taxonomy files, by extension point."),
        ])

    static let providesShape = ObjectShape(
        name: "provides",
        summary: "The files of each extension point, relative to the plugin's folder.",
        fields: [
            .optional("detectors", .list(.string(.text)), "Lua files that return detectors for store scans."),
            .optional("importers", .list(.string(.text)), "Lua files that return importers (`cadre import FORMAT`)."),
            .optional(
                "reporters", .list(.string(.text)), "Lua files that return reporters (`cadre evaluate --format NAME`)."),
            .optional(
                "taxonomy", .list(.string(.text)),
                "Taxonomy files (`cadre: taxonomy/v1`) whose terms are added to the workspace's."),
        ])
}
