import CadreModel
import Foundation
import Testing

@testable import CadreStores

/// Store problems give typed errors that name the store and what went wrong, never the URL.
@Suite struct StoreProblemTests {
    @Test func missingFile() throws {
        let folder = TemporaryDirectory()
        let endpoint = StoreEndpoint(id: "calls", engine: .sqlite, url: "${DB}")
        do {
            _ = try endpoint.open(environment: ["DB": folder.file("secret-name.sqlite")])
            Issue.record("opened")
        } catch {
            #expect(error.code == .missingFile)
            #expect(error.store == "calls")
            #expect(error.description == "store 'calls': the file its URL names does not exist [missing-file]")
        }
        for engine in [StoreEngine.csv, .jsonl] {
            do {
                _ = try StoreEndpoint(id: "exports", engine: engine, url: folder.file("nope")).open(environment: [:])
                Issue.record("opened")
            } catch {
                #expect(error.code == .missingFile)
            }
        }
        // The database files are not created by trying.
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder.path).isEmpty)
    }

    @Test func notADatabase() throws {
        let folder = TemporaryDirectory()
        let path = try folder.write("calls.sqlite", "id,name\n1,Jean Dupont\n")
        do {
            _ = try SQLiteStore(endpoint: StoreEndpoint(id: "calls", engine: .sqlite, url: path), environment: [:])
            Issue.record("opened")
        } catch {
            #expect(error.code == .unreadableFile)
            #expect(error.sqlState == "SQLITE_26")
        }
        do {
            _ = try SQLiteStore(
                endpoint: StoreEndpoint(id: "calls", engine: .sqlite, url: folder.path), environment: [:])
            Issue.record("opened a folder")
        } catch {
            #expect(error.code == .unreadableFile)
        }
    }

    /// A FIFO opened for reading waits for a writer: one where a store's file should be is
    /// refused at once, never waited on.
    @Test func aFIFOIsRefusedNotWaitedOn() throws {
        let folder = TemporaryDirectory()
        for name in ["calls.sqlite", "chats.csv", "events.jsonl"] {
            #expect(mkfifo(folder.file(name), 0o600) == 0)
        }
        for (engine, name) in [(StoreEngine.sqlite, "calls.sqlite"), (.csv, "chats.csv"), (.jsonl, "events.jsonl")] {
            do {
                _ = try StoreEndpoint(id: "s", engine: engine, url: folder.file(name)).open(environment: [:])
                Issue.record("opened \(name)")
            } catch {
                #expect(error.code == .unreadableFile)
                #expect(error.description.contains("not a regular file"), "\(error)")
                #expect(!error.description.contains(folder.path))
            }
        }
        // In a folder of exports: the FIFO is a table whose reading fails, the others are read.
        try folder.write("agents.csv", "id,name\n1,A\n")
        let store = try StoreEndpoint(id: "exports", engine: .csv, url: folder.path).open(environment: [:])
        defer { store.close() }
        #expect(try store.count(in: "agents") == 1)
        do {
            _ = try store.count(in: "chats")
            Issue.record("read a FIFO")
        } catch {
            #expect(error.code == .unreadableFile)
            #expect(error.description.contains("not a regular file"), "\(error)")
        }
    }

    @Test func missingVariable() {
        let endpoint = StoreEndpoint(
            id: "crm", engine: .postgres, url: "postgres://app:${CRM_PASSWORD}@db.internal/crm")
        do {
            _ = try endpoint.open(environment: ["OTHER": "x"])
            Issue.record("opened")
        } catch {
            #expect(error.code == .missingVariable)
            #expect(
                error.description
                    == "store 'crm': the environment variable CRM_PASSWORD its URL refers to is not set [missing-variable]"
            )
        }
    }

    @Test(arguments: ["${UNCLOSED", "${1BAD}", "${}"])
    func malformedReferences(url: String) {
        do {
            _ = try StoreEndpoint(id: "s", engine: .sqlite, url: url).resolvedURL(environment: ["UNCLOSED": "x"])
            Issue.record("resolved")
        } catch {
            #expect(error.code == .invalidURL)
        }
    }

    @Test func referencesResolve() throws {
        let env = ["HOST": "db", "PASS": "p@ss"]
        func resolve(_ url: String) throws -> ResolvedSecret {
            try StoreEndpoint(id: "s", engine: .postgres, url: url).resolvedURL(environment: env)
        }
        #expect(try resolve("postgres://u:${PASS}@${HOST}:5432/x").revealed == "postgres://u:p@ss@db:5432/x")
        #expect(try resolve("$HOME/a$${B}").revealed == "$HOME/a${B}")
        #expect(try resolve("$${not a name}/$$${HOST}").revealed == "${not a name}/$${HOST}")
        // The resolved URL never prints.
        let resolved = try resolve("${PASS}")
        #expect("\(resolved)" == "<redacted>")
        #expect(String(reflecting: resolved) == "<redacted>")
        var dumped = ""
        dump(resolved, to: &dumped)
        #expect(!dumped.contains("p@ss"))
    }

    /// `$${` is a literal `${` when a store connects, as `cadre validate` reads it: a file whose
    /// name holds `${` is reached through a URL that writes it `$${`.
    @Test func aDoubledDollarReachesAFileWhoseNameHoldsABrace() throws {
        let folder = TemporaryDirectory()
        try folder.write("export${2025}.csv", "id,note\n1,hello\n2,bye\n")
        let url = folder.file("export$${2025}.csv")
        let store = try StoreEndpoint(id: "exports", engine: .csv, url: url).open(environment: [:])
        defer { store.close() }
        #expect(try store.tableNames() == ["export${2025}"])
        #expect(try store.count(in: "export${2025}") == 2)
    }

    @Test func endpointsDoNotPrintTheirURL() {
        let endpoint = StoreEndpoint(id: "crm", engine: .postgres, url: "postgres://app:hunter2@db/crm")
        var dumped = ""
        dump(endpoint, to: &dumped)
        for text in ["\(endpoint)", String(reflecting: endpoint), dumped] {
            #expect(!text.contains("hunter2"), "\(text)")
            #expect(text.contains("crm"))
        }
    }

    @Test func missingTableAndColumn() throws {
        let fixture = try SQLiteFixture.standard()
        let store = try fixture.open()
        defer { store.close() }
        do {
            _ = try store.count(in: "recording", olderThan: DateCases.cutoff, by: "recorded_at")
            Issue.record("counted")
        } catch {
            #expect(error.code == .missingTable)
            #expect(
                error.description == "store 'calls', table 'recording': the database has no such table [missing-table]")
        }
        do {
            _ = try store.count(in: "recordings", olderThan: DateCases.cutoff, by: "recorded_on")
            Issue.record("counted")
        } catch {
            #expect(error.code == .missingColumn)
            #expect(
                error.description
                    == "store 'calls', table 'recordings', column 'recorded_on': the table has no such column [missing-column]"
            )
        }
        do {
            _ = try store.scan("chats", columns: ["message", "body"])
            Issue.record("scanned")
        } catch {
            #expect(error.code == .missingColumn)
            #expect(error.column == "body")
        }
    }

    @Test func invalidRequests() throws {
        let fixture = try SQLiteFixture.standard()
        let store = try fixture.open()
        defer { store.close() }
        #expect(
            throws: StoreError(
                .invalidRequest, store: "calls", table: "chats", message: "a scan needs at least one column")
        ) {
            try store.scan("chats", columns: [], detectors: .standard, limits: ScanLimits())
        }
        do {
            _ = try store.scan("chats", columns: ["message"], detectors: .standard, limits: ScanLimits(rowCap: -1))
            Issue.record("accepted")
        } catch {
            #expect(error.code == .invalidRequest)
        }
    }

    @Test func closedStore() throws {
        let fixture = try SQLiteFixture.standard()
        let store = try fixture.open()
        store.close()
        store.close()
        #expect(throws: StoreError.self) { try store.count(in: "recordings") }
        do { _ = try store.tableNames() } catch { #expect(error.code == .closed) }
    }

    @Test func relativePathsStartAtTheBaseDirectory() throws {
        let fixture = try SQLiteFixture.standard()
        let endpoint = StoreEndpoint(id: "calls", engine: .sqlite, url: "calls.sqlite")
        let store = try endpoint.open(environment: [:], options: StoreOptions(baseDirectory: fixture.folder.path))
        defer { store.close() }
        #expect(try store.count(in: "customers") == 4)
        let fileURL = StoreEndpoint(id: "calls", engine: .sqlite, url: "file://" + fixture.path)
        #expect(try fileURL.open(environment: [:]).count(in: "customers") == 4)
        do {
            _ = try StoreEndpoint(id: "calls", engine: .sqlite, url: "sqlite://server/calls.sqlite").open(
                environment: [:])
            Issue.record("opened")
        } catch {
            #expect(error.code == .invalidURL)
        }
    }
}
