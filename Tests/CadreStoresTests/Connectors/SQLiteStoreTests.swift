import Foundation
import GRDB
import Testing

@testable import CadreStores

/// A SQLite database written by the test with GRDB, then read through a ``SQLiteStore``.
final class SQLiteFixture {
    let folder = TemporaryDirectory()
    let path: String

    init(walMode: Bool = false, _ setup: (Database) throws -> Void) throws {
        path = folder.file("calls.sqlite")
        if walMode {
            let pool = try DatabasePool(path: path)
            try pool.write(setup)
            try pool.close()
        } else {
            let queue = try DatabaseQueue(path: path)
            try queue.write(setup)
            try queue.close()
        }
    }

    var endpoint: StoreEndpoint { StoreEndpoint(id: "calls", engine: .sqlite, url: "sqlite://${CALLS_DB}") }
    var environment: [String: String] { ["CALLS_DB": path] }

    func open(_ options: StoreOptions = StoreOptions()) throws -> SQLiteStore {
        try SQLiteStore(endpoint: endpoint, environment: environment, options: options)
    }

    /// recordings (dates of every kind), customers, chats (messages with the seeded values).
    static func standard(walMode: Bool = false, chats: Int = 3) throws -> SQLiteFixture {
        try SQLiteFixture(walMode: walMode) { db in
            try db.execute(
                sql: """
                    CREATE TABLE recordings (id INTEGER PRIMARY KEY, recorded_at, caller_phone TEXT, agent_id INTEGER);
                    CREATE TABLE customers (id INTEGER PRIMARY KEY, email TEXT, city TEXT, consent BOOLEAN, born DATE, updated_at DATETIME, score REAL);
                    CREATE TABLE chats (id INTEGER PRIMARY KEY, channel TEXT, message TEXT, note TEXT);
                    CREATE VIEW old_recordings AS SELECT * FROM recordings WHERE id < 3;
                    """)
            for (k, (value, _)) in DateCases.values.enumerated() {
                let stored: (any DatabaseValueConvertible)? =
                    switch value {
                    case .text(let s): s
                    case .integer(let i): i
                    case .real(let d): d
                    case .null: nil
                    }
                try db.execute(
                    sql: "INSERT INTO recordings (recorded_at, caller_phone, agent_id) VALUES (?, ?, ?)",
                    arguments: [stored, k % 3 == 0 ? nil : Seeds.phone, k % 4])
            }
            for (email, city) in [
                (Seeds.email, "Lyon"), ("marie@example.org", "Paris"), (nil, "Lyon"), ("paul@example.net", nil),
            ] {
                try db.execute(sql: "INSERT INTO customers (email, city) VALUES (?, ?)", arguments: [email, city])
            }
            for k in 0..<chats {
                try db.execute(
                    sql: "INSERT INTO chats (channel, message, note) VALUES (?, ?, ?)",
                    arguments: [
                        "web", k % 3 == 0 ? Seeds.message : "Merci pour votre aide, bonne journée.",
                        k % 5 == 0 ? Seeds.card : nil,
                    ])
            }
        }
    }
}

