import CadreEngine
import CadreModel

/// One input of a run and its digest: a pack, one of its files, a plugin, a waiver file, a
/// taxonomy file, `cadre.yaml`.
public struct RunInput: Sendable, Hashable {
    public enum Kind: String, Sendable, Hashable, CaseIterable {
        case pack, packFile = "pack-file", plugin, pluginFile = "plugin-file", waiverFile = "waiver-file"
        case taxonomyFile = "taxonomy-file", configuration
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

    public init(kind: Kind, name: String, path: String, version: String? = nil, digest: String, detail: [String: String] = [:]) {
        self.kind = kind
        self.name = name
        self.path = path
        self.version = version
        self.digest = digest
        self.detail = detail
    }
}

/// One rule's result on a system, by reference: the result itself is stored once under `key`.
public struct ResultReference: Sendable, Hashable {
    public var rule: String
    /// The digest of the result's recorded form.
    public var key: String
    public var status: RuleResult.Status
    public var severity: Severity

    public var fails: Bool { status == .fail || status == .error }
}

/// One descriptor of a run. Paths are relative to the workspace.
public struct RecordedSystem: Sendable, Hashable {
    public var file: String
    public var id: String?
    public var name: String?
    public var digest: String
    public var diagnostics: [Diagnostic]
    /// The waivers the descriptor declares.
    public var waivers: [CadreEngine.Waiver]
    /// One per rule evaluated, sorted by rule id.
    public var results: [ResultReference] {
        didSet { resultsKey = nil }
    }
    /// The digest of ``results`` as recorded (nil until known): two systems with one key have the
    /// same results, so comparing runs and recording copies skip them.
    public internal(set) var resultsKey: String?

    public init(
        file: String, id: String?, name: String?, digest: String, diagnostics: [Diagnostic], waivers: [CadreEngine.Waiver],
        results: [ResultReference], resultsKey: String? = nil
    ) {
        self.file = file
        self.id = id
        self.name = name
        self.digest = digest
        self.diagnostics = diagnostics
        self.waivers = waivers
        self.results = results
        self.resultsKey = resultsKey
    }

    public var isValid: Bool { id != nil && !diagnostics.containsErrors }
}

/// A run as the history holds it: what it read (with digests), the rules, the waivers, and each
/// system's results by reference. Paths are relative to the workspace.
public struct RecordedRun: Sendable {
    public var info: RunInfo
    /// What makes every result change: cadre's version, the limits, the taxonomy files.
    public var engine: String
    public var inputs: [RunInput]
    public var rules: [RuleInfo]
    /// The workspace's waivers (from its waiver files); descriptors' own are in ``systems``.
    public var waivers: [CadreEngine.Waiver]
    public var systems: [RecordedSystem]
    /// The problems of the workspace, packs, rules and waivers.
    public var diagnostics: [Diagnostic]

    /// The input of `kind` at `path`.
    public func input(_ kind: RunInput.Kind, at path: String) -> RunInput? {
        inputs.first { $0.kind == kind && $0.path == path }
    }
}
