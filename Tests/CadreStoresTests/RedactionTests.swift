import CadreModel
import Foundation
import Testing

@testable import CadreStores

/// No personal data found in a store appears in anything the store API returns or throws; no
/// connection string or resolved `${VAR}` value appears in any error.
@Suite struct RedactionTests {
    /// Everything a caller can get from a store, as text: values, descriptions, debug
    /// descriptions and dumps of every result and every error.
    static func everythingPrinted(by store: any Store, tables: [String], columns: [String]) -> [String] {
        var outputs: [String] = []
        func record(_ value: Any) {
            outputs.append(String(describing: value))
            outputs.append(String(reflecting: value))
            var dumped = ""
            dump(value, to: &dumped)
            outputs.append(dumped)
        }
        func attempt<T>(_ body: () throws -> T) {
            do { record(try body()) } catch { record(error) }
        }
        attempt { try store.tableNames() }
        attempt { try store.schema() }
        for table in tables + ["missing_table"] {
            attempt { try store.schema(of: table) }
            attempt { try store.count(in: table) }
            for column in columns + ["missing_column"] {
                attempt { try store.count(in: table, olderThan: DateCases.cutoff, by: column) }
                attempt { try store.count(in: table, whereNull: column) }
                attempt { try store.distinctCount(in: table, of: column) }
                attempt { try store.dateRange(in: table, of: column) }
                attempt { try store.scan(table, columns: [column]) }
                attempt {
                    try store.scan(
                        table, columns: [column], detectors: .standard,
                        limits: ScanLimits(rowCap: 3, examplesPerDetector: 50))
                }
            }
            attempt {
                try store.scan(
                    table, columns: columns, detectors: .standard, limits: ScanLimits(examplesPerDetector: 1_000))
            }
        }
        return outputs
    }

    /// The scans did find the seeded data (so the absence of leaks means something).
    static func expectFindings(_ outputs: [String], sourceLocation: Testing.SourceLocation = #_sourceLocation) {
        for redacted in [
            "j***@e***.fr", "06 ** ** ** 78", "**** **** **** 4242", "FR76 **** … 0189", "* ** ** ** *** *** 91",
            "192.*.*.*",
        ] {
            #expect(
                outputs.contains { $0.contains(redacted) }, "no scan reported \(redacted)",
                sourceLocation: sourceLocation)
        }
    }

    @Test func sqliteOutputsHoldNoSeededValue() throws {
        let fixture = try SQLiteFixture.standard(chats: 20)
        let store = try fixture.open()
        defer { store.close() }
        let outputs = Self.everythingPrinted(
            by: store, tables: ["chats", "customers", "recordings"],
            columns: ["message", "note", "email", "caller_phone", "recorded_at"])
        #expect(Seeds.leaks(in: outputs).isEmpty, "\(Seeds.leaks(in: outputs).prefix(5))")
        Self.expectFindings(outputs)
        #expect(!outputs.contains { $0.contains(fixture.path) })
    }

    @Test func fileOutputsHoldNoSeededValue() throws {
        let csv = try FileStoreTests.csvFolder()
        let jsonl = try FileStoreTests.jsonlFile()
        // A JSONL line whose content is personal data but which is not an object.
        try jsonl.write("broken.jsonl", "\"\(Seeds.email) \(Seeds.phone)\"\n")
        var outputs: [String] = []
        for (engine, folder, tables) in [
            (StoreEngine.csv, csv, ["chats", "recordings"]), (.jsonl, jsonl, ["recordings", "broken"]),
        ] {
            let store = try StoreEndpoint(id: "exports", engine: engine, url: "${DIR}").open(environment: [
                "DIR": folder.path
            ])
            outputs += Self.everythingPrinted(
                by: store, tables: tables, columns: ["message", "note", "caller_phone", "recorded_at"])
            #expect(!outputs.contains { $0.contains(folder.path) })
        }
        #expect(Seeds.leaks(in: outputs).isEmpty, "\(Seeds.leaks(in: outputs).prefix(5))")
        Self.expectFindings(outputs)
    }

    @Test(.enabled(if: !PostgresTestServer.isSkipped, "CADRE_SKIP_POSTGRES=1"))
    func postgresOutputsHoldNoSeededValue() throws {
        guard let f = try PostgresStoreTests.Fixture(chats: 20) else { return }
        // A value that makes the server fail a date cast, with personal data in it: the server's
        // message quotes it; the store's error must not.
        try f.seeder.run("UPDATE \(f.recordings) SET at_text = '2024-13-45 \(Seeds.email) \(Seeds.phone)' WHERE id = 2")
        let store = try f.open()
        defer { store.close() }
        let outputs = Self.everythingPrinted(
            by: store, tables: [f.chats, f.recordings],
            columns: ["message", "note", "caller_phone", "at_text"])
        #expect(Seeds.leaks(in: outputs).isEmpty, "\(Seeds.leaks(in: outputs).prefix(5))")
        Self.expectFindings(outputs)
        #expect(outputs.contains { $0.contains("invalid-data") })
        let url = URLComponents(string: f.url)
        for secret in [f.url, url?.password].compactMap({ $0 }) {
            #expect(!outputs.contains { $0.contains(secret) })
        }
    }

    @Test func errorsHoldNoResolvedVariable() {
        let secretPath = "/srv/secret-\(UUID().uuidString)/calls.sqlite"
        let password = "pw-\(UUID().uuidString)"
        let cases: [(StoreEndpoint, [String: String])] = [
            (StoreEndpoint(id: "calls", engine: .sqlite, url: "${DB}"), ["DB": secretPath]),
            (StoreEndpoint(id: "exports", engine: .csv, url: "file://${DB}"), ["DB": secretPath]),
            (
                StoreEndpoint(id: "crm", engine: .postgres, url: "postgres://app:${PW}@127.0.0.1:9/crm"),
                ["PW": password]
            ),
            (StoreEndpoint(id: "crm", engine: .postgres, url: "postgres://app:${PW}@[::1/crm"), ["PW": password]),
            (StoreEndpoint(id: "crm", engine: .postgres, url: "${PW}"), ["PW": password]),
        ]
        for (endpoint, environment) in cases {
            do {
                let store = try endpoint.open(
                    environment: environment, options: StoreOptions(connectTimeout: .seconds(2)))
                store.close()
                Issue.record("\(endpoint) opened")
            } catch {
                var dumped = ""
                dump(error, to: &dumped)
                for text in [error.description, String(reflecting: error), dumped, error.message] {
                    #expect(
                        !text.contains(secretPath) && !text.contains("secret-") && !text.contains(password), "\(text)")
                }
                #expect(error.store == endpoint.id)
            }
        }
    }
}
