import Foundation
import PostgresNIO
import Testing

@testable import CadreStores

/// A real PostgreSQL server: introspection, pushdown counts on every date type, cursor scans,
/// read-only proofs, and the errors a server gives.
@Suite(.enabled(if: !PostgresTestServer.isSkipped, "CADRE_SKIP_POSTGRES=1"))
struct PostgresStoreTests {
    /// Tables for one test: recordings_<suffix> (every date type), chats_<suffix>, slow_<suffix>.
    final class Fixture {
        let url: String
        let seeder: PostgresSeeder
        var recordings: String { "recordings_\(seeder.suffix)" }
        var chats: String { "chats_\(seeder.suffix)" }

        init?(chats chatCount: Int = 30) throws {
            guard let url = PostgresTestServer.url() else { return nil }
            self.url = url
            seeder = try PostgresSeeder(url: url)
            do { try seed(chatCount) } catch {
                Issue.record("seeding failed: \(String(reflecting: error))")
                throw error
            }
        }

        func seed(_ chatCount: Int) throws {
            try seeder.run(
                """
                CREATE TABLE \(recordings) (id serial PRIMARY KEY, at_text text, at_tz timestamptz, at_local timestamp,
                  on_day date, at_epoch bigint, caller_phone text, agent_id int, meta jsonb, consent boolean)
                """)
            for (k, (value, _)) in DateCases.values.enumerated() {
                var query = PostgresQuery(unsafeSQL: "")
                let phone: String? = k % 3 == 0 ? nil : Seeds.phone
                let text = DateCases.text(value)
                query = """
                    INSERT INTO \(unescaped: recordings) (at_text, caller_phone, agent_id, meta) VALUES (\(text), \(phone), \(k % 4), \(k % 2 == 0 ? "{\"k\": 1}" : nil)::jsonb)
                    """
                try seeder.run(query)
            }
            // Native types: 2024-06-30, 2024-12-31 23:00, 2025-01-01 00:00 (not older), 2025-03-10; one null.
            try seeder.run(
                """
                UPDATE \(recordings) SET
                  at_tz = CASE id WHEN 1 THEN '2024-06-30T12:00:00Z' WHEN 2 THEN '2025-01-01T01:00:00+02:00'
                                  WHEN 3 THEN '2025-01-01T00:00:00Z' WHEN 4 THEN '2025-03-10T14:30:00Z' END::timestamptz,
                  at_local = CASE id WHEN 1 THEN '2024-06-30 12:00:00' WHEN 2 THEN '2024-12-31 23:00:00'
                                     WHEN 3 THEN '2025-01-01 00:00:00' WHEN 4 THEN '2025-03-10 14:30:00' END::timestamp,
                  on_day = CASE id WHEN 1 THEN DATE '2024-06-30' WHEN 2 THEN DATE '2024-12-31'
                                   WHEN 3 THEN DATE '2025-01-01' WHEN 4 THEN DATE '2025-03-10' END,
                  at_epoch = CASE id WHEN 1 THEN 1700000000 WHEN 2 THEN 1700000000000 WHEN 3 THEN 1800000000 WHEN 4 THEN 1735689600 END
                """)
            try seeder.run("CREATE TABLE \(chats) (id serial PRIMARY KEY, channel text, message text, note text)")
            for k in 0..<chatCount {
                let message = k % 3 == 0 ? Seeds.message : "Merci pour votre aide, bonne journée."
                let note: String? = k % 5 == 0 ? Seeds.card : nil
                try seeder.run(
                    "INSERT INTO \(unescaped: chats) (channel, message, note) VALUES ('web', \(message), \(note))")
            }
        }

        deinit {
            _ = try? seeder.run("DROP TABLE IF EXISTS \(recordings), \(chats)")
            _ = try? seeder.run("DROP VIEW IF EXISTS slow_\(seeder.suffix)")
        }

        func open(_ options: StoreOptions = StoreOptions()) throws -> PostgresStore {
            try PostgresStore(
                endpoint: StoreEndpoint(id: "crm", engine: .postgres, url: "${CRM_URL}"),
                environment: ["CRM_URL": url], options: options)
        }
    }

