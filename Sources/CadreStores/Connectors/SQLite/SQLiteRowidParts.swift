import Foundation
import GRDB
import GRDBSQLite
import Synchronization

/// A large table split into ranges of rowids, read at once, each on its own connection: a
/// retention count and a date range read every row through a function (``SQLiteISOText``,
/// `julianday`), which costs SQLite a call a row; on 10 million rows, counting in two parts on two
/// cores takes about half the time of one statement (BENCHMARKS.md).
///
/// Only an ordinary rowid table is split (not a view, a virtual table or a `WITHOUT ROWID` table),
/// of at least twice ``StoreOptions/rowsPerPart`` rowids, in as many parts as there are cores
/// (8 at most). The ranges cover every integer, so every row is in exactly one part, whatever
/// rowids the table holds: the parts' counts add up to the count one statement gives, and their
/// earliest and latest dates are the table's. Each part is a read transaction of its own, begun at
/// the same moment: in a database in WAL mode that an application writes at that moment, a write
/// committed between the parts' beginnings is seen by the later parts only — the answer is then
/// of the rows as they were within those microseconds.
struct RowidParts: Sendable, Equatable {
    /// The name the table's rowid goes by (`rowid`, `_rowid_` or `oid`, the first no column takes).
    let rowid: String
    let quotedTable: String
    /// The first rowid of each part after the first (the first part starts at the lowest integer,
    /// the last ends at the highest).
    let starts: [Int64]

    var count: Int { starts.count + 1 }

    /// The lowest and highest rowid of part `index`.
    func bounds(of index: Int) -> (Int64, Int64) {
        (index == 0 ? Int64.min : starts[index - 1], index == starts.count ? Int64.max : starts[index] - 1)
    }

    /// The lowest and highest rowid of a table: two statements in one, as SQLite finds a lone
    /// `min()` or `max()` of the rowid at an end of the table, but scans every row for both in
    /// one SELECT.
    static func boundsSQL(rowid: String, quotedTable: String) -> String {
        "SELECT (SELECT min(\(rowid)) FROM \(quotedTable)), (SELECT max(\(rowid)) FROM \(quotedTable))"
    }

    /// The parts to read `table` in, on `db` (a read transaction); nil when it is read whole:
    /// fewer rowids than two parts, one core, or not an ordinary rowid table.
    static func plan(_ db: Database, table: TableSchema, rowsPerPart: Int) throws -> RowidParts? {
        let cores = min(ProcessInfo.processInfo.activeProcessorCount, 8)
        guard cores > 1, rowsPerPart > 0 else { return nil }
        let taken = Set(table.columns.map { $0.name.lowercased() })
        guard let rowid = ["rowid", "_rowid_", "oid"].first(where: { !taken.contains($0) }) else { return nil }
        // `pragma_table_list` (SQLite 3.37) tells views, virtual and WITHOUT ROWID tables apart; a
        // SQLite without it counts whole.
        guard
            let kind = try? Row.fetchOne(
                db, sql: "SELECT type, wr FROM pragma_table_list WHERE schema = 'main' AND name = ?",
                arguments: [table.name]),
            kind["type"] as String? == "table", kind["wr"] as Int? == 0
        else { return nil }
        let quotedTable = SQLIdentifier.quoted(table.name)
        guard
            let range = try Row.fetchOne(db, sql: boundsSQL(rowid: rowid, quotedTable: quotedTable)),
            let low = range[0] as Int64?, let high = range[1] as Int64?
        else { return nil }
        let (span, overflow) = high.subtractingReportingOverflow(low)
        guard !overflow, span < Int64.max else { return nil }
        let parts = min(Int64(cores), (span + 1) / Int64(rowsPerPart))
        guard parts > 1 else { return nil }
        let step = (span + 1) / parts
        return RowidParts(rowid: rowid, quotedTable: quotedTable, starts: (1..<parts).map { low + $0 * step })
    }
}

