import Foundation

/// SQL that reads a SQLite column as an instant, following ``DateSemantics``.
///
/// SQLite has no date type: an application stores dates as ISO 8601 text, or as Unix time in an
/// INTEGER or REAL. These expressions look at each row's storage class, so a column that
/// mixes forms is read right. The storage class is told apart by comparing with `''` rather than
/// calling `typeof` (a function call per row costs as much as the comparison of the simple query):
/// every text is `>= ''`, every number `< ''`, whatever the column's affinity.
/// - text with `-` in fifth position goes to `julianday`, which reads `YYYY-MM-DD`,
///   `YYYY-MM-DD HH:MM[:SS[.SSS]]`, a `T` for the space, a `Z` or `±HH:MM` suffix — and gives NULL
///   for anything else (`2025-13-45`), so such text is unreadable;
/// - other text of digits (and one dot) is Unix time; other text is unreadable;
/// - integers and reals are Unix time, in milliseconds from 10¹¹ on.
enum SQLiteDates {
    /// `julianday` counts milliseconds from noon, 24 November 4714 BC; the Unix epoch is this many.
    static let unixEpochInJulianMilliseconds: Int64 = 210_866_760_000_000

    /// A predicate true when the column's instant is strictly before the cutoff. Parameters:
    /// `?1` the cutoff as `julianday` gives it (``julianDay(of:)``), `?2` in Unix seconds.
    ///
    /// Text is compared in `julianday`'s own unit: both sides are whole milliseconds divided the
    /// same way, so the comparison is exact to the millisecond — and needs no arithmetic per row.
    static func isOlder(_ c: String) -> String {
        """
        (CASE WHEN \(c) >= '' THEN (CASE WHEN substr(\(c), 5, 1) = '-' THEN julianday(\(c)) < ?1 \
        WHEN \(c) GLOB '[0-9]*' AND NOT \(c) GLOB '*[^0-9.]*' THEN \(epochNumber("CAST(\(c) AS REAL)")) < ?2 END) \
        WHEN \(c) < '' THEN \(epochNumber(c)) < ?2 END)
        """
    }

    /// The column's instant in Unix seconds (to the millisecond), NULL when unreadable.
    static func epochSeconds(of c: String) -> String {
        """
        (CASE WHEN \(c) >= '' THEN (CASE WHEN substr(\(c), 5, 1) = '-' THEN round((julianday(\(c)) - 2440587.5) * 86400000.0) / 1000.0 \
        WHEN \(c) GLOB '[0-9]*' AND NOT \(c) GLOB '*[^0-9.]*' THEN \(epochNumber("CAST(\(c) AS REAL)")) END) \
        WHEN \(c) < '' THEN \(epochNumber(c)) END)
        """
    }

    /// Unix seconds of an epoch number, seconds or milliseconds.
    static func epochNumber(_ v: String) -> String {
        "(CASE WHEN abs(\(v)) >= 100000000000 THEN \(v) / 1000.0 ELSE \(v) END)"
    }

    /// The cutoff as `julianday` would give it, rounded up to the millisecond (a value in the
    /// cutoff's own millisecond is not older).
    static func julianDay(of cutoff: Date) -> Double {
        Double(julianMilliseconds(of: cutoff)) / 86_400_000.0
    }

    /// The cutoff in `julianday`'s milliseconds, rounded up (``SQLiteISOText`` compares with it).
    static func julianMilliseconds(of cutoff: Date) -> Int64 {
        // To the microsecond first, so that 1735689599.999 (stored as …598.99899…) is 599,999 ms.
        let microseconds = (cutoff.timeIntervalSince1970 * 1_000_000).rounded()
        let milliseconds = (microseconds / 1000).rounded(.up)
        return Int64(milliseconds) + unixEpochInJulianMilliseconds
    }
}
