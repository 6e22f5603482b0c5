import CadreEngine
import CadreHistory
import CadreModel
import Foundation
import GRDB
import Testing

/// The history file: its tables, migrations, transactions, and what a run records.
@Suite struct HistoryStoreTests {
    @Test func aNewHistoryHasItsMigrationsAndWAL() throws {
        let workspace = try HistoryWorkspace(files: WorkspaceModel().files())
        _ = try workspace.history()
        let queue = try DatabaseQueue(path: HistoryStore.file(in: workspace.root.path))
        let (migrations, mode, tables) = try queue.read { db in
            (
                try String.fetchAll(db, sql: "SELECT identifier FROM grdb_migrations"), try String.fetchOne(db, sql: "PRAGMA journal_mode"),
                try Set(String.fetchAll(db, sql: "SELECT name FROM sqlite_master WHERE type = 'table'"))
            )
        }
        #expect(migrations == ["v1: runs, inputs, rules, waivers, systems, results"])
        #expect(mode == "wal")
        #expect(tables.isSuperset(of: ["run", "input", "rule", "waiver", "system", "result", "result_list"]))
    }

    @Test func aRunRecordsItsInputsWithDigests() throws {
        let workspace = try HistoryWorkspace(files: WorkspaceModel().files())
        _ = try workspace.recheck(asOf: "2026-11-29", version: "9.9.9")
        let run = try #require(try workspace.history().lastRun())
        #expect(run.info.cadreVersion == "9.9.9")
        #expect(run.info.workspace == "Property")
        #expect(run.info.asOf.description == "2026-11-29")
        #expect(run.info.packs.map { "\($0.id) \($0.version)" } == ["other 2.0.0", "test 1.0.0"])
        let packFiles = run.inputs.filter { $0.kind == .packFile }.map(\.path).sorted()
        #expect(packFiles == [
            "other/lapse.lua", "other/pack.yaml", "pack/asof.lua", "pack/data.yaml", "pack/lib/shared.lua", "pack/pack.yaml", "pack/retention.lua",
            "pack/shared.lua", "pack/version.lua", "pack/window.lua",
        ])
        let digest = try #require(run.input(.packFile, at: "pack/retention.lua")?.digest)
        #expect(digest.count == 64)
        #expect(run.input(.waiverFile, at: "waivers.yaml") != nil)
        #expect(run.input(.configuration, at: "cadre.yaml") != nil)
        #expect(run.input(.pack, at: "pack")?.detail["setting.calendar"] == "a")
        #expect(run.systems.map(\.file) == ["systems/a.yaml", "systems/b.yaml", "systems/c.yaml"])
        #expect(run.systems.map { $0.digest.count } == [64, 64, 64])
        #expect(run.systems[2].waivers.map(\.rule) == ["test.asof"])
        #expect(run.waivers.map { "\($0.rule)@\($0.system)" } == ["test.retention@a"])
        #expect(run.rules.map(\.file).allSatisfy { !$0.hasPrefix("/") })
    }

    @Test func anUnchangedResultIsStoredOnce() throws {
        let workspace = try HistoryWorkspace(files: WorkspaceModel().files())
        _ = try workspace.recheck(asOf: "2026-11-29")
        let queue = try DatabaseQueue(path: HistoryStore.file(in: workspace.root.path))
        let results = try queue.read { try Int.fetchOne($0, sql: "SELECT count(*) FROM result") }
        let lists = try queue.read { try Int.fetchOne($0, sql: "SELECT count(*) FROM result_list") }
        _ = try workspace.recheck(asOf: "2026-11-29")
        _ = try workspace.recheck(asOf: "2026-11-29")
        #expect(try queue.read { try Int.fetchOne($0, sql: "SELECT count(*) FROM result") } == results)
        #expect(try queue.read { try Int.fetchOne($0, sql: "SELECT count(*) FROM result_list") } == lists)
        #expect(try queue.read { try Int.fetchOne($0, sql: "SELECT count(*) FROM system") } == 9)
    }

    @Test func aRunThatFailsToRecordLeavesNothingBehind() throws {
        let workspace = try HistoryWorkspace(files: WorkspaceModel().files())
        _ = try workspace.recheck(asOf: "2026-11-29")
        let history = try workspace.history()
        var run = try #require(try history.lastRun())
        // Two systems with one file break the primary key halfway through the transaction.
        run.systems.append(run.systems[0])
        #expect(throws: HistoryError.self) { try history.record(run, results: [:]) }
        #expect(try history.runs().map(\.id) == [1])
        let queue = try DatabaseQueue(path: HistoryStore.file(in: workspace.root.path))
        #expect(try queue.read { try Int.fetchOne($0, sql: "SELECT count(*) FROM input WHERE run_id <> 1") } == 0)
        #expect(try history.integrityCheck() == "ok")
    }

    @Test func aHistoryFromANewerCadreIsRefused() throws {
        let workspace = try HistoryWorkspace(files: WorkspaceModel().files())
        _ = try workspace.history()
        let queue = try DatabaseQueue(path: HistoryStore.file(in: workspace.root.path))
        try queue.write { try $0.execute(sql: "INSERT INTO grdb_migrations (identifier) VALUES ('v9: from the future')") }
        #expect { _ = try workspace.history() } throws: { error in
            (error as? HistoryError)?.message == "the history was written by a newer cadre"
        }
    }

    @Test func runsAreNamedByNumberOrFromTheLast() {
        #expect(RunReference("12") == .id(12))
        #expect(RunReference("last") == .last(back: 0))
        #expect(RunReference("last~2") == .last(back: 2))
        #expect(RunReference("last~") == nil)
        #expect(RunReference("0") == nil)
        #expect(RunReference("first") == nil)
    }

    @Test func pathsAreRecordedRelativeToTheWorkspace() throws {
        let workspace = try HistoryWorkspace(files: WorkspaceModel().files())
        let outcome = try workspace.recheck(asOf: "2026-11-29")
        let history = try workspace.history()
        let run = try #require(try history.lastRun())
        // Read back from the workspace's parent folder, the same results point at files from there.
        let parent = workspace.root.deletingLastPathComponent().path
        let name = workspace.root.lastPathComponent
        let fromParent = try history.evaluation(of: run, root: workspace.root.path.replacingOccurrences(of: parent + "/", with: ""))
        #expect(fromParent.systems.map(\.file) == ["\(name)/systems/a.yaml", "\(name)/systems/b.yaml", "\(name)/systems/c.yaml"])
        let finding = try #require(outcome.diff.newFailures.first?.after?.findings.first)
        #expect(finding.location.file.hasPrefix(workspace.root.path + "/systems/"))
        #expect(fromParent.rules.first?.file.hasPrefix(name + "/") == true)
    }
}
