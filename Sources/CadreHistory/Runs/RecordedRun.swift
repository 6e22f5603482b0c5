import CadreEngine
import CadreModel

/// A run as the history holds it: what it read (with digests), the rules, the waivers, and each
/// system's results by reference. Paths are relative to the workspace.
public struct RecordedRun: Sendable {
    public var info: RunInfo
    /// What makes every result change: cadre's version, the limits, the taxonomy files.
    public var engine: String
    public var inputs: [RunInput]
    public var rules: [RuleInfo]
    /// What each rule read besides its systems when it was evaluated, by rule id; a rule with no
    /// entry is not known (a history written before cadre learnt it): it is taken to read all.
    public var readings: [String: RuleReadings] = [:]
    /// The workspace's waivers (from its waiver files); descriptors' own are in ``systems``.
    public var waivers: [Waiver]
    public var systems: [RecordedSystem]
    /// The problems of the workspace, packs, rules and waivers.
    public var diagnostics: [Diagnostic]

    /// What `rule` read besides its systems, as far as the run knows (``RuleReadings/all`` when
    /// it does not).
    public func readings(of rule: String) -> RuleReadings { readings[rule] ?? .all }

    /// The input of `kind` at `path`.
    public func input(_ kind: RunInput.Kind, at path: String) -> RunInput? {
        inputs.first { $0.kind == kind && $0.path == path }
    }
}
