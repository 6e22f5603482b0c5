import CadreTestSupport
import Foundation
import GRDB
import Testing

@_spi(Benchmarks) @testable import CadreStores

/// A retention count or a date range of a large table is read in parts at once, and gives what
/// one statement gives, whatever rowids the table holds; what cannot be split is read whole.
@Suite struct SQLiteRowidPartsTests {
    /// Values of every kind (the date cases, ISO text near the cutoff) at rowids with gaps, negative
    /// and extreme ones among them.
    static func fill(_ db: Database, table: String, seed: UInt64) throws {
        var random = SplitMix(seed: seed)
        let values =
            DateCases.values.map(\.0) + (0..<600).map { _ in DateCases.Value.text(SQLiteISOTextTests.text(&random)) }
        let rowids: [Int64] = [Int64.min, -7, 0, Int64.max] + (0..<(values.count - 4)).map { Int64($0) * 3 + 1 }
        for (rowid, value) in zip(rowids, values) {
            let stored: DatabaseValue =
                switch value {
                case .text(let text): text.databaseValue
                case .integer(let number): number.databaseValue
                case .real(let number): number.databaseValue
                case .null: .null
                }
            try db.execute(
                sql: "INSERT INTO \(table) (rowid, at) VALUES (?, ?)", arguments: [rowid, stored])
        }
    }

    /// The fixture's store, counting in parts of `rows` rows or more.
    static func store(_ fixture: SQLiteFixture, rowsPerPart rows: Int = 16) throws -> SQLiteStore {
        var options = StoreOptions()
        options.rowsPerPart = rows
        return try fixture.open(options)
    }

    /// The parts `table` would be counted in, read on `queue`.
    static func plan(_ table: String, on queue: DatabaseQueue, rowsPerPart rows: Int = 16) throws -> RowidParts? {
        try queue.read { db in
            try RowidParts.plan(db, table: SQLiteStore.schema(db, table: table, store: "calls"), rowsPerPart: rows)
        }
    }

    /// Tables `r` and `dense` of the same values: `r` has rowids from Int64.min to Int64.max (the
    /// span overflows, and it is read whole), `dense` has them all from 1 (a row at each part's
    /// first and last rowid).
    static func twoTables(seed: UInt64) throws -> SQLiteFixture {
        try SQLiteFixture { db in
            try db.execute(sql: "CREATE TABLE r (at TEXT, note TEXT)")
            try Self.fill(db, table: "r", seed: seed)
            try db.execute(sql: "CREATE TABLE dense (at TEXT)")
            try db.execute(sql: "INSERT INTO dense (at) SELECT at FROM r ORDER BY rowid")
        }
    }

