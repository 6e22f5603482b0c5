/// One thing a rule found on a system: wrong (`fail`), to watch (`warn`), or to know (`info`),
/// with the place in the descriptor it points at.
public struct Finding: Sendable, Hashable, Codable {
    public enum Level: String, Sendable, Hashable, Codable, Comparable {
        case info, warn, fail

        private var rank: Int {
            switch self {
            case .info: 0
            case .warn: 1
            case .fail: 2
            }
        }

        public static func < (lhs: Level, rhs: Level) -> Bool { lhs.rank < rhs.rank }
    }

    public var level: Level
    /// What is wrong, in words an engineer can act on.
    public var message: String
    /// The descriptor node the rule pointed at (the system's file when it pointed at none).
    public var location: SourceLocation
    /// The node's path in the descriptor (`data[1].retention`), when the rule pointed at one.
    public var path: NodePath?
    /// Redacted evidence from the system's stores (never personal data).
    public var evidence: [String]

    public init(level: Level, message: String, location: SourceLocation, path: NodePath? = nil, evidence: [String] = [])
    {
        self.level = level
        self.message = message
        self.location = location
        self.path = path
        self.evidence = evidence
    }
}

extension Finding: Comparable {
    /// By location, then level (most serious first), then message: the order of every report.
    public static func < (lhs: Finding, rhs: Finding) -> Bool {
        if lhs.location != rhs.location { return lhs.location < rhs.location }
        if lhs.level != rhs.level { return lhs.level > rhs.level }
        return lhs.message < rhs.message
    }
}
