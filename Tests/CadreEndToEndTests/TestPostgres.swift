import Foundation
import Testing

/// The PostgreSQL server of the end-to-end tests, started by `scripts/start-postgres.sh` (which
/// `make test` and `.ci/run` call) and named by `CADRE_TEST_PG_URL`.
enum TestPostgres {
    /// The server's URL; nil when the PostgreSQL tests are skipped on purpose
    /// (`CADRE_SKIP_POSTGRES=1`), or — after recording why — when no server is named.
    static func url(sourceLocation: SourceLocation = #_sourceLocation) -> String? {
        let environment = ProcessInfo.processInfo.environment
        guard environment["CADRE_SKIP_POSTGRES"] != "1" else { return nil }
        guard let url = environment["CADRE_TEST_PG_URL"], !url.isEmpty else {
            Issue.record(
                "CADRE_TEST_PG_URL is not set: run `make test`, which starts a PostgreSQL server (CADRE_SKIP_POSTGRES=1 skips)",
                sourceLocation: sourceLocation)
            return nil
        }
        return url
    }

    /// Runs `sql` on the server at `url` with psql, unaligned, tuples only.
    static func psql(_ url: String, _ sql: String) throws -> CadreCommand.Output {
        try CadreCommand.runProgram("psql", [url, "-X", "-q", "-t", "-A", "-c", sql])
    }
}
