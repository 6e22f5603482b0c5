import Foundation
import GRDB
import Testing

@testable import CadreStores

/// The process's resident memory, from /proc/self/status (Linux).
enum ResidentMemory {
    static func current() -> Int? { field("VmRSS:") }

    private static func field(_ name: String) -> Int? {
        guard let status = try? String(contentsOfFile: "/proc/self/status", encoding: .utf8),
            let line = status.split(separator: "\n").first(where: { $0.hasPrefix(name) }),
            let kb = Int(line.split(separator: " ").dropFirst().first { !$0.isEmpty } ?? "")
        else { return nil }
        return kb * 1024
    }
}

/// A detector that finds nothing and samples the resident memory as the scan goes.
final class MemoryProbe: Detector {
    let name = "memory-probe"
    let category = "test"
    private(set) var peak = 0
    private var calls = 0
    /// Keeps three copies of every value: what a scan that is not streamed would cost, and more,
    /// so that the control's growth stands out even when other tests free memory the hoard reuses.
    let hoarding: Bool
    private var hoard: [[UInt8]] = []

    init(hoarding: Bool) { self.hoarding = hoarding }

    func detect(in text: UnsafeBufferPointer<UInt8>, report: (Range<Int>) -> Void) {
        calls += 1
        if hoarding { for _ in 0..<3 { hoard.append(Array(text)) } }
        if calls % 2_000 == 0, let rss = ResidentMemory.current() { peak = max(peak, rss) }
    }
}

/// Scans stream in bounded memory: scanning ~48 MB of text grows the resident memory by far less.
@Suite(.serialized) struct BoundedMemoryTests {
    static let rows = 120_000
    static let growthLimit = 24 << 20

    /// A message of ~400 bytes with a card number in every 100th row.
    static func message(_ k: Int) -> String {
        let filler = String(
            repeating: "Le client appelle au sujet de sa facture d'électricité du mois dernier. ", count: 5)
        return k % 100 == 0 ? filler + Seeds.card : filler + String(k)
    }

    func scanGrowth(_ store: any Store, table: String, column: String, hoarding: Bool = false) throws -> (
        growth: Int, report: ScanReport
    ) {
        var registry = try DetectorRegistry.standard.selecting(["card", "email"])
        let probe = MemoryProbe(hoarding: hoarding)
        try registry.register(probe)
        let before = ResidentMemory.current() ?? 0
        let report = try store.scan(
            table, columns: [column], detectors: registry,
            limits: ScanLimits(rowCap: 1_000_000, timeLimit: .seconds(600)))
        return (max(0, probe.peak - before), report)
    }

    @Test func sqliteScan() throws {
        let fixture = try SQLiteFixture { db in
            try db.execute(sql: "CREATE TABLE chats (id INTEGER PRIMARY KEY, message TEXT)")
            let statement = try db.makeStatement(sql: "INSERT INTO chats (message) VALUES (?)")
            for k in 0..<Self.rows { try statement.execute(arguments: [Self.message(k)]) }
        }
        let store = try fixture.open()
        defer { store.close() }
        let (growth, report) = try scanGrowth(store, table: "chats", column: "message")
        #expect(report.rowsScanned == Self.rows)
        #expect(report.bytesScanned > 45_000_000)
        #expect(report[detector: "card"]?.matches == Self.rows / 100)
        #expect(growth < Self.growthLimit, "resident memory grew by \(growth >> 20) MiB")
    }

    /// The control: the same measurement sees the growth of a scan that keeps every value.
    @Test func theMeasurementSeesHoarding() throws {
        let fixture = try SQLiteFixture { db in
            try db.execute(sql: "CREATE TABLE chats (id INTEGER PRIMARY KEY, message TEXT)")
            let statement = try db.makeStatement(sql: "INSERT INTO chats (message) VALUES (?)")
            for k in 0..<Self.rows { try statement.execute(arguments: [Self.message(k)]) }
        }
        let store = try fixture.open()
        defer { store.close() }
        let (growth, _) = try scanGrowth(store, table: "chats", column: "message", hoarding: true)
        #expect(growth > 2 * Self.growthLimit, "resident memory grew by \(growth >> 20) MiB only")
    }

    @Test func csvScan() throws {
        let folder = TemporaryDirectory()
        let path = folder.file("chats.csv")
        _ = FileManager.default.createFile(atPath: path, contents: nil)
        let handle = try FileHandle(forWritingTo: URL(fileURLWithPath: path))
        handle.write(Data("id,message\n".utf8))
        var chunk = ""
        for k in 0..<Self.rows {
            chunk += "\(k),\"\(Self.message(k))\"\n"
            if k % 5_000 == 4_999 {
                handle.write(Data(chunk.utf8))
                chunk = ""
            }
        }
        handle.write(Data(chunk.utf8))
        try handle.close()
        let store = try FileStore(endpoint: StoreEndpoint(id: "exports", engine: .csv, url: path), environment: [:])
        let (growth, report) = try scanGrowth(store, table: "chats", column: "message")
        #expect(report.rowsScanned == Self.rows)
        #expect(report[detector: "card"]?.matches == Self.rows / 100)
        #expect(growth < Self.growthLimit, "resident memory grew by \(growth >> 20) MiB")
    }

    @Test(.enabled(if: !PostgresTestServer.isSkipped, "CADRE_SKIP_POSTGRES=1"))
    func postgresScan() throws {
        guard let url = PostgresTestServer.url() else { return }
        let seeder = try PostgresSeeder(url: url)
        let table = "big_\(seeder.suffix)"
        let filler = String(
            repeating: "Le client appelle au sujet de sa facture d'électricité du mois dernier. ", count: 5)
        try seeder.run("CREATE TABLE \(table) (id int, message text)")
        defer { _ = try? seeder.run("DROP TABLE \(table)") }
        try seeder.run(
            """
            INSERT INTO \(unescaped: table) SELECT i, \(filler) || CASE WHEN i % 100 = 0 THEN \(Seeds.card) ELSE i::text END
            FROM generate_series(0, \(Self.rows - 1)) AS i
            """)
        let store = try PostgresStore(endpoint: StoreEndpoint(id: "crm", engine: .postgres, url: url), environment: [:])
        defer { store.close() }
        let (growth, report) = try scanGrowth(store, table: table, column: "message")
        #expect(report.rowsScanned == Self.rows)
        #expect(report[detector: "card"]?.matches == Self.rows / 100)
        #expect(growth < Self.growthLimit, "resident memory grew by \(growth >> 20) MiB")
    }
}
