import Foundation
import GRDB
import Testing

@testable import CadreStores

/// The store cannot change the database: checksums before and after, attempts through the API,
/// and attempts below it.
@Suite struct SQLiteReadOnlyTests {
    /// Every operation of the API, including ones built to write if names were pasted into SQL.
    static func everything(_ store: any Store) {
        let hostile = [
            "recordings\"; DELETE FROM recordings; --", "recordings; DROP TABLE recordings", "x' OR 1=1; --",
            "recordings\" SET agent_id = 0 --", "sqlite_master",
        ]
        _ = try? store.tableNames()
        _ = try? store.schema()
        for table in ["recordings", "customers", "chats"] + hostile {
            _ = try? store.schema(of: table)
            _ = try? store.count(in: table)
            for column in ["recorded_at", "email", "message"] + hostile {
                _ = try? store.count(in: table, olderThan: DateCases.cutoff, by: column)
                _ = try? store.count(in: table, whereNull: column)
                _ = try? store.count(in: table, whereNotNull: column)
                _ = try? store.distinctCount(in: table, of: column)
                _ = try? store.dateRange(in: table, of: column)
                _ = try? store.scan(table, columns: [column])
            }
        }
    }

    @Test(arguments: [false, true])
    func checksumsAreUnchanged(walMode: Bool) throws {
        let fixture = try SQLiteFixture.standard(walMode: walMode, chats: 50)
        let before = try FolderDigest.of(fixture.folder.path)
        let databaseBefore = try FolderDigest.ofFile(fixture.path)
        let store = try fixture.open()
        Self.everything(store)
        store.close()
        #expect(try FolderDigest.ofFile(fixture.path) == databaseBefore)
        if !walMode {
            #expect(try FolderDigest.of(fixture.folder.path) == before)
        }
        // Still the same rows.
        let check = try DatabaseQueue(path: fixture.path)
        #expect(
            try check.read { try Int.fetchOne($0, sql: "SELECT count(*) FROM recordings") } == DateCases.values.count)
        try check.close()
    }

    @Test func hostileNamesAreMissingTables() throws {
        let fixture = try SQLiteFixture.standard()
        let store = try fixture.open()
        defer { store.close() }
        do {
            _ = try store.count(in: "recordings\"; DELETE FROM recordings; --")
            Issue.record("accepted")
        } catch {
            #expect(error.code == .missingTable)
        }
        do {
            _ = try store.count(in: "recordings", whereNull: "id IS NULL OR 1=1 --")
            Issue.record("accepted")
        } catch {
            #expect(error.code == .missingColumn)
        }
        #expect(try store.count(in: "recordings") == DateCases.values.count)
    }

    @Test func theConnectionItselfRefusesWrites() throws {
        let fixture = try SQLiteFixture.standard()
        let store = try fixture.open()
        defer { store.close() }
        // Below the API: even SQL run on the store's own connection cannot write.
        #expect(try store.queue.read { try Int.fetchOne($0, sql: "PRAGMA query_only") } == 1)
        for sql in [
            "DELETE FROM recordings", "INSERT INTO customers (email) VALUES ('x')", "CREATE TABLE t (x)",
            "DROP TABLE chats", "PRAGMA query_only = OFF; DELETE FROM recordings",
        ] {
            #expect(throws: DatabaseError.self, "\(sql)") {
                try store.queue.inDatabase { db in try db.execute(sql: sql) }
            }
        }
        #expect(try store.count(in: "recordings") == DateCases.values.count)
    }
}
