import CadreModel
import Foundation
import Logging
import NIOConcurrencyHelpers
import NIOCore
import NIOPosix
import PostgresNIO

/// A PostgreSQL database, read through one connection in read-only transactions.
///
/// Read-only three times over: the session starts with `default_transaction_read_only = on`;
/// every call runs inside `BEGIN ISOLATION LEVEL REPEATABLE READ, READ ONLY` and ends with
/// `ROLLBACK`; and the store offers no method that takes SQL — it builds every statement from
/// names it first found in `information_schema`, quoted, with values bound as parameters.
/// Each transaction sets `statement_timeout` to the query's time limit and the time zone to UTC,
/// in a first `SELECT` that also takes the transaction's snapshot, after which PostgreSQL refuses
/// `SET TRANSACTION READ WRITE`.
///
/// ## Threading
/// postgres-nio runs the connection on an event loop of SwiftNIO's shared group
/// (`MultiThreadedEventLoopGroup.singleton`: one thread per core, started on first use, kept for
/// the process and shared by every store), so a store costs a connection, not a thread.
/// A call sends its statements to that loop and blocks the calling thread on the result
/// (`EventLoopFuture.wait()`), which is legal on any thread but the event loop's own and must not
/// happen on a Swift concurrency thread: call the store from worker threads (the methods are
/// `noasync`). Calls are serialized by a lock, one transaction at a time; open one store per
/// worker to query in parallel. Should the server stop answering, the connection is closed a few
/// seconds after the time limit and the call fails with ``StoreError/Code/timeout``.
public final class PostgresStore: Store {
    public let id: String
    public let engine = StoreEngine.postgres
    let options: StoreOptions
    let connection: PostgresConnection
    /// One transaction at a time; `true` once closed.
    let state = NIOLockedValueBox(false)
    let logger = Logger(label: "cadre.stores.postgres", factory: { _ in SwiftLogNoOpLogHandler() })

    /// Connects to the server the endpoint names, resolving `${VAR}` references from `environment`.
    /// - Throws: ``StoreError/Code/missingVariable``, ``StoreError/Code/invalidURL``,
    ///   ``StoreError/Code/serverUnreachable``, ``StoreError/Code/authenticationFailed``,
    ///   ``StoreError/Code/missingDatabase``, ``StoreError/Code/tlsFailed``.
    @available(*, noasync, message: "store calls block; call them from a worker thread")
    public init(endpoint: StoreEndpoint, environment: [String: String], options: StoreOptions = StoreOptions())
        throws(StoreError)
    {
        id = endpoint.id
        self.options = options
        let resolved = try endpoint.resolvedURL(environment: environment)
        let location = try PostgresLocation.parse(resolved, store: id)
        let configuration = try location.configuration(options: options, store: id)
        let logger = self.logger
        do {
            connection = try PostgresConnection.connect(
                on: MultiThreadedEventLoopGroup.singleton.next(), configuration: configuration, id: 1, logger: logger
            ).wait()
        } catch {
            throw PostgresErrors.storeError(error, store: endpoint.id, table: nil, column: nil, connecting: true)
        }
    }

    deinit {
        // Without close(): close the connection without blocking whatever thread runs deinit.
        if !state.withLockedValue({ $0 }) { connection.close().whenComplete { _ in } }
    }

    public func close() {
        state.withLockedValue { closed in
            guard !closed else { return }
            closed = true
            try? connection.close().wait()
        }
    }

    /// Runs `body` inside a read-only transaction, one at a time, and always rolls back.
    func transaction<T>(
        table: String?, column: String? = nil, timeLimit: Duration? = nil,
        _ body: (PostgresSession) throws -> T
    ) throws(StoreError) -> T {
        let limit = timeLimit ?? options.queryTimeLimit
        let result: Result<T, StoreError> = state.withLockedValue { closed in
            guard !closed else {
                return .failure(StoreError(.closed, store: id, table: table, message: "the store was closed"))
            }
            let session = PostgresSession(connection: connection, logger: logger, timeLimit: limit)
            do {
                try session.run("BEGIN ISOLATION LEVEL REPEATABLE READ, READ ONLY")
                defer { _ = try? session.run("ROLLBACK") }
                // Transaction-local settings, in a SELECT: it also takes the snapshot, after which
                // the transaction can no longer be switched to read-write.
                let timeout = "\(limit.wholeMilliseconds)"
                try session.run(
                    "SELECT set_config('statement_timeout', \(timeout), true), set_config('TimeZone', 'UTC', true)")
                return .success(try body(session))
            } catch {
                return .failure(
                    PostgresErrors.storeError(error, store: id, table: table, column: column, connecting: false))
            }
        }
        return try result.get()
    }
}

/// The statements of one transaction, each awaited with a client-side deadline.
struct PostgresSession {
    let connection: PostgresConnection
    let logger: Logger
    let timeLimit: Duration

    /// Runs a statement and returns its rows (all of them: callers bound them with `LIMIT`/`FETCH`).
    @discardableResult
    func run(_ query: PostgresQuery) throws -> [PostgresRow] {
        let future = connection.query(query, logger: logger)
        // If the server stops answering, close the connection a while after the server-side
        // statement_timeout should have fired; the wait then fails instead of hanging.
        let connection = self.connection
        let watchdog = connection.eventLoop.scheduleTask(in: .milliseconds(timeLimit.wholeMilliseconds + 5_000)) {
            let closing: EventLoopFuture<Void> = connection.close()
            _ = closing
        }
        defer { watchdog.cancel() }
        return try future.wait().rows
    }
}
