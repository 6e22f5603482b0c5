import Foundation
import Testing

@testable import CadreStores

/// CSV and JSONL files, written by the test, read through a ``FileStore``.
@Suite struct FileStoreTests {
    /// A folder with recordings.csv (`;`-separated, BOM, CRLF, quoted fields), chats.csv and notes.txt.
    static func csvFolder() throws -> TemporaryDirectory {
        let folder = TemporaryDirectory()
        var recordings = "\u{FEFF}id;recorded_at;caller_phone;comment\r\n"
        for (k, (value, _)) in DateCases.values.enumerated() {
            recordings +=
                "\(k);\(DateCases.text(value) ?? "");\(k % 3 == 0 ? "" : "\"\(Seeds.phone)\"");\"appel \"\"\(k)\"\"; suite\"\r\n"
        }
        try folder.write("recordings.csv", recordings)
        var chats = "channel,message,note\n"
        for k in 0..<30 {
            let message = k % 3 == 0 ? Seeds.message : "Merci pour votre aide,\nbonne journée."
            chats += "web,\"\(message.replacingOccurrences(of: "\"", with: "\"\""))\",\(k % 5 == 0 ? Seeds.card : "")\n"
        }
        chats += "\n"  // a trailing blank line
        try folder.write("chats.csv", chats)
        try folder.write("notes.txt", "not a table")
        return folder
    }

    static func jsonlFile() throws -> TemporaryDirectory {
        let folder = TemporaryDirectory()
        var lines = ""
        for (k, (value, _)) in DateCases.values.enumerated() {
            let phone = k % 3 == 0 ? "null" : "\"\(Seeds.phone)\""
            let extra = k == 5 ? ", \"meta\": {\"tags\": [\"a\", {\"b\": \"}\"}]}, \"vip\": true" : ""
            if k == 2 { lines += "   \n" }
            lines +=
                "{\"id\": \(k), \"recorded_at\": \(DateCases.json(value)), \"caller_phone\": \(phone)\(extra), \"message\": \"\(k % 2 == 0 ? "Mon mail : jean.dupont\\u0040example.fr \\u00e9t\\u00e9 \\ud83d\\udcde" : "rien")\"}\n"
        }
        try folder.write("recordings.jsonl", lines)
        return folder
    }

    @Test func csvSchemaAndCounts() throws {
        let folder = try Self.csvFolder()
        let store = try StoreEndpoint(id: "exports", engine: .csv, url: "file://${EXPORTS}").open(environment: [
            "EXPORTS": folder.path
        ])
        defer { store.close() }
        #expect(try store.tableNames() == ["chats", "recordings"])
        let schema = try store.schema(of: "recordings")
        #expect(schema.columns.map(\.name) == ["id", "recorded_at", "caller_phone", "comment"])
        #expect(try store.count(in: "recordings") == DateCases.values.count)
        #expect(try store.count(in: "chats") == 30)
        #expect(try store.count(in: "recordings", whereNull: "caller_phone") == 5)
        #expect(try store.count(in: "recordings", whereNotNull: "caller_phone") == DateCases.values.count - 5)
        #expect(try store.count(in: "recordings", whereNull: "recorded_at") == 1)
        #expect(try store.distinctCount(in: "recordings", of: "caller_phone") == 1)
        #expect(try store.distinctCount(in: "recordings", of: "comment") == DateCases.values.count)
        #expect(
            try store.count(in: "recordings", olderThan: DateCases.cutoff, by: "recorded_at") == DateCases.olderCount)
        #expect(
            try store.count(
                in: "recordings", olderThan: Date(timeIntervalSince1970: 1_735_689_599.999), by: "recorded_at")
                == DateCases.olderCount - 1)
        let range = try store.dateRange(in: "recordings", of: "recorded_at")
        #expect(
            range
                == DateRange(
                    earliest: DateCases.earliest, latest: DateCases.latest, unreadable: DateCases.unreadableCount))
    }

    @Test func csvScanFindsValuesInQuotedMultilineFields() throws {
        let folder = try Self.csvFolder()
        let store = try FileStore(
            endpoint: StoreEndpoint(id: "exports", engine: .csv, url: folder.file("chats.csv")), environment: [:])
        #expect(try store.tableNames() == ["chats"])
        let report = try store.scan("chats", columns: ["message", "note"], detectors: .standard, limits: ScanLimits())
        #expect(report.rowsScanned == 30)
        #expect(report[detector: "email"]?.matches == 10)
        #expect(report[detector: "card"]?.matchesByColumn == ["message": 10, "note": 6])
        #expect(report[detector: "iban"]?.examples.map(\.text) == ["FR76 **** … 0189"])
        let capped = try store.scan("chats", columns: ["message"], detectors: .standard, limits: ScanLimits(rowCap: 7))
        #expect(capped.stoppedBy == .rowCap)
        #expect(capped.rowsScanned == 7)
    }

    @Test func jsonlSchemaCountsAndScan() throws {
        let folder = try Self.jsonlFile()
        let store = try StoreEndpoint(id: "events", engine: .jsonl, url: folder.file("recordings.jsonl")).open(
            environment: [:])
        #expect(try store.tableNames() == ["recordings"])
        let schema = try store.schema(of: "recordings")
        #expect(schema.columns.map(\.name) == ["id", "recorded_at", "caller_phone", "message", "meta", "vip"])
        #expect(schema.columns.map(\.kind) == [.real, .text, .text, .text, .json, .boolean])
        #expect(try store.count(in: "recordings") == DateCases.values.count)
        #expect(try store.count(in: "recordings", whereNull: "caller_phone") == 5)
        #expect(try store.count(in: "recordings", whereNull: "meta") == DateCases.values.count - 1)
        #expect(
            try store.count(in: "recordings", olderThan: DateCases.cutoff, by: "recorded_at") == DateCases.olderCount)
        #expect(
            try store.dateRange(in: "recordings", of: "recorded_at")
                == DateRange(
                    earliest: DateCases.earliest, latest: DateCases.latest, unreadable: DateCases.unreadableCount))
        #expect(try store.distinctCount(in: "recordings", of: "message") == 2)
        let report = try store.scan("recordings", columns: ["message", "meta"])
        #expect(report[detector: "email"]?.matches == 7)  // written with a \u0040 escape
        #expect(report[detector: "email"]?.examples.map(\.text) == ["j***@e***.fr"])
    }

    @Test func jsonlLineThatIsNotAnObject() throws {
        let folder = TemporaryDirectory()
        try folder.write("bad.jsonl", "{\"a\": 1}\n{\"a\": \"jean.dupont@example.fr\"\n")
        let store = try FileStore(
            endpoint: StoreEndpoint(id: "events", engine: .jsonl, url: folder.path), environment: [:])
        do {
            _ = try store.count(in: "bad")
            Issue.record("counted")
        } catch {
            #expect(error.code == .invalidData)
            #expect(error.description == "store 'events', table 'bad': line 2 is not a JSON object [invalid-data]")
        }
    }

    @Test func missingTableAndColumnInFiles() throws {
        let folder = try Self.csvFolder()
        let store = try FileStore(
            endpoint: StoreEndpoint(id: "exports", engine: .csv, url: folder.path), environment: [:])
        #expect(
            throws: StoreError(
                .missingTable, store: "exports", table: "notes", message: "its folder has no .csv file of that name")
        ) {
            try store.count(in: "notes")
        }
        do {
            _ = try store.count(in: "RECORDINGS", whereNull: "phone")
            Issue.record("counted")
        } catch {
            #expect(error.code == .missingColumn)
            #expect(error.table == "recordings")
        }
    }

    @Test func filesAreLeftAsTheyWere() throws {
        let folder = try Self.csvFolder()
        let jsonl = try Self.jsonlFile()
        let before = try FolderDigest.of(folder.path) + FolderDigest.of(jsonl.path)
        let csvStore = try FileStore(
            endpoint: StoreEndpoint(id: "exports", engine: .csv, url: folder.path), environment: [:])
        let jsonlStore = try FileStore(
            endpoint: StoreEndpoint(id: "events", engine: .jsonl, url: jsonl.path), environment: [:])
        SQLiteReadOnlyTests.everything(csvStore)
        SQLiteReadOnlyTests.everything(jsonlStore)
        #expect(try FolderDigest.of(folder.path) + FolderDigest.of(jsonl.path) == before)
    }

    @Test func csvEdgeCases() throws {
        let folder = TemporaryDirectory()
        // Tab-separated, a short record, an empty quoted field, a quote inside, no final newline.
        try folder.write("t.csv", "a\tb\tc\n1\t\"x\"\"y\"\t\"\"\n2\n3\t\tz")
        let store = try FileStore(endpoint: StoreEndpoint(id: "f", engine: .csv, url: folder.path), environment: [:])
        #expect(try store.count(in: "t") == 3)
        #expect(try store.count(in: "t", whereNull: "b") == 2)
        #expect(try store.count(in: "t", whereNull: "c") == 1)  // "" is an empty string, not null
        #expect(try store.distinctCount(in: "t", of: "a") == 3)
    }
}

/// ``DistinctCounter`` stays exact below its limit and close above it.
@Suite struct DistinctCounterTests {
    @Test func exactThenEstimated() {
        var counter = DistinctCounter()
        for k in 0..<1_000 {
            var text = "value-\(k % 700)"
            text.withUTF8 { counter.add(kind: 1, $0) }
        }
        #expect(counter.count == 700)
        var big = DistinctCounter(exactLimit: 20_000)
        let n = 300_000
        for k in 0..<n {
            withUnsafeBytes(of: k) { big.add(kind: 2, $0.bindMemory(to: UInt8.self)) }
        }
        let error = abs(Double(big.count - n)) / Double(n)
        #expect(error < 0.03, "estimate \(big.count) for \(n)")
    }
}
