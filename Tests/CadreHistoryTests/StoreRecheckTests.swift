import CadreEngine
import CadreHistory
import CadreModel
import Foundation
import GRDB
import Testing

/// Rules that read stores: their data changes without any file changing, so a re-check evaluates
/// them again on every system that declares stores, every time.
@Suite struct StoreRecheckTests {
    static let rule = """
        -- Recordings older than six months are purged.
        return {
          id = "test.purge", title = "Purge", severity = "high", references = { "Test Art. 7" },
          check = function(system, ctx)
            for _, t in ipairs(system:tables_holding("user.content.call_recording")) do
              local old = ctx:store(t.store):count(t.name, { older_than = "P6M", column = t.retention.column })
              if old > 0 then ctx:fail(t.table, "%d old recordings in %s", old, t.name) end
            end
          end,
        }

        """

    static let stores = """
        stores:
          - id: calls
            engine: sqlite
            url: calls.sqlite
            tables:
              - name: recordings
                columns: { audio: user.content.call_recording }
                retention: { period: P6M, column: recorded_at }
        """

    static func workspace() throws -> HistoryWorkspace {
        let workspace = try HistoryWorkspace(files: [
            "cadre.yaml": "cadre: workspace/v1\nsystems: [systems]\npacks: [./pack]\n",
            "pack/pack.yaml": HistoryWorkspace.manifest,
            "pack/purge.lua": rule,
            "pack/other.lua":
                "return { id = 'test.other', title = 'Other', severity = 'low', references = { 'Test' }, check = function(system, ctx) end }\n",
            "systems/a.yaml": HistoryWorkspace.descriptor(id: "a", extra: stores),
            "systems/b.yaml": HistoryWorkspace.descriptor(id: "b"),
        ])
        try insert(["2026-11-01"], into: workspace)
        return workspace
    }

    static func insert(_ dates: [String], into workspace: HistoryWorkspace) throws {
        let queue = try DatabaseQueue(path: workspace.root.appendingPathComponent("calls.sqlite").path)
        try queue.write { db in
            try db.execute(
                sql: "CREATE TABLE IF NOT EXISTS recordings (id INTEGER PRIMARY KEY, audio TEXT, recorded_at TEXT)")
            for date in dates {
                try db.execute(
                    sql: "INSERT INTO recordings (audio, recorded_at) VALUES ('a.opus', ?)", arguments: [date])
            }
        }
    }

    @Test func newDataIsSeenByTheNextRecheck() throws {
        let workspace = try Self.workspace()
        let first = try workspace.recheck(asOf: "2026-11-29")
        #expect(first.diff.newFailures.isEmpty)
        try Self.insert(["2025-01-01", "2025-02-01"], into: workspace)
        let outcome = try workspace.recheck(asOf: "2026-11-29")
        let plan = try #require(outcome.plan)
        // Only the rule that reads stores, only on the system that declares one.
        #expect(plan.evaluatedPairs == 1)
        #expect(plan.reasons.map(\.kind) == [.stores])
        #expect(outcome.diff.newFailures.map { "\($0.rule)@\($0.system)" } == ["test.purge@a"])
        #expect(outcome.diff.newFailures.first?.after?.findings.first?.message == "2 old recordings in recordings")
        // And what the re-check recorded is what a full evaluation finds.
        let history = try workspace.history()
        let view = try history.evaluation(of: try #require(try history.lastRun()))
        #expect(view.systems == (try workspace.evaluate(asOf: "2026-11-29")).systems)
    }

    @Test func withoutStoresNothingIsReadAgain() throws {
        let workspace = try Self.workspace()
        let recheck = { (readsStores: Bool) in
            try Recheck(
                workspace: try workspace.open(), history: try workspace.history(), cadreVersion: "test", jobs: 1,
                readsStores: readsStores
            )
            .run(asOf: try ISODate(parsing: "2026-11-29"))
        }
        _ = try recheck(false)
        let again = try recheck(false)
        #expect(again.plan?.evaluatedPairs == 0)
        let reading = try recheck(true)
        #expect(reading.plan?.isFull == true)
        #expect(reading.plan?.reasons.map(\.description) == ["stores: not read → read: every pair is evaluated"])
    }
}
