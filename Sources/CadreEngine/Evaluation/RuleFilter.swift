#if canImport(Glibc)
    import Glibc
#elseif canImport(Musl)
    import Musl
#elseif canImport(Darwin)
    import Darwin
#endif

/// The rules `cadre evaluate --rule` keeps: ids, or shell patterns over ids (`cnil.recording.*`,
/// `*.retention`, `gdpr.dpia.?*`). Rules it does not keep are not run and not reported.
public struct RuleFilter: Sendable, Hashable {
    public var patterns: [String]

    public init(_ patterns: [String]) { self.patterns = patterns }

    /// Whether the rule `id` is kept.
    public func keeps(_ id: String) -> Bool {
        patterns.contains { Self.matches(id, $0) }
    }

    /// The patterns that keep none of `ids`.
    public func unmatched(among ids: [String]) -> [String] {
        patterns.filter { pattern in !ids.contains { Self.matches($0, pattern) } }
    }

    /// `id` against one pattern (`fnmatch`, with no special meaning for `/` or leading dots).
    static func matches(_ id: String, _ pattern: String) -> Bool {
        pattern == id || fnmatch(pattern, id, 0) == 0
    }
}
