/// An accepted exception: a rule that may fail on a system, for a reason, approved by someone,
/// until a date. Written in a descriptor's `waivers:` (for its own system) or in a workspace's
/// waiver file (`cadre: waivers/v1`, naming the system); the engine applies it, the history keeps
/// it, and a result it covers carries it as ``RuleResult/AppliedWaiver``.
public struct Waiver: Sendable, Hashable {
    /// A rule id, or a prefix ending in `*` (`cnil.recording.*`).
    public var rule: String
    /// The system it covers.
    public var system: String
    /// Why the exception is accepted.
    public var reason: String
    /// Who approved it.
    public var approvedBy: String
    /// The last day it applies.
    public var expires: ISODate
    /// Where it is written: the entry of `waivers:`.
    public var location: SourceLocation

    public init(
        rule: String, system: String, reason: String, approvedBy: String, expires: ISODate, location: SourceLocation
    ) {
        self.rule = rule
        self.system = system
        self.reason = reason
        self.approvedBy = approvedBy
        self.expires = expires
        self.location = location
    }

    /// The waiver an entry of `waivers:` writes, or nil when a required field is missing or of
    /// the wrong type (validation reports it). `system` is the descriptor's own id; nil reads the
    /// entry's `system:` (a waiver file's entries name their system).
    public init?(node: LocatedNode, system: String? = nil) {
        guard node.mapping != nil, let rule = node.value("rule", as: String.self),
            let system = system ?? node.value("system", as: String.self)?.value,
            let reason = node.value("reason", as: String.self),
            let approvedBy = node.value("approved_by", as: String.self),
            let expires = node.value("expires", as: ISODate.self)
        else { return nil }
        self.init(
            rule: rule.value, system: system, reason: reason.value, approvedBy: approvedBy.value,
            expires: expires.value,
            location: node.location)
    }

    /// Whether the waiver names `rule`.
    public func covers(rule id: String) -> Bool {
        if rule.hasSuffix("*") { return id.hasPrefix(rule.dropLast()) }
        return rule == id
    }

    /// Whether the waiver still applies on `date` (its expiry day included).
    public func isActive(on date: ISODate) -> Bool { date <= expires }

    /// The waiver as a result it covers carries it.
    public var applied: RuleResult.AppliedWaiver {
        RuleResult.AppliedWaiver(reason: reason, approvedBy: approvedBy, expires: expires, location: location)
    }
}
