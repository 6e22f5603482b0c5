/// How one duration compares with another over every possible start date
/// (see ``ISODuration/relation(to:)``).
public enum DurationRelation: String, Sendable, Hashable, Codable {
    /// Shorter from every start date.
    case shorter
    /// Equal from every start date (`P12M` and `P1Y`, `P2W` and `P14D`).
    case equal
    /// Longer from every start date (`P6M` and `P180D`).
    case longer
    /// Never longer; shorter from some start dates, equal from others (`P1Y` and `P366D`).
    case shorterOrEqual = "shorter_or_equal"
    /// Never shorter; longer from some start dates, equal from others (`P1Y` and `P365D`).
    case longerOrEqual = "longer_or_equal"
    /// Longer from some start dates and shorter from others (`P1M` and `P30D`).
    case dependsOnStartDate = "depends_on_start_date"

    /// True when the first duration is longer from at least one start date: what a rule asks
    /// of a retention period against a maximum.
    public var canBeLonger: Bool { self == .longer || self == .longerOrEqual || self == .dependsOnStartDate }

    /// True when the first duration is shorter from at least one start date: what a rule asks
    /// of a log retention against a minimum.
    public var canBeShorter: Bool { self == .shorter || self == .shorterOrEqual || self == .dependsOnStartDate }
}
