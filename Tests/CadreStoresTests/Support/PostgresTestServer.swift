import Foundation
import Logging
import NIOCore
import NIOPosix
import PostgresNIO
import Testing

/// The PostgreSQL server of the tests, started by `scripts/start-postgres.sh` (which `make test`
/// and `.ci/run` call) and named by `CADRE_TEST_PG_URL`.
///
/// Without that variable the PostgreSQL tests fail, saying how to start the server, so CI cannot
/// pass without running them; a developer may skip them with `CADRE_SKIP_POSTGRES=1`.
enum PostgresTestServer {
    static let environment = ProcessInfo.processInfo.environment
    static var isSkipped: Bool { environment["CADRE_SKIP_POSTGRES"] == "1" }

    /// The server's URL, or nil after recording why the test cannot run.
    static func url(sourceLocation: SourceLocation = #_sourceLocation) -> String? {
        guard let url = environment["CADRE_TEST_PG_URL"], !url.isEmpty else {
            Issue.record(
                """
                CADRE_TEST_PG_URL is not set: the PostgreSQL tests need a server. Run `make test` (it starts one \
                with scripts/start-postgres.sh), or `eval "$(scripts/start-postgres.sh)"` before `swift test`; \
                set CADRE_SKIP_POSTGRES=1 to skip these tests on purpose.
                """, sourceLocation: sourceLocation)
            return nil
        }
        return url
    }

    /// The URL with another password, database or port.
    static func variant(of url: String, password: String? = nil, database: String? = nil, port: Int? = nil) -> String {
        var components = URLComponents(string: url) ?? URLComponents()
        if let password { components.password = password }
        if let database { components.path = "/" + database }
        if let port { components.port = port }
        return components.string ?? url
    }
}

/// A writable connection for the tests to create and fill tables (the store never writes).
final class PostgresSeeder {
    let group = MultiThreadedEventLoopGroup(numberOfThreads: 1)
    let connection: PostgresConnection
    let logger = Logger(label: "test", factory: { _ in SwiftLogNoOpLogHandler() })
    /// A suffix unique to this seeder, for table names that do not clash between parallel tests.
    let suffix = "t" + UUID().uuidString.prefix(8).lowercased()

    init(url: String) throws {
        let c = URLComponents(string: url) ?? URLComponents()
        let configuration = PostgresConnection.Configuration(
            host: c.host ?? "127.0.0.1", port: c.port ?? 5432, username: c.user ?? "", password: c.password,
            database: String(c.path.dropFirst()), tls: .disable)
        connection = try PostgresConnection.connect(
            on: group.next(), configuration: configuration, id: 9, logger: logger
        ).wait()
    }

    deinit {
        _ = try? connection.close().wait()
        try? group.syncShutdownGracefully()
    }

    @discardableResult
    func run(_ sql: String) throws -> [PostgresRow] {
        try connection.query(PostgresQuery(unsafeSQL: sql), logger: logger).wait().rows
    }

    func run(_ query: PostgresQuery) throws {
        _ = try connection.query(query, logger: logger).wait()
    }

    /// A digest of a table's rows, in id order.
    func digest(_ table: String) throws -> String {
        try run(
            "SELECT coalesce(md5(string_agg(t::text, '|' ORDER BY t::text)), '') || ':' || count(*) FROM \(table) t"
        )
        .first?.decode(String.self) ?? ""
    }

    /// The tables of the public schema, sorted.
    func tables() throws -> [String] {
        try run("SELECT table_name FROM information_schema.tables WHERE table_schema = 'public' ORDER BY 1")
            .map { try $0.decode(String.self) }
    }
}
