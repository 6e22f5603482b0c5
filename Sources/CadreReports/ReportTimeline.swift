import CadreModel

/// What happens on a date of the obligations' timeline: a rule comes into force or lapses, or a
/// waiver's last day comes. One list for `cadre timeline` (CadreHistory's `Timeline`) and the HTML
/// report's timeline (``ReportTimeline``); the raw values are those of `cadre-timeline/v1`.
public enum TimelineEventKind: String, Sendable, Hashable, CaseIterable {
    /// The first day the rule is in force.
    case comesIntoForce = "comes-into-force"
    /// The first day the rule is no longer in force (the day after its `to`).
    case lapses
    /// The last day a waiver of the rule holds for a system.
    case waiverExpires = "waiver-expires"

    /// How cadre says it: "comes into force", "lapses", "waiver expires".
    public var words: String {
        switch self {
        case .comesIntoForce: "comes into force"
        case .lapses: "lapses"
        case .waiverExpires: "waiver expires"
        }
    }

    /// ``words`` padded with spaces to the longest kind's, for text in columns.
    public var column: String {
        let width = Self.allCases.map(\.words.count).max() ?? 0
        return words.padding(toLength: width, withPad: " ", startingAt: 0)
    }
}

/// The obligations that come into force or lapse for the reported systems in a period, and the
/// waivers that expire in it (the data of `cadre timeline`, by obligation rather than by
/// system), which the HTML report draws. The
/// command line works it out (CadreHistory's `Timeline`) and hands it over in the
/// ``ReportContext``.
public struct ReportTimeline: Sendable, Hashable {
    /// One obligation starting or ending on a date, for some of the systems.
    public struct Entry: Sendable, Hashable {
        public var date: ISODate
        public var kind: TimelineEventKind
        public var rule: String
        /// How many systems the rule concerns.
        public var systemCount: Int
        /// The first of them, by id (at most ``ReportTimeline/namedSystems``).
        public var systems: [String]
        /// For a waiver: who approved it.
        public var approvedBy: String?

        public init(
            date: ISODate, kind: TimelineEventKind, rule: String, systemCount: Int, systems: [String],
            approvedBy: String? = nil
        ) {
            self.date = date
            self.kind = kind
            self.rule = rule
            self.systemCount = systemCount
            self.systems = systems
            self.approvedBy = approvedBy
        }
    }

    /// How many systems an entry names; the others are counted.
    public static let namedSystems = 12

    public var from: ISODate
    public var until: ISODate
    /// By date, then rule.
    public var entries: [Entry]

    public init(from: ISODate, until: ISODate, entries: [Entry]) {
        self.from = from
        self.until = until
        self.entries = entries.sorted {
            ($0.date, $0.kind == .waiverExpires ? 1 : 0, $0.rule, $0.systems.first ?? "")
                < ($1.date, $1.kind == .waiverExpires ? 1 : 0, $1.rule, $1.systems.first ?? "")
        }
    }
}

/// The recorded runs of the workspace's history (`.cadre/`), oldest first: the trend of failing
/// results the HTML report draws.
public struct ReportTrend: Sendable, Hashable {
    public struct Run: Sendable, Hashable {
        /// The run's number in the history.
        public var number: Int64
        public var asOf: ISODate
        /// When it was recorded, as the history writes it.
        public var recordedAt: String
        /// Results that failed, and that were errors.
        public var failed: Int
        public var errors: Int
        public var warned: Int

        public init(number: Int64, asOf: ISODate, recordedAt: String, failed: Int, errors: Int, warned: Int) {
            self.number = number
            self.asOf = asOf
            self.recordedAt = recordedAt
            self.failed = failed
            self.errors = errors
            self.warned = warned
        }
    }

    public var runs: [Run]

    public init(runs: [Run]) { self.runs = runs }
}
