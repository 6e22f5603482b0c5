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
            _ = try SQLiteStore(endpoint: StoreEndpoint(id: "calls", engine: .sqlite, url: folder.path), environment: [:])
            Issue.record("opened a folder")
        } catch {
            #expect(error.code == .unreadableFile)
        }
    }

    @Test func missingVariable() {
        let endpoint = StoreEndpoint(id: "crm", engine: .postgres, url: "postgres://app:${CRM_PASSWORD}@db.internal/crm")
        do {
            _ = try endpoint.open(environment: ["OTHER": "x"])
            Issue.record("opened")
        } catch {
            #expect(error.code == .missingVariable)
            #expect(error.description == "store 'crm': the environment variable CRM_PASSWORD its URL refers to is not set [missing-variable]")
        }
    }

    @Test(arguments: ["${UNCLOSED", "${1BAD}", "${}"])
    func malformedReferences(url: String) {
        do {
            _ = try URLTemplate(text: url).resolve(environment: ["UNCLOSED": "x"], store: "s")
            Issue.record("resolved")
        } catch {
            #expect(error.code == .invalidURL)
        }
    }

    @Test func referencesResolve() throws {
        let env = ["HOST": "db", "PASS": "p@ss"]
        #expect(try URLTemplate(text: "postgres://u:${PASS}@${HOST}:5432/x").resolve(environment: env, store: "s").text == "postgres://u:p@ss@db:5432/x")
        #expect(try URLTemplate(text: "$HOME/a$${B}").resolve(environment: env, store: "s").text == "$HOME/a${B}")
        // The resolved URL never prints.
        let resolved = try URLTemplate(text: "${PASS}").resolve(environment: env, store: "s")
        #expect("\(resolved)" == "<hidden>")
        #expect(String(reflecting: resolved) == "<hidden>")
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
            #expect(error.description == "store 'calls', table 'recording': the database has no such table [missing-table]")
        }
        do {
            _ = try store.count(in: "recordings", olderThan: DateCases.cutoff, by: "recorded_on")
            Issue.record("counted")
        } catch {
            #expect(error.code == .missingColumn)
            #expect(error.description == "store 'calls', table 'recordings', column 'recorded_on': the table has no such column [missing-column]")
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
        #expect(throws: StoreError(.invalidRequest, store: "calls", table: "chats", message: "a scan needs at least one column")) {
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
            _ = try StoreEndpoint(id: "calls", engine: .sqlite, url: "sqlite://server/calls.sqlite").open(environment: [:])
            Issue.record("opened")
        } catch {
            #expect(error.code == .invalidURL)
        }
    }
}
