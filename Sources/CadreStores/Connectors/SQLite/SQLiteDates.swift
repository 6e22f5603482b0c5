/// SQL that reads a SQLite column as Unix seconds, following ``DateSemantics``.
///
/// SQLite has no date type: an application stores dates as ISO 8601 text, or as Unix time in an
/// INTEGER or REAL. This expression handles each storage class row by row, so a column that
/// mixes them is read right. Text is read with `julianday` (which understands `YYYY-MM-DD`,
/// `YYYY-MM-DD HH:MM[:SS[.SSS]]`, a `T` instead of the space, and a `Z` or `±HH:MM` suffix)
/// and rounded to the millisecond; text that does not start with `YYYY-MM-DD` and is not a plain
/// number gives NULL (unreadable).
enum SQLiteDates {
    static func epochSeconds(of quotedColumn: String) -> String {
        let c = quotedColumn
        let threshold = "100000000000"
        return """
        (CASE typeof(\(c)) \
        WHEN 'integer' THEN (CASE WHEN abs(\(c)) >= \(threshold) THEN \(c) / 1000.0 ELSE \(c) END) \
        WHEN 'real' THEN (CASE WHEN abs(\(c)) >= \(threshold) THEN \(c) / 1000.0 ELSE \(c) END) \
        WHEN 'text' THEN (CASE \
        WHEN \(c) GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]*' THEN round((julianday(\(c)) - 2440587.5) * 86400000.0) / 1000.0 \
        WHEN \(c) GLOB '[0-9]*' AND NOT \(c) GLOB '*[^0-9.]*' THEN (CASE WHEN abs(CAST(\(c) AS REAL)) >= \(threshold) THEN CAST(\(c) AS REAL) / 1000.0 ELSE CAST(\(c) AS REAL) END) \
        END) END)
        """
    }
}
