/// An ISO 8601 duration such as `P6M`, `P3Y`, `P1Y6M`, `P30D`, `P2W` or `PT12H`: a number of
/// calendar months (years count twelve) and a number of seconds (weeks count seven days, days
/// twenty-four hours; cadre's dates have no time zone, so a day is always 24 hours).
///
/// Components are whole numbers in the order `Y M W D T H M S`; fractions, signs and the
/// alternative `P0001-02-03` form are not accepted. ``description`` gives the text back as it
/// was written; equality compares the normalised quantities, so `P12M == P1Y` and
/// `P2W == P14D`.
///
/// ## Comparing durations
///
/// Months and years are not a fixed number of days: one month is 28 to 31 days, one year 365
/// or 366. Whether `P1M` is longer than `P30D` depends on the date it starts from. cadre gives
/// three answers, from the most to the least precise:
///
/// - ``compare(_:from:)`` compares the dates both durations reach from a given start date.
///   This is exact; the engine uses the date that matters (a retention period's start, the
///   as-of date of a run).
/// - ``relation(to:)`` tells whether the answer is the same from **every** start date
///   (``DurationRelation/longer``, ``DurationRelation/shorter``, ``DurationRelation/equal``),
///   never goes one way (``DurationRelation/longerOrEqual``: `P1Y` against `P365D`), or
///   depends on the start date (``DurationRelation/dependsOnStartDate``: `P1M` against `P30D`).
///   It checks every start date of the 400-year cycle after which the Gregorian calendar
///   repeats, so it is exact too.
/// - `<` (``Comparable``, sorting, and Lua's `<` on durations) compares **average lengths**
///   over that cycle: a month is 30.436875 days, a year 365.2425 days. It agrees with
///   ``relation(to:)`` whenever the calendar gives one answer from every start date, and
///   breaks the remaining ties by months. So `P1M > P30D` (30.44 days against 30),
///   `P1Y > P365D`, `P1Y < P366D`, `P12M == P1Y`, and `P6M > P180D` from any date.
public struct ISODuration: Sendable, Hashable, Comparable, ISOText, CustomStringConvertible,
    LosslessStringConvertible
{
    public let years: Int
    public let months: Int
    public let weeks: Int
    public let days: Int
    public let hours: Int
    public let minutes: Int
    public let seconds: Int

    /// The largest value of any one component (1,000,000), which keeps every total far from
    /// overflow.
    public static let maximumComponent = 1_000_000

    /// Creates a duration from its components (each between 0 and ``maximumComponent``).
    public init?(
        years: Int = 0, months: Int = 0, weeks: Int = 0, days: Int = 0, hours: Int = 0, minutes: Int = 0,
        seconds: Int = 0
    ) {
        let parts = [years, months, weeks, days, hours, minutes, seconds]
        guard parts.allSatisfy({ (0...Self.maximumComponent).contains($0) }) else { return nil }
        self.years = years
        self.months = months
        self.weeks = weeks
        self.days = days
        self.hours = hours
        self.minutes = minutes
        self.seconds = seconds
    }

    /// Reads an ISO 8601 duration.
    ///
    /// - Throws: ``ISOFormatError`` saying what is wrong and, when it can tell, what to write
    ///   (`6 months` → `P6M`, `P1.5Y` → `P1Y6M`).
    public init(parsing text: String) throws(ISOFormatError) {
        self = try ISODurationSyntax.parse(text)
    }

    /// Reads an ISO 8601 duration, or returns nil.
    public init?(_ description: String) {
        guard let duration = try? ISODuration(parsing: description) else { return nil }
        self = duration
    }

    /// Years and months, in months.
    public var totalMonths: Int { years * 12 + months }

    /// Weeks, days, hours, minutes and seconds, in seconds (a day is 86,400 seconds).
    public var totalSeconds: Int {
        ((weeks * 7 + days) * 24 + hours) * 3600 + minutes * 60 + seconds
    }

    /// Average length in seconds over the 400-year Gregorian cycle (a month is 2,629,746
    /// seconds, 30.436875 days): the key of the `<` order.
    public var averageSeconds: Int { totalMonths * 2_629_746 + totalSeconds }

    /// The text as written, in canonical order: `P1Y6M`, `P2W`, `PT12H`; `P0D` for zero.
    public var description: String {
        var text = "P"
        if years > 0 { text += "\(years)Y" }
        if months > 0 { text += "\(months)M" }
        if weeks > 0 { text += "\(weeks)W" }
        if days > 0 { text += "\(days)D" }
        if hours > 0 || minutes > 0 || seconds > 0 {
            text += "T"
            if hours > 0 { text += "\(hours)H" }
            if minutes > 0 { text += "\(minutes)M" }
            if seconds > 0 { text += "\(seconds)S" }
        }
        return text == "P" ? "P0D" : text
    }

    public static func == (lhs: ISODuration, rhs: ISODuration) -> Bool {
        lhs.totalMonths == rhs.totalMonths && lhs.totalSeconds == rhs.totalSeconds
    }

    public func hash(into hasher: inout Hasher) {
        hasher.combine(totalMonths)
        hasher.combine(totalSeconds)
    }

    /// Orders by average length, then by months (see "Comparing durations" above).
    public static func < (lhs: ISODuration, rhs: ISODuration) -> Bool {
        (lhs.averageSeconds, lhs.totalMonths) < (rhs.averageSeconds, rhs.totalMonths)
    }
}
