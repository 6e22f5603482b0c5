import Foundation

/// A calendar date without time or time zone, written `YYYY-MM-DD` (ISO 8601 calendar date,
/// extended format), between 0001-01-01 and 9999-12-31 of the proleptic Gregorian calendar.
///
/// Descriptors use it for assessment dates, training dates and waiver expiries; the engine uses it
/// for the as-of date of a run. Dates order chronologically. Adding an ``ISODuration`` adds its
/// years and months first, clamping the day to the end of the month, then its weeks and days:
/// 2025-01-31 + P1M is 2025-02-28, and 2024-02-29 + P1Y is 2025-02-28.
public struct ISODate: Sendable, Hashable, Comparable, ISOText, CustomStringConvertible,
    LosslessStringConvertible
{
    /// 1…9999.
    public let year: Int
    /// 1…12.
    public let month: Int
    /// 1…31, within the month's length.
    public let day: Int

    /// The date, if it exists and lies between years 1 and 9999.
    public init?(year: Int, month: Int, day: Int) {
        guard (1...9999).contains(year), (1...12).contains(month),
            (1...GregorianCalendar.daysIn(month: month, of: year)).contains(day)
        else { return nil }
        self.year = year
        self.month = month
        self.day = day
    }

    /// Reads a `YYYY-MM-DD` date.
    ///
    /// - Throws: ``ISOFormatError`` saying what is wrong (`February 2025 has 28 days`) and what
    ///   to write instead when it can tell (`10/03/2025` → `2025-03-10`).
    public init(parsing text: String) throws(ISOFormatError) {
        let bytes = Array(text.utf8)
        func digits(_ range: Range<Int>) -> Int? {
            guard range.upperBound <= bytes.count else { return nil }
            var value = 0
            for byte in bytes[range] {
                guard byte >= 48 && byte <= 57 else { return nil }
                value = value * 10 + Int(byte - 48)
            }
            return value
        }
        guard bytes.count == 10, bytes[4] == UInt8(ascii: "-"), bytes[7] == UInt8(ascii: "-"),
            let year = digits(0..<4), let month = digits(5..<7), let day = digits(8..<10)
        else {
            throw Self.formatError(for: text)
        }
        guard year >= 1 else {
            throw ISOFormatError(.date, text: text, reason: "year 0000 is outside 0001–9999")
        }
        guard (1...12).contains(month) else {
            throw ISOFormatError(
                .date, text: text, reason: "month \(month) does not exist",
                hint: "dates are written year-month-day")
        }
        let length = GregorianCalendar.daysIn(month: month, of: year)
        guard (1...length).contains(day), let date = ISODate(year: year, month: month, day: day) else {
            throw ISOFormatError(
                .date, text: text,
                reason: "\(GregorianCalendar.monthNames[month - 1]) \(year) has \(length) days")
        }
        self = date
    }

    /// Reads a `YYYY-MM-DD` date, or returns nil.
    public init?(_ description: String) {
        guard let date = try? ISODate(parsing: description) else { return nil }
        self = date
    }

    /// The date in `timeZone` at the instant `now`.
    public static func today(in timeZone: TimeZone = .current, now: Date = Date()) -> ISODate {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = timeZone
        let parts = calendar.dateComponents([.year, .month, .day], from: now)
        return ISODate(year: parts.year ?? 1970, month: parts.month ?? 1, day: parts.day ?? 1)
            ?? ISODate.epoch
    }

    /// 1970-01-01, day 0 of ``dayNumber``.
    public static let epoch = ISODate(uncheckedYear: 1970, month: 1, day: 1)

    /// Days since 1970-01-01 (negative before it).
    public var dayNumber: Int { GregorianCalendar.dayNumber(year: year, month: month, day: day) }

    /// The date `dayNumber` days after 1970-01-01, if it lies between years 1 and 9999.
    public init?(dayNumber: Int) {
        let (year, month, day) = GregorianCalendar.date(ofDay: dayNumber)
        self.init(year: year, month: month, day: day)
    }

    /// `YYYY-MM-DD`.
    public var description: String {
        func pad(_ value: Int, _ width: Int) -> String {
            let text = String(value)
            return String(repeating: "0", count: max(0, width - text.count)) + text
        }
        return "\(pad(year, 4))-\(pad(month, 2))-\(pad(day, 2))"
    }

    public static func < (lhs: ISODate, rhs: ISODate) -> Bool {
        (lhs.year, lhs.month, lhs.day) < (rhs.year, rhs.month, rhs.day)
    }

    init(uncheckedYear year: Int, month: Int, day: Int) {
        self.year = year
        self.month = month
        self.day = day
    }

    private static func formatError(for text: String) -> ISOFormatError {
        let parts = text.split(whereSeparator: { $0 == "/" || $0 == "." || $0 == "-" }).map(String.init)
        if parts.count == 3, parts.allSatisfy({ Int($0) != nil }) {
            let numbers = parts.compactMap { Int($0) }
            if parts[0].count == 4, let date = ISODate(year: numbers[0], month: numbers[1], day: numbers[2]) {
                return ISOFormatError(
                    .date, text: text, reason: "months and days take two digits", hint: "write `\(date)`")
            }
            if parts[2].count == 4, let date = ISODate(year: numbers[2], month: numbers[1], day: numbers[0]) {
                return ISOFormatError(
                    .date, text: text, reason: "dates are written year-month-day", hint: "write `\(date)`")
            }
        }
        if text.count > 10, let date = ISODate(String(text.prefix(10))) {
            return ISOFormatError(
                .date, text: text, reason: "a date without a time is expected", hint: "write `\(date)`")
        }
        return ISOFormatError(
            .date, text: text, reason: "expected a date written YYYY-MM-DD", hint: "for example `2025-03-10`")
    }
}
