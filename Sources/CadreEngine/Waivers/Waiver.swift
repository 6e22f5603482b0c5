import CadreModel

/// An accepted exception: a rule that may fail on a system, for a reason, approved by someone,
/// until a date. From a descriptor's `waivers:` or a workspace waiver file.
public struct Waiver: Sendable, Hashable {
    /// A rule id, or a prefix ending in `*` (`cnil.recording.*`).
    public var rule: String
    /// The system it covers.
    public var system: String
    public var reason: String
    public var approvedBy: String
    /// The last day it applies.
    public var expires: ISODate
    public var location: SourceLocation

    public init(rule: String, system: String, reason: String, approvedBy: String, expires: ISODate, location: SourceLocation) {
        self.rule = rule
        self.system = system
        self.reason = reason
        self.approvedBy = approvedBy
        self.expires = expires
        self.location = location
    }

    /// Whether the waiver names `rule`.
    public func covers(rule id: String) -> Bool {
        if rule.hasSuffix("*") { return id.hasPrefix(rule.dropLast()) }
        return rule == id
    }

    /// Whether the waiver still applies on `date` (its expiry day included).
    public func isActive(on date: ISODate) -> Bool { date <= expires }

    /// The waiver as a result carries it.
    var applied: RuleResult.AppliedWaiver {
        RuleResult.AppliedWaiver(reason: reason, approvedBy: approvedBy, expires: expires, location: location)
    }
}

/// Every waiver of a run, found by system and rule.
public struct WaiverBook: Sendable {
    private var bySystem: [String: [Waiver]] = [:]

    public init(_ waivers: [Waiver] = []) {
        for waiver in waivers { add(waiver) }
    }

    public mutating func add(_ waiver: Waiver) { bySystem[waiver.system, default: []].append(waiver) }

    /// The waivers that name `rule` on `system`, active ones first, then by expiry.
    public func waivers(for rule: String, on system: String) -> [Waiver] {
        (bySystem[system] ?? []).filter { $0.covers(rule: rule) }.sorted { $0.expires > $1.expires }
    }

    public var all: [Waiver] { bySystem.values.flatMap { $0 }.sorted { ($0.location, $0.rule) < ($1.location, $1.rule) } }
}