    @Test func partsCountWhatOneStatementCounts() throws {
        let fixture = try Self.twoTables(seed: 3)
        let store = try Self.store(fixture)
        defer { store.close() }
        let plain = try DatabaseQueue(path: fixture.path)
        for table in ["r", "dense"] {
            for cutoff in [DateCases.cutoff, Date(timeIntervalSince1970: 1_700_000_000), Date.distantFuture] {
                let expected = try plain.read {
                    try Int.fetchOne($0, sql: SQLiteStore.retentionCountSQL(table: table, column: "at", cutoff: cutoff))
                }
                #expect(try store.count(in: table, olderThan: cutoff, by: "at") == expected, "\(table) \(cutoff)")
            }
        }
        // Date ranges read in parts are those read whole.
        let whole = try Self.store(fixture, rowsPerPart: Int.max)
        defer { whole.close() }
        for table in ["r", "dense"] {
            let range = try store.dateRange(in: table, of: "at")
            #expect(range == (try whole.dateRange(in: table, of: "at")), "\(table)")
            #expect(range.earliest != nil && range.unreadable > 0)
        }
        // The dense table was counted in parts (on a machine of more than one core), the other whole.
        let plans = try ["r", "dense"].map { try Self.plan($0, on: plain) }
        #expect(plans[0] == nil)
        if ProcessInfo.processInfo.activeProcessorCount > 1 {
            let parts = try #require(plans[1])
            #expect(parts.count == min(ProcessInfo.processInfo.activeProcessorCount, 8))
            #expect(parts.bounds(of: 0).0 == Int64.min)
            #expect(parts.bounds(of: parts.count - 1).1 == Int64.max)
            for index in 1..<parts.count { #expect(parts.bounds(of: index).0 == parts.bounds(of: index - 1).1 + 1) }
        }
    }

    @Test func whatHasNoRowidOrTooFewRowsIsCountedWhole() throws {
        let fixture = try SQLiteFixture { db in
            try db.execute(sql: "CREATE TABLE plain (at TEXT)")
            try db.execute(sql: "CREATE TABLE keyed (at TEXT PRIMARY KEY) WITHOUT ROWID")
            try db.execute(sql: "CREATE TABLE shadowed (rowid TEXT, _rowid_ TEXT, oid TEXT, at TEXT)")
            try db.execute(sql: "CREATE TABLE renamed (rowid INTEGER, at TEXT)")
            for table in ["plain", "keyed", "shadowed", "renamed"] {
                try db.execute(
                    sql: """
                        WITH RECURSIVE n(k) AS (SELECT 1 UNION ALL SELECT k + 1 FROM n WHERE k < 400)
                        INSERT INTO \(table) (at) SELECT printf('2024-%02d-%02d 10:%02d:%02d', k % 12 + 1, k % 28 + 1, k / 60, k % 60) FROM n
                        """)
            }
            try db.execute(sql: "CREATE VIEW seen AS SELECT at FROM plain")
        }
        let store = try Self.store(fixture)
        defer { store.close() }
        let plain = try DatabaseQueue(path: fixture.path)
        func plan(_ table: String, rows: Int = 16) throws -> RowidParts? {
            try Self.plan(table, on: plain, rowsPerPart: rows)
        }
        #expect(try plan("keyed") == nil)
        #expect(try plan("shadowed") == nil)
        #expect(try plan("seen") == nil)
        #expect(try plan("plain", rows: 400) == nil)
        if ProcessInfo.processInfo.activeProcessorCount > 1 {
            #expect(try plan("plain")?.rowid == "rowid")
            // A column named rowid takes the name: the table's rowid is `_rowid_`.
            #expect(try plan("renamed")?.rowid == "_rowid_")
        }
        for table in ["plain", "keyed", "shadowed", "renamed", "seen"] {
            #expect(try store.count(in: table, olderThan: DateCases.cutoff, by: "at") == 400, "\(table)")
        }
    }

    @Test func findingThePartsReadsNoRow() throws {
        let queue = try DatabaseQueue()
        let plan = try queue.write { db in
            try db.execute(sql: "CREATE TABLE r (at TEXT)")
            return try String.fetchAll(
                db, sql: "EXPLAIN QUERY PLAN " + RowidParts.boundsSQL(rowid: "rowid", quotedTable: "\"r\""),
                arguments: [],
                adapter: ColumnMapping(["detail": "detail"]))
        }
        #expect(!plan.isEmpty)
        #expect(!plan.contains { $0.hasPrefix("SCAN r") }, "\(plan)")
    }

    @Test func partsStopAtTheCountsTimeLimit() throws {
        let fixture = try SQLiteFixture { db in
            try db.execute(
                sql: """
                    CREATE TABLE big (at TEXT);
                    WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 400000)
                    INSERT INTO big (at) SELECT printf('2024-01-%02d', i % 28 + 1) FROM n;
                    """)
        }
        var options = StoreOptions(queryTimeLimit: .milliseconds(1))
        options.rowsPerPart = 1_000
        let store = try fixture.open(options)
        defer { store.close() }
        do {
            _ = try store.count(in: "big", olderThan: DateCases.cutoff, by: "at")
            Issue.record("no timeout")
        } catch {
            #expect(error.code == .timeout)
        }
        // Counted in parts without a time limit, every row.
        options.queryTimeLimit = .seconds(30)
        let relaxed = try fixture.open(options)
        defer { relaxed.close() }
        #expect(try relaxed.count(in: "big", olderThan: DateCases.cutoff, by: "at") == 400_000)
    }

    /// Parts read the file the store opened: when its path names another file since (another
    /// database, a FIFO that opening would wait on), they are read on the store's own connection.
    @Test func partsReadTheFileTheStoreOpened() throws {
        let fixture = try Self.twoTables(seed: 7)
        let other = try SQLiteFixture { db in
            try db.execute(sql: "CREATE TABLE dense (at TEXT)")
            try db.execute(sql: "INSERT INTO dense (at) VALUES ('2000-01-01')")
        }
        let expected = try DatabaseQueue(path: fixture.path).read {
            try Int.fetchOne(
                $0, sql: SQLiteStore.retentionCountSQL(table: "dense", column: "at", cutoff: DateCases.cutoff))
        }
        let store = try Self.store(fixture)
        defer { store.close() }
        let moved = fixture.path + ".was"
        try FileManager.default.moveItem(atPath: fixture.path, toPath: moved)
        try FileManager.default.copyItem(atPath: other.path, toPath: fixture.path)
        #expect(try store.count(in: "dense", olderThan: DateCases.cutoff, by: "at") == expected)
        try FileManager.default.removeItem(atPath: fixture.path)
        #expect(mkfifo(fixture.path, 0o600) == 0)
        #expect(try store.count(in: "dense", olderThan: DateCases.cutoff, by: "at") == expected)
        #expect(store.partConnections.withLockedValue { $0.isEmpty })
    }

    @Test func aClosedStoreCountsNoPart() throws {
        let fixture = try SQLiteFixture { db in
            try db.execute(sql: "CREATE TABLE r (at TEXT)")
            try Self.fill(db, table: "r", seed: 5)
        }
        let store = try Self.store(fixture)
        _ = try store.count(in: "r", olderThan: DateCases.cutoff, by: "at")
        store.close()
        #expect(store.partConnections.withLockedValue { $0.isEmpty })
        #expect(throws: StoreError.self) { try store.count(in: "r", olderThan: DateCases.cutoff, by: "at") }
    }
}
