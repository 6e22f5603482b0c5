import GRDB
import GRDBSQLite

/// A deadline on the statements run in `body`: a SQLite progress handler that looks at the clock
/// every few thousand virtual-machine steps and interrupts the statement once the deadline is past
/// (it then fails with `SQLITE_INTERRUPT`).
enum SQLiteDeadline {
    /// The clock the handler reads, boxed for the C callback.
    private final class Box {
        let deadline: ContinuousClock.Instant
        init(_ deadline: ContinuousClock.Instant) { self.deadline = deadline }
    }

    static func run<T>(on db: Database, until deadline: ContinuousClock.Instant, _ body: () throws -> T) throws -> T {
        guard let connection = db.sqliteConnection else { return try body() }
        let box = Box(deadline)
        return try withExtendedLifetime(box) {
            sqlite3_progress_handler(
                connection, 4096,
                { context in
                    guard let context else { return 0 }
                    let box = Unmanaged<Box>.fromOpaque(context).takeUnretainedValue()
                    return ContinuousClock.now >= box.deadline ? 1 : 0
                }, Unmanaged.passUnretained(box).toOpaque())
            defer { sqlite3_progress_handler(connection, 0, nil, nil) }
            return try body()
        }
    }
}
