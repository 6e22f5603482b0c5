import CadreModel
import Foundation

/// A data store a descriptor declares, opened for reading: SQLite, PostgreSQL, or CSV/JSONL files.
///
/// Every method is **synchronous** and answers from the store itself: counts, distinct counts and
/// date ranges run as SQL in the database (quoted identifiers, bound parameters) or, for files, as
/// one streaming pass. No method writes, and none returns a value read from a row except counts,
/// dates, schema names and redacted examples.
///
/// ## Threading
/// Call a store from ordinary threads (the engine's worker threads, one Lua state each). Calls may
/// block until the store answers, so never call them from a Swift concurrency task or a SwiftNIO
/// event loop; they are marked `noasync` so the compiler refuses the first. A store is `Sendable`:
/// several threads may share one, and its calls are then serialized (one query at a time per
/// store); open one store per worker to query in parallel.
///
/// ## Read-only
/// - ``SQLiteStore``: opened with `SQLITE_OPEN_READONLY` and `PRAGMA query_only = ON`.
/// - ``PostgresStore``: every query runs inside `BEGIN READ ONLY … ROLLBACK`, on a session whose
///   `default_transaction_read_only` is on.
/// - ``FileStore``: files are opened with `O_RDONLY`.
///
/// ## Dates
/// Age questions take a cutoff instant computed by the caller. In SQLite and files a date value is
/// a number (Unix time in seconds, or milliseconds when its magnitude is 10¹¹ or more), text of
/// digits (the same), or ISO 8601 text (`2025-03-10`, `2025-03-10 14:30:00`,
/// `2025-03-10T14:30:00.250+02:00`, `…Z`; no zone means UTC). Anything else is *unreadable*: never
/// counted as older, and counted in ``DateRange/unreadable``. PostgreSQL `date`, `timestamp` (UTC)
/// and `timestamptz` columns are compared natively.
public protocol Store: AnyObject, Sendable {
    /// The store's id, as the descriptor names it.
    var id: String { get }
    /// What kind of store.
    var engine: StoreEngine { get }

    /// The names of the tables (and views, or files) the store holds, sorted.
    @available(*, noasync, message: "store calls block; call them from a worker thread")
    func tableNames() throws(StoreError) -> [String]

    /// The columns of a table, in the store's order.
    /// - Throws: ``StoreError/Code/missingTable`` when there is no such table.
    @available(*, noasync, message: "store calls block; call them from a worker thread")
    func schema(of table: String) throws(StoreError) -> TableSchema

    /// The number of rows of `table` that pass `filter`, counted in the store.
    /// - Throws: ``StoreError/Code/missingTable``, ``StoreError/Code/missingColumn``,
    ///   ``StoreError/Code/timeout`` past ``StoreOptions/queryTimeLimit``, or a connection error.
    @available(*, noasync, message: "store calls block; call them from a worker thread")
    func count(in table: String, where filter: RowFilter) throws(StoreError) -> Int

    /// The number of distinct non-null values of `column`, counted in the store.
    ///
    /// File stores count exactly up to 4 million distinct values, then estimate (HyperLogLog,
    /// about 1% error) so memory stays bounded.
    @available(*, noasync, message: "store calls block; call them from a worker thread")
    func distinctCount(in table: String, of column: String) throws(StoreError) -> Int

    /// The earliest and latest dates of a date column, and how many values are not dates.
    @available(*, noasync, message: "store calls block; call them from a worker thread")
    func dateRange(in table: String, of column: String) throws(StoreError) -> DateRange

    /// Streams the free-text `columns` of `table` through `detectors`, in bounded memory.
    ///
    /// Stops at ``ScanLimits/rowCap`` rows or after ``ScanLimits/timeLimit``, whichever comes
    /// first, and then says so in ``ScanReport/truncated``. Detectors run on the calling thread.
    /// - Returns: Counts per detector and redacted examples; no raw value.
    @available(*, noasync, message: "store calls block; call them from a worker thread")
    func scan(
        _ table: String, columns: [String], detectors: DetectorRegistry, limits: ScanLimits
    ) throws(StoreError) -> ScanReport

    /// Releases the connection. Later calls throw ``StoreError/Code/closed``. Calling it twice is harmless.
    @available(*, noasync, message: "store calls block; call them from a worker thread")
    func close()
}