    @Test func schemaIntrospection() throws {
        guard let f = try Fixture() else { return }
        let store = try f.open()
        defer { store.close() }
        #expect(try store.tableNames().contains(f.recordings))
        let schema = try store.schema(of: f.recordings.uppercased())
        #expect(schema.name == f.recordings)
        #expect(
            schema.columns.map(\.name) == [
                "id", "at_text", "at_tz", "at_local", "on_day", "at_epoch", "caller_phone", "agent_id", "meta",
                "consent",
            ])
        #expect(
            schema.columns.map(\.kind) == [
                .integer, .text, .timestamp, .timestamp, .date, .integer, .text, .integer, .json, .boolean,
            ])
        #expect(schema.columns.first?.isNullable == false)
        #expect(try store.schema(of: "public.\(f.recordings)").name == f.recordings)
    }

    @Test func pushdownCounts() throws {
        guard let f = try Fixture() else { return }
        let store = try f.open()
        defer { store.close() }
        #expect(try store.count(in: f.recordings) == DateCases.values.count)
        #expect(try store.count(in: f.recordings, whereNull: "caller_phone") == 5)
        #expect(try store.count(in: f.recordings, whereNotNull: "caller_phone") == DateCases.values.count - 5)
        #expect(try store.distinctCount(in: f.recordings, of: "agent_id") == 4)
        #expect(try store.distinctCount(in: f.recordings, of: "meta") == 1)
        #expect(try store.distinctCount(in: f.recordings, of: "caller_phone") == 1)
    }

    @Test func retentionCountsOnEveryDateType() throws {
        guard let f = try Fixture() else { return }
        let store = try f.open()
        defer { store.close() }
        let cutoff = DateCases.cutoff
        #expect(try store.count(in: f.recordings, olderThan: cutoff, by: "at_text") == DateCases.olderCount)
        #expect(try store.count(in: f.recordings, olderThan: cutoff, by: "at_tz") == 2)
        #expect(try store.count(in: f.recordings, olderThan: cutoff, by: "at_local") == 2)
        #expect(try store.count(in: f.recordings, olderThan: cutoff, by: "on_day") == 2)
        #expect(try store.count(in: f.recordings, olderThan: cutoff, by: "at_epoch") == 2)
        #expect(
            try store.dateRange(in: f.recordings, of: "at_text")
                == DateRange(
                    earliest: DateCases.earliest, latest: DateCases.latest, unreadable: DateCases.unreadableCount))
        let tz = try store.dateRange(in: f.recordings, of: "at_tz")
        #expect(tz.earliest == Date(timeIntervalSince1970: 1_719_748_800))  // 2024-06-30T12:00Z
        #expect(tz.latest == Date(timeIntervalSince1970: 1_741_617_000))  // 2025-03-10T14:30Z
        #expect(try store.dateRange(in: f.recordings, of: "at_local") == tz)
        #expect(
            try store.dateRange(in: f.recordings, of: "on_day").earliest == Date(timeIntervalSince1970: 1_719_705_600))
        #expect(
            try store.dateRange(in: f.recordings, of: "at_epoch")
                == DateRange(earliest: DateCases.earliest, latest: DateCases.latest, unreadable: 0))
        do {
            _ = try store.count(in: f.recordings, olderThan: cutoff, by: "consent")
            Issue.record("counted dates in a boolean")
        } catch {
            #expect(error.code == .unsupportedColumnType)
            #expect(error.message == "a column of type boolean holds no dates")
        }
    }

    @Test func textThatLooksLikeADateButIsNot() throws {
        guard let f = try Fixture() else { return }
        try f.seeder.run("UPDATE \(f.recordings) SET at_text = '2024-13-45' WHERE id = 1")
        let store = try f.open()
        defer { store.close() }
        do {
            _ = try store.count(in: f.recordings, olderThan: DateCases.cutoff, by: "at_text")
            Issue.record("counted")
        } catch {
            #expect(error.code == .invalidData)
            #expect(!error.description.contains("2024-13-45"))
        }
        // The session is fine afterwards (the failed transaction was rolled back).
        #expect(try store.count(in: f.recordings) == DateCases.values.count)
    }

    @Test func scanThroughACursor() throws {
        guard let f = try Fixture(chats: 100) else { return }
        let store = try f.open()
        defer { store.close() }
        let report = try store.scan(
            f.chats, columns: ["message", "note"], detectors: .standard, limits: ScanLimits(batchSize: 7))
        #expect(report.rowsScanned == 100)
        #expect(!report.truncated)
        #expect(report[detector: "email"]?.matches == 34)
        #expect(report[detector: "card"]?.matchesByColumn == ["message": 34, "note": 20])
        #expect(report[detector: "nir"]?.examples.map(\.text) == ["* ** ** ** *** *** 91"])
        let capped = try store.scan(
            f.chats, columns: ["message"], detectors: .standard, limits: ScanLimits(rowCap: 10, batchSize: 4))
        #expect(capped.rowsScanned == 10)
        #expect(capped.stoppedBy == .rowCap)
        let exact = try store.scan(
            f.chats, columns: ["message"], detectors: .standard, limits: ScanLimits(rowCap: 100, batchSize: 50))
        #expect(exact.rowsScanned == 100)
        #expect(!exact.truncated)
        let unlimited = try store.scan(
            f.chats, columns: ["message"], detectors: .standard,
            limits: ScanLimits(rowCap: .max, timeLimit: .seconds(Int64.max)))
        #expect(unlimited.rowsScanned == 100)
        var slow = DetectorRegistry()
        try slow.register(SlowDetector())
        let timed = try store.scan(
            f.chats, columns: ["message"], detectors: slow,
            limits: ScanLimits(timeLimit: .milliseconds(50), batchSize: 10))
        #expect(timed.stoppedBy == .timeLimit)
        #expect(timed.rowsScanned < 100)
    }

    @Test func writesAreRefusedInsideAndOutsideTheTransaction() throws {
        guard let f = try Fixture() else { return }
        let store = try f.open()
        defer { store.close() }
        let before = try f.seeder.digest(f.recordings)
        // Inside the store's transaction, below the API: the server refuses.
        for sql in [
            "INSERT INTO \(f.recordings) (agent_id) VALUES (1)", "DELETE FROM \(f.recordings)",
            "UPDATE \(f.recordings) SET agent_id = 0", "CREATE TABLE evil_\(f.seeder.suffix) (i int)",
            "DROP TABLE \(f.recordings)",
        ] {
            do {
                try store.transaction(table: nil) { session in _ = try session.run(PostgresQuery(unsafeSQL: sql)) }
                Issue.record("wrote: \(sql)")
            } catch {
                #expect(error.sqlState == "25006", "\(sql): \(error)")
            }
        }
        do {
            try store.transaction(table: nil) { session in
                _ = try session.run("SET TRANSACTION READ WRITE")
                _ = try session.run(PostgresQuery(unsafeSQL: "DELETE FROM \(f.recordings)"))
            }
            Issue.record("switched to read-write")
        } catch {
            #expect(error.sqlState == "25001")
        }
        // Outside any transaction, the session default is read-only too.
        #expect(throws: PSQLError.self) {
            try store.connection.query(PostgresQuery(unsafeSQL: "DELETE FROM \(f.recordings)"), logger: store.logger)
                .wait()
        }
        // Through the API, with hostile names, nothing changes.
        SQLiteReadOnlyTests.everything(store)
        for hostile in ["\(f.recordings)\"; DELETE FROM \(f.recordings); --", "\(f.recordings); DROP TABLE \(f.chats)"]
        {
            #expect(throws: StoreError.self) { try store.count(in: hostile) }
            #expect(throws: StoreError.self) { try store.count(in: f.recordings, whereNull: hostile) }
        }
        #expect(try f.seeder.digest(f.recordings) == before)
        #expect(try f.seeder.tables().contains(f.chats))
        #expect(try !f.seeder.tables().contains("evil_\(f.seeder.suffix)"))
    }

    @Test func queriesStopAtTheTimeLimit() throws {
        guard let f = try Fixture() else { return }
        try f.seeder.run("CREATE VIEW slow_\(f.seeder.suffix) AS SELECT 1 AS x FROM pg_sleep(3)")
        let store = try f.open(StoreOptions(queryTimeLimit: .milliseconds(200)))
        defer { store.close() }
        let started = ContinuousClock.now
        do {
            _ = try store.count(in: "slow_\(f.seeder.suffix)")
            Issue.record("no timeout")
        } catch {
            #expect(error.code == .timeout)
            #expect(error.sqlState == "57014")
        }
        #expect(ContinuousClock.now - started < .seconds(2))
        #expect(try store.count(in: f.recordings) == DateCases.values.count)
    }

    @Test func sharedBetweenWorkerThreads() throws {
        guard let f = try Fixture(chats: 60) else { return }
        let store = try f.open()
        defer { store.close() }
        let results = SharedResults()
        let recordings = f.recordings
        let chats = f.chats
        let threads = (0..<4).map { _ in
            Thread {
                for _ in 0..<5 {
                    let old = (try? store.count(in: recordings, olderThan: DateCases.cutoff, by: "at_text")) ?? -1
                    let report = try? store.scan(
                        chats, columns: ["message"], detectors: .standard, limits: ScanLimits(batchSize: 16))
                    results.append(old * 1000 + (report?[detector: "email"]?.matches ?? -1))
                }
            }
        }
        for thread in threads { thread.start() }
        let deadline = Date().addingTimeInterval(30)
        while results.count < 20, Date() < deadline { Thread.sleep(forTimeInterval: 0.01) }
        #expect(Set(results.values) == [DateCases.olderCount * 1000 + 20])
    }
}

