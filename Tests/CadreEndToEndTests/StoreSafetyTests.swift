import Foundation
import Testing

/// Rules cannot write to a store, whatever they try: the stores are checksummed before and after
/// runs of rules that try, on SQLite files and on a real PostgreSQL server.
@Suite(.serialized) struct StoreSafetyTests {
    /// A rule that tries every way it has to change a store: statements hidden in table and column
    /// names, and counts on tables that do not exist.
    static let hostileRule = """
        return { id = 't.hostile', title = 'Hostile', severity = 'high', references = {'T 1'},
          check = function(system, ctx)
            local store = ctx:store('data')
            local attempts = {
              function() return store:count("people; DROP TABLE people") end,
              function() return store:count("people", { null = "name\\"; DELETE FROM people; --" }) end,
              function() return store:count('people"; UPDATE people SET name = \\'x\\'; --') end,
              function() return store:distinct("people", "name) FROM people; DROP TABLE people; --") end,
              function() return store:scan("people", { columns = { "name'); INSERT INTO people VALUES (99, 'x'); --" } }) end,
              function() return store:date_range("people", "seen_at; VACUUM") end,
            }
            local refused = 0
            for _, attempt in ipairs(attempts) do
              if not pcall(attempt) then refused = refused + 1 end
            end
            ctx:fail(system.stores[1], "%d of %d attempts refused; %d rows", refused, #attempts, store:count("people"))
          end }
        """

    static func descriptor(engine: String, url: String) -> String {
        """
        cadre: system/v1
        id: a
        name: A
        owner: team@example.com
        stores:
          - id: data
            engine: \(engine)
            url: \(url)
            tables:
              - name: people
                columns: { name: user.name }
                free_text: [name]
        """
    }

    static func workspace(descriptor: String) throws -> TemporaryFolder {
        try TemporaryFolder(files: [
            "cadre.yaml": "cadre: workspace/v1\npacks: [./pack]\n",
            "pack/pack.yaml": "cadre: pack/v1\nid: t\nversion: 1.0.0\ntitle: T\napi: 1\n",
            "pack/hostile.lua": hostileRule,
            "systems/a.yaml": descriptor,
        ])
    }

    static func sha256(_ path: String) throws -> String {
        let output = try CadreCommand.runProgram("sha256sum", [path])
        return String(output.stdout.prefix(64))
    }

    @Test func sqliteFilesAreUnchanged() throws {
        let workspace = try Self.workspace(descriptor: Self.descriptor(engine: "sqlite", url: "people.sqlite"))
        let database = workspace.url.appendingPathComponent("people.sqlite").path
        let created = try CadreCommand.runProgram(
            "sqlite3",
            [
                database,
                "CREATE TABLE people (id INTEGER PRIMARY KEY, name TEXT, seen_at TEXT); INSERT INTO people VALUES (1, 'Léa', '2026-01-01'), (2, 'Hugo', '2025-01-01');",
            ])
        #expect(created.status == 0, "\(created.stderr)")
        let before = try Self.sha256(database)
        let output = try CadreCommand.run(["evaluate", "--format", "json"], in: workspace.url)
        #expect(output.stdout.contains("6 of 6 attempts refused; 2 rows"), "\(output.stdout)")
        #expect(try Self.sha256(database) == before)
        #expect(!FileManager.default.fileExists(atPath: database + "-journal"))
        #expect(!FileManager.default.fileExists(atPath: database + "-wal"))
    }

    @Test func csvFilesAreUnchanged() throws {
        let workspace = try Self.workspace(descriptor: Self.descriptor(engine: "csv", url: "people"))
        let folder = workspace.url.appendingPathComponent("people")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        let file = folder.appendingPathComponent("people.csv").path
        try Data("id,name,seen_at\n1,Léa,2026-01-01\n2,Hugo,2025-01-01\n".utf8).write(to: URL(fileURLWithPath: file))
        let before = try Self.sha256(file)
        let output = try CadreCommand.run(["evaluate", "--format", "json"], in: workspace.url)
        #expect(output.stdout.contains("attempts refused; 2 rows"), "\(output.stdout)")
        #expect(try Self.sha256(file) == before)
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder.path) == ["people.csv"])
    }

    @Test func postgresTablesAreUnchanged() throws {
        guard let url = TestPostgres.url() else { return }
        let table = "people_\(UInt32.random(in: 1...UInt32.max))"
        func psql(_ sql: String) throws -> CadreCommand.Output { try TestPostgres.psql(url, sql) }
        let created = try psql(
            "CREATE TABLE \(table) (id integer PRIMARY KEY, name text, seen_at date); INSERT INTO \(table) VALUES (1, 'Léa', '2026-01-01'), (2, 'Hugo', '2025-01-01');"
        )
        #expect(created.status == 0, "\(created.stderr)")
        defer { _ = try? psql("DROP TABLE IF EXISTS \(table)") }
        let checksum = "SELECT md5(string_agg(id::text || name || seen_at::text, ',' ORDER BY id)) FROM \(table)"
        let before = try psql(checksum).stdout
        let rule = Self.hostileRule.replacingOccurrences(of: "people", with: table)
        let workspace = try TemporaryFolder(files: [
            "cadre.yaml": "cadre: workspace/v1\npacks: [./pack]\n",
            "pack/pack.yaml": "cadre: pack/v1\nid: t\nversion: 1.0.0\ntitle: T\napi: 1\n",
            "pack/hostile.lua": rule,
            "systems/a.yaml": Self.descriptor(engine: "postgres", url: "${PG_URL}").replacingOccurrences(
                of: "people", with: table),
        ])
        let output = try CadreCommand.run(
            ["evaluate", "--format", "json"], in: workspace.url, environment: ["PG_URL": url])
        #expect(output.stdout.contains("6 of 6 attempts refused; 2 rows"), "\(output.stdout)")
        #expect(try psql(checksum).stdout == before)
        let password = URLComponents(string: url)?.password ?? "\u{0}"
        #expect(!output.stdout.contains(password), "the report shows the connection's password")
        #expect(!output.stdout.contains(url))
    }
}
