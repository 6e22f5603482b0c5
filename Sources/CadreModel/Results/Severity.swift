/// How serious a rule's failure is, from `info` to `critical`.
public enum Severity: String, Sendable, Hashable, Codable, CaseIterable, Comparable {
    case info, low, medium, high, critical

    /// The words rules and `--fail-on` accept, most serious first.
    public static let words = allCases.reversed().map(\.rawValue)

    private var rank: Int {
        switch self {
        case .info: 0
        case .low: 1
        case .medium: 2
        case .high: 3
        case .critical: 4
        }
    }

    public static func < (lhs: Severity, rhs: Severity) -> Bool { lhs.rank < rhs.rank }
}
