import CadreModel
import Foundation
import GRDB
import GRDBSQLite
import NIOConcurrencyHelpers

/// A SQLite database file, opened read-only.
///
/// Opened with `SQLITE_OPEN_READONLY` (GRDB's `Configuration.readonly`) and `PRAGMA query_only = ON`
/// on the connection: SQLite refuses any statement that would change the file, whatever runs on
/// it. The store offers no method that takes SQL; it builds every statement itself from names it
/// first found in `sqlite_master`, quoted, with values bound as parameters.
///
/// A database in WAL mode can be read while its application writes; SQLite may then create the
/// `-wal` and `-shm` files next to it (never the database file itself).
///
/// Threading: calls block the calling thread while GRDB's serial queue runs the statement; the
/// store is `Sendable` and its calls are serialized. Each query runs under a deadline (a SQLite
/// progress handler) of ``StoreOptions/queryTimeLimit``. A retention count or a date range of a
/// large table is read in parts at once, each on its own connection (``RowidParts``).
public final class SQLiteStore: Store {
    public let id: String
    public let engine = StoreEngine.sqlite
    let options: StoreOptions
    let queue: DatabaseQueue
    /// The database's path, the file it named when the store opened, and how its connections are
    /// opened: a read in parts (``readInParts``) opens more, on that file only.
    let path: String
    let file: LocalPath.Identity?
    let configuration: Configuration
    /// Connections opened for reads in parts, idle between them.
    let partConnections = NIOLockedValueBox<[DatabaseQueue]>([])
    let isClosed = NIOLockedValueBox(false)

    /// Opens the database the endpoint names, resolving `${VAR}` references from `environment`.
    /// - Throws: ``StoreError/Code/missingVariable``, ``StoreError/Code/invalidURL``,
    ///   ``StoreError/Code/missingFile``, ``StoreError/Code/unreadableFile`` (not a SQLite database,
    ///   no permission).
    @available(*, noasync, message: "store calls block; call them from a worker thread")
    public init(endpoint: StoreEndpoint, environment: [String: String], options: StoreOptions = StoreOptions())
        throws(StoreError)
    {
        id = endpoint.id
        self.options = options
        let resolved = try endpoint.resolvedURL(environment: environment)
        let path = try LocalPath.from(
            resolved, schemes: ["sqlite", "file"], store: id, baseDirectory: options.baseDirectory)
        try LocalPath.checkReadableFile(path, store: id)
        var configuration = Configuration()
        configuration.readonly = true
        configuration.label = "cadre.store"
        configuration.busyMode = .timeout(5)
        configuration.prepareDatabase { db in
            try db.execute(sql: "PRAGMA query_only = ON")
            try SQLiteISOText.register(on: db)
        }
        self.path = path
        file = LocalPath.identity(path)
        self.configuration = configuration
        do {
            queue = try DatabaseQueue(path: path, configuration: configuration)
            // Reading the schema proves the file is a database (SQLite opens lazily).
            _ = try queue.read { db in try Int.fetchOne(db, sql: "SELECT count(*) FROM sqlite_master") }
        } catch {
            throw Self.storeError(error, store: endpoint.id, table: nil, column: nil, opening: true)
        }
    }

    public func close() {
        let wasClosed = isClosed.withLockedValue { closed in
            defer { closed = true }
            return closed
        }
        guard !wasClosed else { return }
        try? queue.close()
        let parts = partConnections.withLockedValue { connections in
            defer { connections = [] }
            return connections
        }
        for connection in parts { try? connection.close() }
    }

    /// Runs `body` in a read transaction, under a deadline; maps every error to a ``StoreError``.
    func read<T>(
        table: String?, column: String? = nil, deadline: ContinuousClock.Instant? = nil,
        _ body: (Database) throws -> T
    ) throws(StoreError) -> T {
        guard !isClosed.withLockedValue({ $0 }) else {
            throw StoreError(.closed, store: id, table: table, message: "the store was closed")
        }
        let deadline = deadline ?? ContinuousClock.now.advanced(by: options.queryTimeLimit.clampedLimit)
        do {
            return try queue.read { db in
                try SQLiteDeadline.run(on: db, until: deadline) { try body(db) }
            }
        } catch let error as StoreError {
            throw error
        } catch {
            throw Self.storeError(error, store: id, table: table, column: column, opening: false)
        }
    }

    /// A ``StoreError`` for a GRDB or SQLite error: the result code only, never GRDB's message
    /// (which quotes the SQL) nor the path.
    static func storeError(_ error: any Error, store: String, table: String?, column: String?, opening: Bool)
        -> StoreError
    {
        guard let error = error as? DatabaseError else {
            return StoreError(.queryFailed, store: store, table: table, column: column, message: "SQLite failed")
        }
        let code = "SQLITE_\(error.extendedResultCode.rawValue)"
        switch error.resultCode {
        case .SQLITE_INTERRUPT:
            return StoreError(
                .timeout, store: store, table: table, column: column,
                message: "the query ran past its time limit and was stopped", sqlState: code)
        case .SQLITE_NOTADB, .SQLITE_CANTOPEN, .SQLITE_PERM, .SQLITE_AUTH:
            return StoreError(
                .unreadableFile, store: store, table: table, column: column,
                message: "the file is not a SQLite database cadre may read", sqlState: code)
        case .SQLITE_CORRUPT:
            return StoreError(
                .unreadableFile, store: store, table: table, column: column,
                message: "the database file is corrupt", sqlState: code)
        case .SQLITE_BUSY, .SQLITE_LOCKED:
            return StoreError(
                .queryFailed, store: store, table: table, column: column,
                message: "the database stayed locked by another process", sqlState: code)
        case .SQLITE_READONLY:
            return StoreError(
                .queryFailed, store: store, table: table, column: column,
                message: "a statement tried to write and SQLite refused it (the store is read-only)", sqlState: code)
        default:
            return StoreError(
                .queryFailed, store: store, table: table, column: column,
                message: opening ? "SQLite could not open the database" : "SQLite could not run the query",
                sqlState: code)
        }
    }
}
