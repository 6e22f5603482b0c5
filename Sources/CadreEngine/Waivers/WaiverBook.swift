import CadreModel

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

    public var all: [Waiver] {
        bySystem.values.flatMap { $0 }.sorted { ($0.location, $0.rule) < ($1.location, $1.rule) }
    }
}
