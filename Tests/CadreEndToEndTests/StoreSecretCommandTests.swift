import Foundation
import Testing

@testable import CadreHistory

/// A password written in clear in a store's URL: `cadre validate` warns that it belongs in
/// `${VAR}`, and nothing cadre writes or keeps holds it — reports, what it prints, the history —
/// while re-checks still reach the store.
@Suite struct StoreSecretCommandTests {
    static func descriptor(id: String, stores: String) -> String {
        """
        cadre: system/v1
        id: \(id)
        name: System \(id)
        owner: team@example.com
        \(stores)
        """
    }

    @Test func validateWarnsAtTheURLThatAPasswordBelongsInAVariable() throws {
        let folder = try TemporaryFolder(files: [
            "systems/a.yaml": Self.descriptor(
                id: "a",
                stores: """
                    stores:
                      - id: crm
                        engine: postgres
                        url: postgres://u:s3cret-one@db.invalid/crm
                      - id: billing
                        engine: postgres
                        url: postgres://u@db.invalid/billing?sslmode=require&password=s3cret-two
                      - id: calls
                        engine: postgres
                        url: postgres://u:${CALLS_PASSWORD}@db.invalid/calls?sslmode=require
                    """)
        ])
        let output = try CadreCommand.run(["validate", "systems/a.yaml"], in: folder.url)
        #expect(output.status == 0)
        let hint =
            "    hint: a password belongs in an environment variable: write `${STORE_PASSWORD}` in its place, resolved only when cadre connects"
        #expect(
            output.stdout.contains(
                """
                systems/a.yaml:8:10: warning: `url` holds a password or another secret written in clear (shown masked: `postgres://u:•••@db.invalid/crm`) [secret-in-descriptor]
                \(hint)
                """), "\(output.stdout)")
        #expect(
            output.stdout.contains(
                """
                systems/a.yaml:11:10: warning: `url` holds a password or another secret written in clear (shown masked: `postgres://u@db.invalid/billing?sslmode=require&password=•••`) [secret-in-descriptor]
                """), "\(output.stdout)")
        #expect(output.stdout.components(separatedBy: "[secret-in-descriptor]").count == 3)
        #expect(!output.stdout.contains("s3cret") && !output.stderr.contains("s3cret"))
        #expect(try CadreCommand.run(["validate", "--strict", "systems/a.yaml"], in: folder.url).status == 2)
    }

    @Test func aClearTextPostgresPasswordIsNeverKeptAndRechecksStillReachTheStore() throws {
        guard let url = TestPostgres.url() else { return }
        var components = try #require(URLComponents(string: url))
        let password = try #require(components.password, "the test server's URL names no password")
        #expect(password.count >= 8)
        let table = "calls_\(UInt32.random(in: 1...UInt32.max))"
        func psql(_ sql: String) throws -> CadreCommand.Output { try TestPostgres.psql(url, sql) }
        let created = try psql(
            "CREATE TABLE \(table) (id integer PRIMARY KEY, recorded_at date); INSERT INTO \(table) VALUES (1, '2026-11-01');"
        )
        #expect(created.status == 0, "\(created.stderr)")
        defer { _ = try? psql("DROP TABLE IF EXISTS \(table)") }
        // The same server three ways: the password in the user information, as a `password`
        // parameter, and through `${PG_URL}`.
        components.password = nil
        components.queryItems = (components.queryItems ?? []) + [URLQueryItem(name: "password", value: password)]
        let asParameter = try #require(components.string)
        func stores(_ url: String) -> String {
            """
            data:
              - category: user.content.call_recording
                subjects: [customer]
                retention: { period: P6M, from: collection }
            stores:
              - id: calls
                engine: postgres
                url: "\(url)"
                tables:
                  - name: \(table)
                    columns: { id: user.content.call_recording }
                    retention: { period: P6M, column: recorded_at }
            """
        }
        let rule = """
            return {
              id = "t.purge", title = "Purge", severity = "high", references = { "T 1" },
              check = function(system, ctx)
                for _, t in ipairs(system:tables_holding("user.content.call_recording")) do
                  local old = ctx:store(t.store):count(t.name, { older_than = "P6M", column = t.retention.column })
                  if old > 0 then ctx:fail(t.table, "%d old recordings", old) end
                  print(system.stores[1].url)
                end
              end,
            }
            """
        let workspace = try TemporaryFolder(files: [
            "cadre.yaml": "cadre: workspace/v1\nsystems: [systems]\npacks: [./pack]\n",
            "pack/pack.yaml": "cadre: pack/v1\nid: t\nversion: 1.0.0\ntitle: T\napi: 1\n",
            "pack/purge.lua": rule,
            "systems/a.yaml": Self.descriptor(id: "a", stores: stores(url)),
            "systems/b.yaml": Self.descriptor(id: "b", stores: stores(asParameter)),
            "systems/c.yaml": Self.descriptor(id: "c", stores: stores("${PG_URL}")),
        ])
        let environment = ["PG_URL": url]
        let first = try CadreCommand.run(
            ["recheck", "--as-of", "2026-11-29", "--format", "json"], in: workspace.url, environment: environment)
        #expect(first.status == 0, "\(first.stdout)\(first.stderr)")
        #expect(try psql("INSERT INTO \(table) VALUES (2, '2025-01-01');").status == 0)
        let second = try CadreCommand.run(
            ["recheck", "--as-of", "2026-11-29"], in: workspace.url, environment: environment)
        #expect(second.status == 1, "\(second.stdout)\(second.stderr)")
        for system in ["a", "b", "c"] {
            #expect(second.stdout.contains("PASS → FAIL  high  t.purge on \(system)\n"), "\(second.stdout)")
        }
        let report = try CadreCommand.run(
            ["evaluate", "--as-of", "2026-11-29", "--format", "json", "--verbose"], in: workspace.url,
            environment: environment)
        #expect(report.stdout.components(separatedBy: "1 old recordings").count == 4, "\(report.stdout)")
        #expect(report.stdout.contains("postgres://cadre_test:•••@"))

        let kept = try HistoryStore.readableContents(
            ofHistory: workspace.url.appendingPathComponent(".cadre/history.sqlite").path)
        #expect(kept.count > 10_000)
        #expect(kept.range(of: Data(password.utf8)) == nil, "the history holds the password")
        for output in [first, second, report] {
            #expect(!(output.stdout + output.stderr).contains(password))
        }
    }
    /// `$${` writes a literal `${` in a store URL: `cadre validate` accepts it (what follows is
    /// not read as a reference, valid name or not), and the store is reached at the file whose
    /// name holds `${`.
    @Test func aDoubledDollarIsALiteralBraceForValidateAndForTheStore() throws {
        let rule = """
            return {
              id = "t.rows", title = "Rows", severity = "high", references = { "T 1" },
              check = function(system, ctx)
                ctx:fail(system.stores[1], "%d rows", ctx:store("exports"):count("export${not-a-name}"))
              end,
            }
            """
        let workspace = try TemporaryFolder(files: [
            "cadre.yaml": "cadre: workspace/v1\nsystems: [systems]\npacks: [./pack]\n",
            "pack/pack.yaml": "cadre: pack/v1\nid: t\nversion: 1.0.0\ntitle: T\napi: 1\n",
            "pack/rows.lua": rule,
            "exports/export${not-a-name}.csv": "id,note\n1,a\n2,b\n3,c\n",
            "systems/a.yaml": Self.descriptor(
                id: "a",
                stores: """
                    stores:
                      - id: exports
                        engine: csv
                        url: "exports/export$${not-a-name}.csv"
                    """),
        ])
        let validation = try CadreCommand.run(["validate", "systems/a.yaml"], in: workspace.url)
        #expect(validation.status == 0, "\(validation.stdout)")
        #expect(validation.stdout == "1 file checked: 1 valid, 0 invalid (0 errors, 0 warnings)\n")
        let evaluation = try CadreCommand.run(["evaluate", "--as-of", "2026-11-29"], in: workspace.url)
        #expect(evaluation.status == 1, "\(evaluation.stdout)\(evaluation.stderr)")
        #expect(evaluation.stdout.contains("fail: 3 rows"), "\(evaluation.stdout)")
    }
}
