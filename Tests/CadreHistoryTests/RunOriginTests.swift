import CadreEngine
import CadreModel
import Foundation
import GRDB
import Testing

@testable import CadreHistory

/// What triggered a run: recorded, read back, and `cadre watch`'s runs left out of `last`.
@Suite struct RunOriginTests {
    func recheck(_ workspace: HistoryWorkspace, _ trigger: RunOrigin.Trigger, asOf: String) throws -> RecheckOutcome {
        var recheck = Recheck(workspace: try workspace.open(), history: try workspace.history(), cadreVersion: "test")
        recheck.origin = RunOrigin(trigger: trigger, commit: "c0ffee", branch: "main")
        return try recheck.run(asOf: try ISODate(parsing: asOf))
    }

    @Test func watchRunsDoNotMoveLast() throws {
        let workspace = try HistoryWorkspace(files: WorkspaceModel().files())
        let first = try recheck(workspace, .recheck, asOf: "2026-11-29")
        #expect(first.run?.info.id == 1)
        _ = try recheck(workspace, .watch, asOf: "2026-11-30")
        _ = try recheck(workspace, .watch, asOf: "2026-12-01")
        let history = try workspace.history()
        #expect(try history.runs().map { $0.origin.trigger } == [.watch, .watch, .recheck])
        #expect(try history.runs().allSatisfy { $0.origin.commit == "c0ffee" && $0.origin.branch == "main" })
        #expect(try history.lastRun()?.info.id == 1, "last is the last run watch did not record")
        #expect(try history.lastRun(countingWatch: true)?.info.id == 3)
        #expect(try history.run(.last(back: 1)) == nil)
        // A re-check compares with the last run watch did not record; a watch, with its own last.
        let again = try recheck(workspace, .recheck, asOf: "2026-12-01")
        #expect(again.previous?.id == 1)
        let watch = try recheck(workspace, .watch, asOf: "2026-12-01")
        #expect(watch.previous?.id == 4)
        #expect(try history.run(.last(back: 1))?.info.id == 1)
    }

    @Test func aHistoryFromBeforeOriginsIsMigratedAndItsRunsShowNone() throws {
        let workspace = try HistoryWorkspace(files: WorkspaceModel().files())
        _ = try workspace.recheck(asOf: "2026-11-29")
        // The history as the cadre before origins wrote it: no columns, no v5 migration.
        do {
            let queue = try DatabaseQueue(path: HistoryStore.file(in: workspace.root.path))
            try queue.write { db in
                try db.execute(
                    sql: """
                        ALTER TABLE run DROP COLUMN "trigger";
                        ALTER TABLE run DROP COLUMN commit_id;
                        ALTER TABLE run DROP COLUMN branch;
                        DELETE FROM grdb_migrations WHERE identifier LIKE 'v5:%';
                        """)
            }
        }
        _ = try recheck(workspace, .recheck, asOf: "2026-11-30")
        let runs = try workspace.history().runs()
        #expect(runs.map(\.origin) == [RunOrigin(trigger: .recheck, commit: "c0ffee", branch: "main"), RunOrigin()])
        let text = RunListing(runs: runs).text().split(separator: "\n")
        #expect(text[2].contains("  —        —       —       2026-11-29  full "))
    }

    @Test func aMessageWordedOtherwiseIsARewordingNeverNew() throws {
        let location = SourceLocation(file: "systems/a.yaml", line: 3, column: 5)
        func result(_ messages: [String]) -> RuleResult {
            RuleResult(
                rule: "test.rule", system: "a", status: .fail, severity: .high,
                findings: messages.map { Finding(level: .fail, message: $0, location: location, path: nil) })
        }
        let (entry, category) = try #require(
            RunDiff.entry(
                system: "a", file: "systems/a.yaml", rule: "test.rule", severity: .high,
                before: result(["kept P3Y; six months at most", "2483 rows are older than P6M"]),
                after: result(["kept P3Y; three months at most", "3000 rows are older than P6M"])))
        #expect(category == .changed)
        #expect(entry.reworded.map(\.now.message) == ["kept P3Y; three months at most"])
        // Other numbers say something else: a new failing finding, as before.
        #expect(entry.added.map(\.message) == ["3000 rows are older than P6M"])
        #expect(entry.removed.map(\.message) == ["2483 rows are older than P6M"])
        #expect(entry.isNewFailure(at: .high))

        let (reworded, _) = try #require(
            RunDiff.entry(
                system: "a", file: "systems/a.yaml", rule: "test.rule", severity: .high,
                before: result(["kept P3Y; six months at most"]), after: result(["kept P3Y; three months at most"])))
        #expect(reworded.added.isEmpty && reworded.removed.isEmpty)
        #expect(!reworded.isNewFailure(at: .high), "only the wording changed")
        let diff = RunDiff(from: nil, to: nil, newFailures: [], resolved: [], changed: [reworded])
        #expect(diff.newFailureCount(at: .high) == 0)
    }
}