@Suite struct SQLiteStoreTests {
    @Test func schemaIntrospection() throws {
        let fixture = try SQLiteFixture.standard()
        let store = try fixture.open()
        defer { store.close() }
        #expect(try store.tableNames() == ["chats", "customers", "old_recordings", "recordings"])
        let customers = try store.schema(of: "Customers")
        #expect(customers.name == "customers")
        #expect(customers.columns.map(\.name) == ["id", "email", "city", "consent", "born", "updated_at", "score"])
        #expect(customers.columns.map(\.kind) == [.integer, .text, .text, .boolean, .date, .timestamp, .real])
        #expect(
            customers.columns.map(\.declaredType) == ["INTEGER", "TEXT", "TEXT", "BOOLEAN", "DATE", "DATETIME", "REAL"])
        #expect(try store.schema(of: "recordings").columns.first { $0.name == "recorded_at" }?.kind == .other)
        #expect(try store.schema().map(\.name) == ["chats", "customers", "old_recordings", "recordings"])
    }

    @Test func pushdownCounts() throws {
        let fixture = try SQLiteFixture.standard()
        let store = try fixture.open()
        defer { store.close() }
        #expect(try store.count(in: "recordings") == DateCases.values.count)
        #expect(try store.count(in: "customers", whereNull: "email") == 1)
        #expect(try store.count(in: "customers", whereNotNull: "email") == 3)
        #expect(try store.count(in: "customers", whereNull: "CITY") == 1)
        #expect(try store.distinctCount(in: "customers", of: "city") == 2)
        #expect(try store.distinctCount(in: "recordings", of: "agent_id") == 4)
        #expect(try store.count(in: "old_recordings") == 2)
    }

    @Test func retentionCountReadsEveryDateForm() throws {
        let fixture = try SQLiteFixture.standard()
        let store = try fixture.open()
        defer { store.close() }
        #expect(
            try store.count(in: "recordings", olderThan: DateCases.cutoff, by: "recorded_at") == DateCases.olderCount)
        // A cutoff before everything: nothing is older.
        #expect(try store.count(in: "recordings", olderThan: Date(timeIntervalSince1970: 0), by: "recorded_at") == 0)
        let range = try store.dateRange(in: "recordings", of: "recorded_at")
        #expect(range.earliest == DateCases.earliest)
        #expect(range.latest == DateCases.latest)
        #expect(range.unreadable == DateCases.unreadableCount)
    }

    /// The same values in columns declared TEXT, DATETIME (NUMERIC affinity), INTEGER and REAL:
    /// SQLite converts some on the way in; the answers do not change.
    @Test(arguments: ["TEXT", "DATETIME", "INTEGER", "REAL", "BLOB"])
    func retentionCountWhateverTheDeclaredType(type: String) throws {
        let fixture = try SQLiteFixture { db in
            try db.execute(sql: "CREATE TABLE t (at \(type))")
            for (value, _) in DateCases.values {
                let stored: (any DatabaseValueConvertible)? =
                    switch value {
                    case .text(let s): s
                    case .integer(let i): i
                    case .real(let d): d
                    case .null: nil
                    }
                try db.execute(sql: "INSERT INTO t (at) VALUES (?)", arguments: [stored])
            }
        }
        let store = try fixture.open()
        defer { store.close() }
        #expect(try store.count(in: "t", olderThan: DateCases.cutoff, by: "at") == DateCases.olderCount)
        #expect(
            try store.dateRange(in: "t", of: "at")
                == DateRange(
                    earliest: DateCases.earliest, latest: DateCases.latest, unreadable: DateCases.unreadableCount))
        // To the millisecond: 23:59:59.999 is not older than itself, but older than 23:59:59.9995.
        #expect(
            try store.count(in: "t", olderThan: Date(timeIntervalSince1970: 1_735_689_599.999), by: "at") == DateCases
                .olderCount - 1)
        #expect(
            try store.count(in: "t", olderThan: Date(timeIntervalSince1970: 1_735_689_599.9995), by: "at")
                == DateCases.olderCount)
    }

    @Test func dateRangeOfAnEmptyColumn() throws {
        let fixture = try SQLiteFixture.standard()
        let store = try fixture.open()
        defer { store.close() }
        #expect(
            try store.dateRange(in: "customers", of: "born") == DateRange(earliest: nil, latest: nil, unreadable: 0))
    }

    @Test func oddIdentifiersAreQuoted() throws {
        let fixture = try SQLiteFixture { db in
            try db.execute(sql: #"CREATE TABLE "order items" ("select" TEXT, "a""b" TEXT)"#)
            try db.execute(sql: #"INSERT INTO "order items" VALUES ('x', NULL), ('y', 'z'), ('y', NULL)"#)
        }
        let store = try fixture.open()
        defer { store.close() }
        #expect(try store.count(in: "order items", whereNull: "a\"b") == 2)
        #expect(try store.distinctCount(in: "order items", of: "select") == 2)
    }

    @Test func scanCountsAndRedacts() throws {
        let fixture = try SQLiteFixture.standard(chats: 30)
        let store = try fixture.open()
        defer { store.close() }
        let report = try store.scan("chats", columns: ["message", "note"], detectors: .standard, limits: ScanLimits())
        #expect(report.rowsScanned == 30)
        #expect(!report.truncated)
        #expect(report.columns == ["message", "note"])
        #expect(report[detector: "email"]?.matches == 10)
        #expect(report[detector: "email"]?.rows == 10)
        #expect(report[detector: "phone"]?.matches == 20)
        #expect(report[detector: "card"]?.matches == 16)  // 10 in messages, 6 in notes
        #expect(report[detector: "card"]?.matchesByColumn == ["message": 10, "note": 6])
        #expect(report[detector: "iban"]?.matches == 10)
        #expect(report[detector: "nir"]?.matches == 10)
        #expect(report[detector: "ipv4"]?.matches == 10)
        #expect(report[detector: "ipv6"]?.matches == 10)
        #expect(report[detector: "card"]?.examples.map(\.text) == ["**** **** **** 4242"])
        #expect(report[detector: "phone"]?.examples.map(\.text) == ["06 ** ** ** 78", "+33 6 ** ** ** 32"])
        #expect(
            report[detector: "email"]?.examples.first
                == RedactedExample(column: "message", row: 1, text: "j***@e***.fr"))
    }

    @Test func scanStopsAtTheRowCap() throws {
        let fixture = try SQLiteFixture.standard(chats: 1_000)
        let store = try fixture.open()
        defer { store.close() }
        let capped = try store.scan(
            "chats", columns: ["message"], detectors: .standard, limits: ScanLimits(rowCap: 100))
        #expect(capped.rowsScanned == 100)
        #expect(capped.truncated)
        #expect(capped.stoppedBy == .rowCap)
        #expect(capped[detector: "email"]?.matches == 34)
        // A cap equal to the row count reads everything and is not a truncation.
        let exact = try store.scan(
            "chats", columns: ["message"], detectors: .standard, limits: ScanLimits(rowCap: 1_000))
        #expect(exact.rowsScanned == 1_000)
        #expect(!exact.truncated)
        let unlimited = try store.scan(
            "chats", columns: ["message"], detectors: .standard,
            limits: ScanLimits(rowCap: .max, timeLimit: .seconds(Int64.max)))
        #expect(unlimited.rowsScanned == 1_000)
        let patient = try fixture.open(StoreOptions(queryTimeLimit: .seconds(Int64.max)))
        #expect(try patient.count(in: "chats") == 1_000)
    }

    @Test func scanStopsAtTheTimeLimit() throws {
        let fixture = try SQLiteFixture.standard(chats: 2_000)
        let store = try fixture.open()
        defer { store.close() }
        var slow = DetectorRegistry()
        try slow.register(SlowDetector())
        let started = ContinuousClock.now
        let report = try store.scan(
            "chats", columns: ["message"], detectors: slow, limits: ScanLimits(timeLimit: .milliseconds(100)))
        #expect(report.stoppedBy == .timeLimit)
        #expect(report.rowsScanned > 0 && report.rowsScanned < 2_000)
        #expect(ContinuousClock.now - started < .seconds(2))
    }

    @Test func pushdownQueryStopsAtItsTimeLimit() throws {
        let fixture = try SQLiteFixture { db in
            try db.execute(
                sql: """
                    CREATE TABLE big (id INTEGER PRIMARY KEY, v TEXT);
                    WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 400000)
                    INSERT INTO big (v) SELECT hex(randomblob(16)) FROM n;
                    """)
        }
        let store = try fixture.open(StoreOptions(queryTimeLimit: .milliseconds(1)))
        defer { store.close() }
        do {
            _ = try store.distinctCount(in: "big", of: "v")
            Issue.record("no timeout")
        } catch {
            #expect(error.code == .timeout)
            #expect(
                error.description
                    == "store 'calls', table 'big', column 'v': the query ran past its time limit and was stopped [timeout, SQLITE_9]"
            )
        }
        // The connection is usable afterwards.
        let relaxed = try fixture.open()
        #expect(try relaxed.count(in: "big") == 400_000)
    }

    @Test func sharedBetweenWorkerThreads() throws {
        let fixture = try SQLiteFixture.standard(chats: 300)
        let store = try fixture.open()
        defer { store.close() }
        let results = SharedResults()
        let threads = (0..<4).map { _ in
            Thread {
                for _ in 0..<10 {
                    let old = (try? store.count(in: "recordings", olderThan: DateCases.cutoff, by: "recorded_at")) ?? -1
                    let report = try? store.scan("chats", columns: ["message"])
                    results.append(old * 1000 + (report?[detector: "email"]?.matches ?? -1))
                }
            }
        }
        for thread in threads { thread.start() }
        while results.count < 40 { Thread.sleep(forTimeInterval: 0.01) }
        #expect(Set(results.values) == [DateCases.olderCount * 1000 + 100])
    }
}

/// A detector that takes a millisecond per value, to run into time limits.
struct SlowDetector: Detector {
    let name = "slow"
    let category = "test"
    func detect(in text: UnsafeBufferPointer<UInt8>, report: (Range<Int>) -> Void) {
        Thread.sleep(forTimeInterval: 0.001)
    }
}

/// Results appended from several threads.
final class SharedResults: @unchecked Sendable {
    // @unchecked: every access to `storage` goes through `lock`.
    private let lock = NSLock()
    private var storage: [Int] = []
    func append(_ value: Int) { lock.withLock { storage.append(value) } }
    var values: [Int] { lock.withLock { storage } }
    var count: Int { lock.withLock { storage.count } }
}
