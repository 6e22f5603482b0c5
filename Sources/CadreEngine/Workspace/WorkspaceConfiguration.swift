import CadreModel
import LuaHost

/// A workspace's `cadre.yaml`: what to evaluate, with which packs, waivers and limits.
///
/// ```yaml
/// cadre: workspace/v1
/// name: Électra Énergie — customer service
/// systems: [systems]
/// packs: [gdpr, cnil, ai-act]             # by id (PackResolver), or folders: [./policies/mine]
/// plugins: [pii-fr]
/// waivers: [waivers.yaml]
/// settings: { ai-act: { calendar: omnibus } }
/// limits: { memory_mb: 64, instructions: 10000000, deadline_ms: 2000, retained_mb: 16 }
/// evaluate: { fail_on: high }
/// ```
public struct WorkspaceConfiguration: Sendable {
    public static let format = "workspace/v1"
    public static let fileName = "cadre.yaml"

    public var name: String?
    /// Descriptor files and folders, relative to the workspace.
    public var systems: [String]
    /// The packs, by id or folder (``PackSource``).
    public var packs: [PackSource]
    /// The plugins, by id or folder.
    public var plugins: [PackSource]
    /// Where `packs:` is written (for the error of a workspace with no pack).
    public var packsLocation: SourceLocation?
    /// Waiver files, relative to the workspace.
    public var waivers: [String]
    /// Taxonomy files with the workspace's own terms.
    public var taxonomy: [String]
    /// Pack settings chosen by the workspace: pack id → setting → value, each with its location.
    public var settings: [String: [String: (value: String, location: SourceLocation)]]
    /// The limits of each rule's run.
    public var limits: LuaLimits
    /// The default `--fail-on`.
    public var failOn: Severity?
    /// Where `cadre.yaml` is.
    public var location: SourceLocation

    /// A workspace with no file: the current folder's `systems/`, no pack.
    public static func defaults(at file: String) -> WorkspaceConfiguration {
        WorkspaceConfiguration(
            name: nil, systems: ["systems"], packs: [], plugins: [], packsLocation: nil, waivers: [], taxonomy: [],
            settings: [:],
            limits: .default,
            failOn: nil, location: .whole(file))
    }

    /// Reads `cadre.yaml` from `path` (shown as `file`).
    public static func read(fileAt path: String, as file: String) -> (WorkspaceConfiguration?, [Diagnostic]) {
        let (root, diagnostics) = ConfigurationFile.read(fileAt: path, as: file, format: format, shape: shape)
        guard let root else { return (nil, diagnostics) }
        var configuration = defaults(at: file)
        configuration.location = root.location
        configuration.name = root.string("name")
        if root["systems"] != nil { configuration.systems = root.strings("systems").map(\.0) }
        configuration.packs = PackSource.list("packs", of: root)
        configuration.plugins = PackSource.list("plugins", of: root)
        configuration.packsLocation = root["packs"]?.location
        configuration.waivers = root.strings("waivers").map(\.0)
        configuration.taxonomy = root.strings("taxonomy").map(\.0)
        for entry in root["settings"]?.mapping ?? [] {
            var values: [String: (String, SourceLocation)] = [:]
            for setting in entry.value.mapping ?? [] {
                if case .string(let value)? = setting.value.scalar?.value {
                    values[setting.key] = (value, setting.value.location)
                }
            }
            configuration.settings[entry.key] = values
        }
        if let limits = root["limits"] {
            if let mb = limits.integer("memory_mb") { configuration.limits.memoryBytes = mb << 20 }
            if let n = limits.integer("instructions") { configuration.limits.instructions = n }
            if let ms = limits.integer("deadline_ms") {
                configuration.limits.deadline = ms == 0 ? nil : .milliseconds(ms)
            }
            if let mb = limits.integer("retained_mb") { configuration.limits.retainedBytes = mb << 20 }
        }
        if let word = root["evaluate"]?.string("fail_on") { configuration.failOn = Severity(rawValue: word) }
        return (configuration, diagnostics)
    }

    static let shape = ObjectShape(
        name: "workspace",
        summary: "A cadre workspace: systems, packs, plugins, waivers, limits.",
        fields: [
            .required("cadre", .constant(format), "The format of the file: `workspace/v1`."),
            .optional("name", .string(.text), "The workspace's name, for reports."),
            .optional("systems", .list(.string(.text)), "Descriptor files and folders (default: `systems`)."),
            .optional(
                "packs", .list(PackSource.shape),
                "Packs to evaluate: ids (`gdpr`), folders (`./policies/mine`), or git sources (`{ git: URL, ref: v1.2.0 }`)."
            ),
            .optional(
                "plugins", .list(.string(.text)), "Plugins to enable: ids (`pii-fr`) or folders (`./plugins/mine`)."),
            .optional("waivers", .list(.string(.text)), "Files of accepted exceptions (`cadre: waivers/v1`)."),
            .optional(
                "taxonomy", .list(.string(.text)), "Files of the workspace's own taxonomy terms (`cadre: taxonomy/v1`)."
            ),
            .optional(
                "settings",
                .dictionary(keys: .identifier, values: .dictionary(keys: .identifier, values: .string(.identifier))),
                "Pack settings: pack id → setting → value."),
            .optional("limits", .object(limitsShape), "What each rule may use on each system."),
            .optional("evaluate", .object(evaluateShape), "Defaults of `cadre evaluate`."),
        ])

    static let limitsShape = ObjectShape(
        name: "limits",
        summary: "What each rule may use on each system; a rule that passes one gets an `error` result.",
        fields: [
            .optional("memory_mb", .integer(minimum: 1), "Memory, in MiB (default 64)."),
            .optional("instructions", .integer(minimum: 0), "Lua instructions (default 10,000,000; 0: no limit)."),
            .optional("deadline_ms", .integer(minimum: 0), "Wall-clock time in milliseconds (default 2,000; 0: none)."),
            .optional(
                "retained_mb", .integer(minimum: 1),
                "Memory a rule file may keep from one system to the next, in MiB (default 16)."),
        ])

    static let evaluateShape = ObjectShape(
        name: "evaluate",
        summary: "Defaults of `cadre evaluate`.",
        fields: [
            .optional(
                "fail_on",
                .choice(ChoiceSet(name: "severity", values: Severity.words.map { ($0, $0) } + [("none", "never")])),
                "The lowest severity that makes `cadre evaluate` exit 1 (default `high`).")
        ])
}