extension SQLiteStore {
    /// The count of the rows of `parts`' table where `condition` holds (its parameters
    /// `arguments`, the rowid bounds bound after them), the parts counted at once, every part
    /// under `deadline`.
    func countInParts(
        _ parts: RowidParts, where condition: String, arguments: [DatabaseValue], table: String, column: String?,
        deadline: ContinuousClock.Instant
    ) throws(StoreError) -> Int {
        let first = arguments.count
        let sql = """
            SELECT count(*) FROM \(parts.quotedTable) \
            WHERE \(parts.rowid) >= ?\(first + 1) AND \(parts.rowid) <= ?\(first + 2) AND \(condition)
            """
        let counts = try readInParts(parts, table: table, column: column, deadline: deadline) { db, low, high in
            try Int.fetchOne(
                db, sql: sql, arguments: StatementArguments(arguments + [low.databaseValue, high.databaseValue]))
                ?? 0
        }
        return counts.reduce(0, +)
    }

    /// `body` run on every part of `parts` at once, given the part's lowest and highest rowid —
    /// the first part on the store's connection, each other on a connection of its own —, every
    /// part under `deadline`: the parts' answers in order, or the first failing part's error.
    func readInParts<T: Sendable>(
        _ parts: RowidParts, table: String, column: String?, deadline: ContinuousClock.Instant,
        _ body: @Sendable (Database, Int64, Int64) throws -> T
    ) throws(StoreError) -> [T] {
        let answers = Mutex<[Result<T, StoreError>?]>(Array(repeating: nil, count: parts.count))
        DispatchQueue.concurrentPerform(iterations: parts.count) { index in
            let (low, high) = parts.bounds(of: index)
            let answer: Result<T, StoreError>
            do throws(StoreError) {
                if index == 0 {
                    answer = .success(
                        try read(table: table, column: column, deadline: deadline) { try body($0, low, high) })
                } else {
                    answer = .success(
                        try readOnPartConnection(table: table, column: column, deadline: deadline) {
                            try body($0, low, high)
                        })
                }
            } catch {
                answer = .failure(error)
            }
            answers.withLock { $0[index] = answer }
        }
        var found: [T] = []
        for answer in answers.withLock({ $0 }) {
            switch answer {
            case .success(let value)?: found.append(value)
            case .failure(let error)?: throw error
            case nil: throw StoreError(.queryFailed, store: id, table: table, column: column, message: "SQLite failed")
            }
        }
        return found
    }

    /// Runs `body` in a read transaction on an idle part connection (opened when none is), under
    /// `deadline`; the connection is idle again afterwards. When the path no longer names the file
    /// the store opened (replaced meanwhile, by another database or by a FIFO that opening would
    /// wait on), no connection is opened: the part is read on the store's own connection.
    private func readOnPartConnection<T>(
        table: String, column: String?, deadline: ContinuousClock.Instant, _ body: (Database) throws -> T
    ) throws(StoreError) -> T {
        guard !isClosed.withLockedValue({ $0 }) else {
            throw StoreError(.closed, store: id, table: table, message: "the store was closed")
        }
        let idle = partConnections.withLockedValue { $0.popLast() }
        guard idle != nil || (file != nil && LocalPath.identity(path) == file) else {
            return try read(table: table, column: column, deadline: deadline, body)
        }
        do {
            let connection = try idle ?? DatabaseQueue(path: path, configuration: configuration)
            defer {
                // Kept for the next count, unless the store was closed meanwhile.
                let kept = isClosed.withLockedValue { closed in
                    if !closed { partConnections.withLockedValue { $0.append(connection) } }
                    return !closed
                }
                if !kept { try? connection.close() }
            }
            return try connection.read { db in
                try SQLiteDeadline.run(on: db, until: deadline) { try body(db) }
            }
        } catch {
            throw Self.storeError(error, store: id, table: table, column: column, opening: false)
        }
    }
}
