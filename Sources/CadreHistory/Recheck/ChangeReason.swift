/// Why a re-check evaluates some pairs again: one change between the last run and the workspace.
public struct ChangeReason: Sendable, Hashable, CustomStringConvertible {
    public enum Kind: String, Sendable, Hashable, CaseIterable {
        /// No earlier run: every pair is evaluated.
        case firstRun = "first-run"
        /// cadre's version, the limits or a taxonomy file changed: every pair is evaluated.
        case engine
        /// A plugin was added, removed or changed: every pair is evaluated.
        case plugin
        /// A pack's modules, data, settings, title or API changed: its rules, on every system.
        case pack
        /// A rule file changed: its rules, on every system.
        case ruleFile = "rule-file"
        /// A rule appeared: on every system.
        case ruleAdded = "rule-added"
        /// A rule disappeared: its results are dropped.
        case ruleRemoved = "rule-removed"
        /// A rule reads its pack's version, which changed: on every system.
        case packVersion = "pack-version"
        /// A rule reads the as-of date, which moved: on every system.
        case asOf = "as-of"
        /// A rule reads stores, whose data no digest covers: on every system that declares stores,
        /// at every re-check.
        case stores
        /// The as-of date entered or left a rule's effective window: on every system.
        case effectiveWindow = "effective-window"
        /// A descriptor appeared: every rule on it.
        case descriptorAdded = "descriptor-added"
        /// A descriptor changed: every rule on it.
        case descriptorChanged = "descriptor-changed"
        /// A descriptor disappeared: its results are dropped.
        case descriptorRemoved = "descriptor-removed"
        /// A descriptor shared its id with another in the last run: every rule on it.
        case duplicateID = "duplicate-id"
        /// The waivers covering a rule on a system changed: that pair.
        case waiver
        /// A waiver covering a rule on a system expired (or came back) between the two dates: that pair.
        case waiverExpiry = "waiver-expiry"
    }

    public var kind: Kind
    /// What changed: a file, a pack, a rule, a system.
    public var subject: String
    /// In words.
    public var detail: String

    public init(_ kind: Kind, _ subject: String, _ detail: String) {
        self.kind = kind
        self.subject = subject
        self.detail = detail
    }

    public var description: String { "\(subject): \(detail)" }
}
