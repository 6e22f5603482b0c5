import Synchronization

extension ISODuration {
    /// How this duration compares with `other` from **every** start date: the answer holds
    /// whatever date both durations start from, or says that it depends on the date.
    ///
    /// Exact: when both have the same number of months, the difference is fixed; otherwise
    /// every start date of the 400-year Gregorian cycle is checked (the calendar repeats after
    /// it, and days 1 to 28 of a month all give the same answer).
    public func relation(to other: ISODuration) -> DurationRelation {
        let (low, high) = differenceBounds(to: other)
        switch (low, high) {
        case (0, 0): return .equal
        case (1..., _): return .longer
        case (_, ..<0): return .shorter
        case (0, _): return .longerOrEqual
        case (_, 0): return .shorterOrEqual
        default: return .dependsOnStartDate
        }
    }

    /// Compares the dates this duration and `other` reach from `start`: ``DurationRelation/shorter``,
    /// ``DurationRelation/equal`` or ``DurationRelation/longer``.
    ///
    /// From 2025-02-01, `P1M` (28 days) is shorter than `P30D`; from 2025-01-01 (31 days) it is longer.
    public func compare(_ other: ISODuration, from start: ISODate) -> DurationRelation {
        let difference = Self.difference(self, other, year: start.year, month: start.month, day: start.day)
        return difference > 0 ? .longer : difference < 0 ? .shorter : .equal
    }

    /// The smallest and largest difference, in seconds, between the ends of `self` and `other`
    /// over every start date.
    func differenceBounds(to other: ISODuration) -> (low: Int, high: Int) {
        let fixed = totalSeconds - other.totalSeconds
        if totalMonths == other.totalMonths { return (fixed, fixed) }
        // The seconds add the same to every start date: only the months' days vary.
        let days = Self.monthDayBounds(totalMonths, other.totalMonths)
        return (days.low * 86_400 + fixed, days.high * 86_400 + fixed)
    }

    /// The smallest and largest difference, in days, between `start + a months` and
    /// `start + b months` over every start date of the 400-year cycle. Rules compare the same
    /// few durations on every system, so the answers are kept (a few thousand at most).
    static func monthDayBounds(_ a: Int, _ b: Int) -> (low: Int, high: Int) {
        if let known = knownBounds.withLock({ $0[MonthPair(a: a, b: b)] }) { return known }
        var low = Int.max
        var high = Int.min
        for index in 0..<GregorianCalendar.monthsPer400Years {
            let year = 2000 + index / 12
            let month = index % 12 + 1
            let length = GregorianCalendar.daysIn(month: month, of: year)
            for day in [1, 29, 30, 31] where day <= length {
                let difference = Self.dayDifference(a, b, year: year, month: month, day: day)
                low = min(low, difference)
                high = max(high, difference)
            }
        }
        knownBounds.withLock { known in
            if known.count >= 4_096 { known.removeAll() }
            known[MonthPair(a: a, b: b)] = (low, high)
        }
        return (low, high)
    }

    private struct MonthPair: Hashable, Sendable {
        var a: Int
        var b: Int
    }

    private static let knownBounds = Mutex<[MonthPair: (low: Int, high: Int)]>([:])

    /// (start + a) − (start + b), in seconds.
    private static func difference(_ a: ISODuration, _ b: ISODuration, year: Int, month: Int, day: Int) -> Int {
        dayDifference(a.totalMonths, b.totalMonths, year: year, month: month, day: day) * 86_400 + a.totalSeconds
            - b.totalSeconds
    }

    /// (start + a months) − (start + b months), in days.
    private static func dayDifference(_ a: Int, _ b: Int, year: Int, month: Int, day: Int) -> Int {
        let endA = GregorianCalendar.adding(months: a, toYear: year, month: month, day: day)
        let endB = GregorianCalendar.adding(months: b, toYear: year, month: month, day: day)
        return GregorianCalendar.dayNumber(year: endA.year, month: endA.month, day: endA.day)
            - GregorianCalendar.dayNumber(year: endB.year, month: endB.month, day: endB.day)
    }
}
