extension ISODate {
    /// The date `duration` later: years and months first, with the day clamped to the end of
    /// the month, then weeks and days. A date has no time, so a duration's hours, minutes and
    /// seconds count in whole days only (PT36H adds one day). Nil past 9999-12-31.
    public func adding(_ duration: ISODuration) -> ISODate? {
        let (year, month, day) = GregorianCalendar.adding(
            months: duration.totalMonths, toYear: year, month: month, day: day)
        guard let shifted = ISODate(year: year, month: month, day: day) else { return nil }
        return shifted.adding(days: duration.totalSeconds / 86_400)
    }

    /// The date `duration` earlier: years and months first, with the day clamped to the end of
    /// the month (2025-03-31 − P1M is 2025-02-28), then weeks and days. This gives the cut-off
    /// of "older than P6M as of a date". Nil before 0001-01-01.
    public func subtracting(_ duration: ISODuration) -> ISODate? {
        let (year, month, day) = GregorianCalendar.adding(
            months: -duration.totalMonths, toYear: year, month: month, day: day)
        guard let shifted = ISODate(year: year, month: month, day: day) else { return nil }
        return shifted.adding(days: -(duration.totalSeconds / 86_400))
    }

    /// The date `days` days later (earlier when negative), if it lies between years 1 and 9999.
    public func adding(days: Int) -> ISODate? {
        ISODate(dayNumber: dayNumber + days)
    }

    /// The number of days from this date to `other` (negative when `other` is earlier).
    public func days(to other: ISODate) -> Int {
        other.dayNumber - dayNumber
    }
}
