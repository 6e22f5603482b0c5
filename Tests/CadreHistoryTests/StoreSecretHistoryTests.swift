import CadreEngine
import CadreModel
import Foundation
import GRDB
import Testing

@testable import CadreHistory

/// A password or another secret written in clear in a store's URL is never written where cadre
/// keeps state: not in the parse a re-check keeps, not in results (rules see the URL masked), not
/// in logs or problems. Its store is still reached by re-checks, which read that descriptor again,
/// and `${VAR}` URLs work as before.
@Suite struct StoreSecretHistoryTests {
    /// The secrets of the descriptors below: none may appear in any byte of `.cadre/`.
    static let secrets = ["hunter2-secret", "hunter3-secret", "hunter4-secret"]

    /// A rule that writes the URLs it sees, and one that reads the stores of recordings.
    static let urlRule = """
        return {
          id = "test.urls", title = "URLs", severity = "low", references = { "Test" },
          check = function(system, ctx)
            for _, store in ipairs(system.stores or {}) do
              print(store.url)
              ctx:info(store, "url %s", store.url)
            end
          end,
        }
        """

    /// System a reaches its recordings through a path that holds a secret parameter (a store
    /// reachable without a server) and declares two servers with passwords written in clear;
    /// system b names its recordings through `${CALLS_DB}`.
    static let storesOfA =
        StoreRecheckTests.stores.replacingOccurrences(
            of: "url: calls.sqlite", with: #"url: "vault/password=hunter4-secret/calls.sqlite""#) + "\n" + """
              - id: crm
                engine: postgres
                url: "postgres://u:hunter2-secret@db.invalid/crm"
              - id: billing
                engine: postgres
                url: "postgres://u@db.invalid/billing?sslmode=require&password=hunter3-secret"
            """

    static let storesOfB = StoreRecheckTests.stores.replacingOccurrences(
        of: "url: calls.sqlite", with: "url: ${CALLS_DB}")

    func workspace() throws -> HistoryWorkspace {
        let workspace = try HistoryWorkspace(files: [
            "cadre.yaml": "cadre: workspace/v1\nsystems: [systems]\npacks: [./pack]\n",
            "pack/pack.yaml": HistoryWorkspace.manifest,
            "pack/purge.lua": StoreRecheckTests.rule,
            "pack/urls.lua": Self.urlRule,
            "systems/a.yaml": HistoryWorkspace.descriptor(id: "a", extra: Self.storesOfA),
            "systems/b.yaml": HistoryWorkspace.descriptor(id: "b", extra: Self.storesOfB),
        ])
        for path in ["vault/password=hunter4-secret/calls.sqlite", "b-calls.sqlite"] {
            try FileManager.default.createDirectory(
                at: workspace.root.appendingPathComponent(path).deletingLastPathComponent(),
                withIntermediateDirectories: true)
            let queue = try DatabaseQueue(path: workspace.root.appendingPathComponent(path).path)
            try queue.write { db in
                try db.execute(sql: "CREATE TABLE recordings (id INTEGER PRIMARY KEY, audio TEXT, recorded_at TEXT)")
                try db.execute(sql: "INSERT INTO recordings (audio, recorded_at) VALUES ('a.opus', '2026-11-01')")
            }
        }
        return workspace
    }

    func recheck(_ workspace: HistoryWorkspace) throws -> RecheckOutcome {
        try Recheck(
            workspace: try workspace.open(), history: try workspace.history(), cadreVersion: "test", jobs: 1,
            environment: ["CALLS_DB": "b-calls.sqlite"]
        ).run(asOf: try ISODate(parsing: "2026-11-29"))
    }

    /// The secrets found in any file of `.cadre/` (the history, its WAL and shared memory), or
    /// in a body the history holds compressed.
    func secretsKept(in workspace: HistoryWorkspace) throws -> [String] {
        let bytes = try HistoryStore.readableContents(ofHistory: HistoryStore.file(in: workspace.root.path))
        #expect(bytes.count > 10_000)
        return Self.secrets.filter { bytes.range(of: Data($0.utf8)) != nil }
    }

    @Test func noSecretOfAStoreURLIsKeptAndItsStoreIsStillReached() throws {
        let workspace = try workspace()
        _ = try recheck(workspace)
        #expect(try secretsKept(in: workspace) == [])

        // Rules read the URLs masked: their findings and logs hold no secret.
        let history = try workspace.history()
        let first = try history.evaluation(of: try #require(try history.lastRun()))
        let urls = try #require(first.result("test.urls", on: "a"))
        #expect(
            urls.findings.map(\.message) == [
                "url vault/password=•••", "url postgres://u:•••@db.invalid/crm",
                "url postgres://u@db.invalid/billing?sslmode=require&password=•••",
            ])
        #expect(urls.log == urls.findings.map { String($0.message.dropFirst(4)) })
        // The problems recorded for a: one warning per URL, each masked.
        let a = try #require(try history.lastRun()?.systems.first { $0.id == "a" })
        #expect(a.diagnostics.map(\.code) == [.secretInDescriptor, .secretInDescriptor, .secretInDescriptor])
        // Only b's parse is kept; a's is read again by re-checks.
        let kept = try history.database.read { db in try String.fetchAll(db, sql: "SELECT digest FROM parsed_document")
        }
        let b = try #require(try history.lastRun()?.systems.first { $0.id == "b" })
        #expect(kept == [b.digest])

        // New old recordings: both stores are read by the re-check, a's through its URL as written.
        for path in ["vault/password=hunter4-secret/calls.sqlite", "b-calls.sqlite"] {
            let queue = try DatabaseQueue(path: workspace.root.appendingPathComponent(path).path)
            try queue.write { db in
                try db.execute(sql: "INSERT INTO recordings (audio, recorded_at) VALUES ('a.opus', '2025-01-01')")
            }
        }
        let outcome = try recheck(workspace)
        #expect(outcome.diff.newFailures.map { "\($0.rule)@\($0.system)" } == ["test.purge@a", "test.purge@b"])
        #expect(
            outcome.diff.newFailures.map { $0.after?.findings.first?.message } == [
                "1 old recordings in recordings", "1 old recordings in recordings",
            ])
        #expect(try secretsKept(in: workspace) == [])
    }
}
