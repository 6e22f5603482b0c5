import GRDB
import GRDBSQLite

/// The retention count's fast path for the dates most applications write: ISO 8601 text in one
/// of three exact shapes — `YYYY-MM-DD`, `YYYY-MM-DD HH:MM:SS` (or with `T`), the same with `Z`.
///
/// A SQL function, `cadre_iso_older(value, cutoff)`, registered on each connection of a SQLite
/// store: 1 when `value` is text of those shapes whose instant is before `cutoff` (in `julianday`
/// milliseconds), 0 when it is not, NULL for anything else — which the count's statement then
/// reads as before (``SQLiteDates/isOlder(_:)``). For those shapes it reads what SQLite's own
/// `julianday` reads, to the millisecond (the same field ranges — month 1–12, day 1–31, hour
/// 0–24, minute and second 0–59 — and the same arithmetic, a 31 February being 3 March), so counts
/// are those of `julianday` on every row; `SQLiteISOTextTests` holds the two to the same answer.
/// It reads the bytes in place, without `julianday`'s parser: on 10 million rows the `cadre`
/// process counted in 1.45 times the time of the `sqlite3` shell's plain text comparison, against
/// 3.3 times with `julianday` on every row; counted in parts on every core (``RowidParts``), in
/// 0.9 times (BENCHMARKS.md).
enum SQLiteISOText {
    static let functionName = "cadre_iso_older"

    /// Registers ``functionName`` on `db`.
    static func register(on db: Database) throws {
        let code = sqlite3_create_function_v2(
            db.sqliteConnection, functionName, 2, SQLITE_UTF8 | SQLITE_DETERMINISTIC | SQLITE_INNOCUOUS, nil,
            isOlder, nil, nil, nil)
        guard code == SQLITE_OK else {
            throw DatabaseError(resultCode: ResultCode(rawValue: code), message: "cannot register \(functionName)")
        }
    }

    /// The instant `text` names, in `julianday` milliseconds (from noon, 24 November 4714 BC),
    /// when it has one of the three shapes; nil otherwise.
    static func julianMilliseconds(_ text: UnsafeBufferPointer<UInt8>) -> Int64? {
        let count = text.count
        guard count == 10 || count == 19 || count == 20 else { return nil }
        // Called once a row: the digits are read in place, each checked as it is read (a byte
        // minus "0" is a digit when below 10), with no loop or closure.
        let zero = UInt8(ascii: "0")
        let (y0, y1, y2, y3) = (text[0] &- zero, text[1] &- zero, text[2] &- zero, text[3] &- zero)
        let (m0, m1, d0, d1) = (text[5] &- zero, text[6] &- zero, text[8] &- zero, text[9] &- zero)
        guard text[4] == UInt8(ascii: "-"), text[7] == UInt8(ascii: "-"), y0 < 10, y1 < 10, y2 < 10, y3 < 10,
            m0 < 10, m1 < 10, d0 < 10, d1 < 10
        else { return nil }
        var year = Int64(y0) * 1000 + Int64(y1) * 100 + Int64(y2) * 10 + Int64(y3)
        var month = Int64(m0) * 10 + Int64(m1)
        let day = Int64(d0) * 10 + Int64(d1)
        guard month >= 1, month <= 12, day >= 1, day <= 31 else { return nil }
        var milliseconds: Int64 = 0
        if count > 10 {
            let (h0, h1, n0, n1) = (text[11] &- zero, text[12] &- zero, text[14] &- zero, text[15] &- zero)
            let (s0, s1) = (text[17] &- zero, text[18] &- zero)
            guard text[10] == UInt8(ascii: " ") || text[10] == UInt8(ascii: "T"), text[13] == UInt8(ascii: ":"),
                text[16] == UInt8(ascii: ":"), h0 < 10, h1 < 10, n0 < 10, n1 < 10, s0 < 10, s1 < 10
            else { return nil }
            let hour = Int64(h0) * 10 + Int64(h1)
            let minute = Int64(n0) * 10 + Int64(n1)
            let second = Int64(s0) * 10 + Int64(s1)
            guard hour <= 24, minute <= 59, second <= 59 else { return nil }
            if count == 20 {
                guard text[19] == UInt8(ascii: "Z") || text[19] == UInt8(ascii: "z") else { return nil }
            }
            milliseconds = hour * 3_600_000 + minute * 60_000 + second * 1000
        }
        // SQLite's computeJD, in integers: its `(X1 + X2 + D + B - 1524.5) * 86400000` is exact.
        if month <= 2 {
            year -= 1
            month += 12
        }
        let a = year / 100
        let b = 2 - a + a / 4
        let x1 = 36525 * (year + 4716) / 100
        let x2 = 306_001 * (month + 1) / 10000
        return (x1 + x2 + day + b) * 86_400_000 - 131_716_800_000 + milliseconds
    }
}

/// `cadre_iso_older(value, cutoff)`: 1 or 0 for text of the three shapes, NULL (no result set)
/// for anything else.
private func isOlder(_ context: OpaquePointer?, _ count: Int32, _ values: UnsafeMutablePointer<OpaquePointer?>?) {
    guard count == 2, let values, let value = values[0], let cutoff = values[1],
        sqlite3_value_type(value) == SQLITE_TEXT, let text = sqlite3_value_text(value)
    else { return }
    let length = Int(sqlite3_value_bytes(value))
    guard let instant = SQLiteISOText.julianMilliseconds(UnsafeBufferPointer(start: text, count: length)) else {
        return
    }
    sqlite3_result_int(context, instant < sqlite3_value_int64(cutoff) ? 1 : 0)
}
