/// Proleptic Gregorian arithmetic on plain integers, the base of ``ISODate``, of duration
/// comparison and of the stores' reading of timestamps. Day numbers count from 1970-01-01 (day 0).
public enum GregorianCalendar {
    /// Days in a 400-year cycle; the calendar repeats after it.
    @usableFromInline static let daysPer400Years = 146_097
    /// Months in a 400-year cycle.
    static let monthsPer400Years = 4_800

    static func isLeap(_ year: Int) -> Bool {
        (year % 4 == 0 && year % 100 != 0) || year % 400 == 0
    }

    /// Days in `month` (1–12) of `year`.
    static func daysIn(month: Int, of year: Int) -> Int {
        switch month {
        case 2: isLeap(year) ? 29 : 28
        case 4, 6, 9, 11: 30
        default: 31
        }
    }

    /// The day number of a date (the classic era-based conversion; valid for any year). The day
    /// is not checked against the month's length: day 30 of February is 1 or 2 March.
    @inlinable public static func dayNumber(year: Int, month: Int, day: Int) -> Int {
        let y = month <= 2 ? year - 1 : year
        let era = (y >= 0 ? y : y - 399) / 400
        let yearOfEra = y - era * 400
        let shiftedMonth = month > 2 ? month - 3 : month + 9
        let dayOfYear = (153 * shiftedMonth + 2) / 5 + day - 1
        let dayOfEra = yearOfEra * 365 + yearOfEra / 4 - yearOfEra / 100 + dayOfYear
        return era * daysPer400Years + dayOfEra - 719_468
    }

    /// The date of a day number.
    static func date(ofDay number: Int) -> (year: Int, month: Int, day: Int) {
        let z = number + 719_468
        let era = (z >= 0 ? z : z - (daysPer400Years - 1)) / daysPer400Years
        let dayOfEra = z - era * daysPer400Years
        let yearOfEra = (dayOfEra - dayOfEra / 1460 + dayOfEra / 36524 - dayOfEra / (daysPer400Years - 1)) / 365
        let dayOfYear = dayOfEra - (365 * yearOfEra + yearOfEra / 4 - yearOfEra / 100)
        let shiftedMonth = (5 * dayOfYear + 2) / 153
        let day = dayOfYear - (153 * shiftedMonth + 2) / 5 + 1
        let month = shiftedMonth < 10 ? shiftedMonth + 3 : shiftedMonth - 9
        return (yearOfEra + era * 400 + (month <= 2 ? 1 : 0), month, day)
    }

    /// `months` months after (or before, when negative) a date, with the day clamped to the
    /// last day of the target month (31 January + 1 month = 28 or 29 February).
    static func adding(months: Int, toYear year: Int, month: Int, day: Int) -> (year: Int, month: Int, day: Int) {
        let index = year * 12 + (month - 1) + months
        let targetYear = index >= 0 ? index / 12 : (index - 11) / 12
        let targetMonth = index - targetYear * 12 + 1
        return (targetYear, targetMonth, min(day, daysIn(month: targetMonth, of: targetYear)))
    }

    static let monthNames = [
        "January", "February", "March", "April", "May", "June", "July", "August", "September",
        "October", "November", "December",
    ]
}