/// What a server says when something is wrong, as typed errors without the URL's parts.
@Suite(.enabled(if: !PostgresTestServer.isSkipped, "CADRE_SKIP_POSTGRES=1"))
struct PostgresProblemTests {
    func open(_ url: String) throws(StoreError) -> PostgresStore {
        try PostgresStore(
            endpoint: StoreEndpoint(id: "crm", engine: .postgres, url: "${CRM_URL}"),
            environment: ["CRM_URL": url], options: StoreOptions(connectTimeout: .seconds(3)))
    }

    func expectError(_ url: String, _ code: StoreError.Code, sourceLocation: SourceLocation = #_sourceLocation) {
        do {
            let store = try open(url)
            store.close()
            Issue.record("connected", sourceLocation: sourceLocation)
        } catch {
            #expect(error.code == code, sourceLocation: sourceLocation)
            #expect(error.store == "crm", sourceLocation: sourceLocation)
            let c = URLComponents(string: url)
            for secret in [c?.password, c?.user, c?.host, c?.port.map(String.init), url].compactMap({ $0 }) {
                #expect(
                    !error.description.contains(secret), "\(error) holds a part of the URL",
                    sourceLocation: sourceLocation)
            }
        }
    }

    @Test func wrongPassword() {
        guard let url = PostgresTestServer.url() else { return }
        expectError(PostgresTestServer.variant(of: url, password: "not-the-password"), .authenticationFailed)
    }

    @Test func missingDatabase() {
        guard let url = PostgresTestServer.url() else { return }
        expectError(PostgresTestServer.variant(of: url, database: "no_such_database"), .missingDatabase)
    }

    @Test func serverDown() {
        guard let url = PostgresTestServer.url() else { return }
        // Port 9 (discard) on loopback: nothing listens there.
        expectError(PostgresTestServer.variant(of: url, port: 9), .serverUnreachable)
    }

    @Test func serverRequiresTLSItDoesNotOffer() {
        guard let url = PostgresTestServer.url() else { return }
        expectError(url.replacingOccurrences(of: "sslmode=disable", with: "sslmode=require"), .tlsFailed)
    }

    @Test(arguments: [
        "mysql://someone:s3cr3t@dbhost/dbname", "postgres://:s3cr3t@127.0.0.1/dbname",
        "postgres://someone:s3cr3t@/dbname",
        "postgres://someone:s3cr3t@dbhost/dbname?sslmode=maybe", "not a url at all",
    ])
    func invalidURLs(url: String) {
        expectError(url, .invalidURL)
    }

    @Test func missingTableAndColumn() throws {
        guard let url = PostgresTestServer.url() else { return }
        let store = try open(url)
        defer { store.close() }
        #expect(
            throws: StoreError(
                .missingTable, store: "crm", table: "no_such_table",
                message: "the database has no such table (or the role cannot see it)")
        ) {
            try store.count(in: "no_such_table")
        }
        let seeder = try PostgresSeeder(url: url)
        let table = "t_\(seeder.suffix)"
        try seeder.run("CREATE TABLE \(table) (id int)")
        defer { _ = try? seeder.run("DROP TABLE \(table)") }
        do {
            _ = try store.distinctCount(in: table, of: "email")
            Issue.record("counted")
        } catch {
            #expect(error.code == .missingColumn)
            #expect(
                error.description
                    == "store 'crm', table '\(table)', column 'email': the table has no such column [missing-column]")
        }
    }

    @Test func closedStore() throws {
        guard let url = PostgresTestServer.url() else { return }
        let store = try open(url)
        store.close()
        store.close()
        do {
            _ = try store.tableNames()
            Issue.record("answered")
        } catch {
            #expect(error.code == .closed)
        }
    }
}
