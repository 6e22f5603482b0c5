import CadreEngine
import CadreModel
import Foundation
import GRDB
import Testing

@testable import CadreHistory

/// The history file: its tables, migrations, transactions, and what a run records.
@Suite struct HistoryStoreTests {
    @Test func aNewHistoryHasItsMigrationsAndWAL() throws {
        let workspace = try HistoryWorkspace(files: WorkspaceModel().files())
        _ = try workspace.history()
        let queue = try DatabaseQueue(path: HistoryStore.file(in: workspace.root.path))
        let (migrations, mode, tables) = try queue.read { db in
            (
                try String.fetchAll(db, sql: "SELECT identifier FROM grdb_migrations"),
                try String.fetchOne(db, sql: "PRAGMA journal_mode"),
                try Set(String.fetchAll(db, sql: "SELECT name FROM sqlite_master WHERE type = 'table'"))
            )
        }
        #expect(
            migrations == [
                "v1: runs, inputs, rules, waivers, systems, results", "v2: rule sets, parsed documents",
                "v3: differences in systems' rows", "v4: what rules read",
                "v5: what triggered a run, at which commit", "v6: results recorded without their system",
                "v7: runs that record only the systems that changed", "v8: compressed results and parsed documents",
            ])
        #expect(mode == "wal")
        #expect(
            tables.isSuperset(of: [
                "run", "input", "rule", "waiver", "system", "result", "result_list", "rule_set", "parsed_document",
                "body_dictionary",
            ]))
    }

    @Test func listsOfOneRunShareOneRuleSet() throws {
        let workspace = try HistoryWorkspace(files: WorkspaceModel().files())
        _ = try workspace.recheck(asOf: "2026-11-29")
        let queue = try DatabaseQueue(path: HistoryStore.file(in: workspace.root.path))
        let sets = try queue.read { try String.fetchAll($0, sql: "SELECT body FROM rule_set") }
        #expect(sets == ["other.lapse\ntest.asof\ntest.retention\ntest.shared\ntest.version\ntest.window\n"])
        // 3 systems × 6 rules: a format byte, the rule set's key, 34 bytes a rule.
        let sizes = try queue.read {
            try Int.fetchAll(
                $0, sql: "SELECT length(body) FROM result_list JOIN system ON system.results = result_list.key")
        }
        #expect(sizes == [33 + 6 * 34, 33 + 6 * 34, 33 + 6 * 34])
    }

    @Test func aChangedRuleIsRecordedAsADifferenceFromTheLastFullList() throws {
        var model = WorkspaceModel()
        let workspace = try HistoryWorkspace(files: model.files())
        _ = try workspace.recheck(asOf: "2026-11-29")
        let queue = try DatabaseQueue(path: HistoryStore.file(in: workspace.root.path))
        // The size of each system's list, and of the differences from it its row holds.
        func sizes(_ run: Int) throws -> [[Int]] {
            try queue.read {
                try Row.fetchAll(
                    $0,
                    sql: """
                        SELECT length(body) AS list, ifnull(length(overrides), 0) AS overrides FROM result_list
                        JOIN system ON system.results = result_list.key WHERE run_id = ? ORDER BY file
                        """,
                    arguments: [run]
                ).map { [$0["list"], $0["overrides"]] }
            }
        }
        let full = [33 + 6 * 34, 0]
        func matchesAFullEvaluation(_ outcome: RecheckOutcome) throws {
            let recorded = try workspace.history().evaluation(of: try #require(try workspace.history().lastRun()))
            let full = try workspace.evaluate(asOf: "2026-11-29")
            #expect(recorded.systems.map(\.results) == full.systems.map(\.results))
            #expect(
                try #require(outcome.run).systems.map(\.results)
                    == (try #require(try workspace.history().lastRun())).systems.map(\.results))
        }
        // One rule of six changed: a changed list is its base's key and one entry of 38 bytes.
        model.retentionLimit = "P1Y"
        try workspace.write("pack/retention.lua", model.files()["pack/retention.lua"] ?? "")
        try matchesAFullEvaluation(try workspace.recheck(asOf: "2026-11-29"))
        // c's retention result changed; a's and b's did not, and keep their lists.
        #expect(try sizes(2) == [full, full, [33 + 6 * 34, 38]], "\((try? sizes(2)) ?? [])")
        // Back as it was: c's list is its base again, with no difference.
        model.retentionLimit = "P6M"
        try workspace.write("pack/retention.lua", model.files()["pack/retention.lua"] ?? "")
        try matchesAFullEvaluation(try workspace.recheck(asOf: "2026-11-29"))
        #expect(try sizes(3) == [full, full, full], "\((try? sizes(3)) ?? [])")
        // Each run stored only the results it was first to hold, under keys that start with its
        // number: run 1 its 13 contents (18 pairs: results alike on several systems are one
        // content), run 2 the one that changed; run 3 none (c's result is run 1's again).
        let stored = try queue.read { db in
            try (1...3).map { run in
                try Int.fetchOne(
                    db, sql: "SELECT count(*) FROM result WHERE key LIKE ?", arguments: [String(format: "%08x%%", run)])
                    ?? 0
            }
        }
        #expect(stored == [13, 1, 0])
        // Run 2's differences, written as the lists of their own that earlier histories hold,
        // read back the same.
        let run2 = try #require(try workspace.history().run(.id(2)))
        try queue.write { db in
            for row in try Row.fetchAll(
                db, sql: "SELECT file, results, overrides FROM system WHERE run_id = 2 AND overrides IS NOT NULL")
            {
                let list = [UInt8(2)] + Self.bytes(hex: row["results"]) + [UInt8](row["overrides"] as Data)
                let key = "legacy-" + (row["file"] as String)
                try db.execute(sql: "INSERT INTO result_list (key, body) VALUES (?, ?)", arguments: [key, Data(list)])
                try db.execute(
                    sql: "UPDATE system SET results = ?, overrides = NULL WHERE run_id = 2 AND file = ?",
                    arguments: [key, row["file"]])
            }
        }
        #expect(try sizes(2) == [full, full, [33 + 38, 0]])
        #expect(try #require(try workspace.history().run(.id(2))).systems.map(\.results) == run2.systems.map(\.results))
        // The shared module, the retention message and the pack's version changed too: each list
        // now differs from its base (run 1's) at more than a quarter of its rules, counting every
        // run since, and is recorded in full again.
        model.sharedWord = "beta"
        model.retentionMessage = "kept %s: too long"
        model.version = "1.1.0"
        for (path, text) in model.files() where (try? workspace.read(path)) != text { try workspace.write(path, text) }
        try matchesAFullEvaluation(try workspace.recheck(asOf: "2026-11-29"))
        let runs = try (1...4).map { try #require(try workspace.history().run(.id(Int64($0)))) }
        let differing = runs[0].systems.indices.map { index in
            Set(
                runs.dropFirst().flatMap { run in
                    run.systems[index].results.indices.filter {
                        run.systems[index].results[$0] != runs[0].systems[index].results[$0]
                    }
                }
            ).count
        }
        #expect(differing.allSatisfy { $0 * 4 > 6 }, "\(differing)")
        #expect(try sizes(4) == [full, full, full])
        // A damaged base is reported, not trusted.
        try queue.write { try $0.execute(sql: "UPDATE result_list SET body = x'01' WHERE length(body) = 33 + 6 * 34") }
        #expect(throws: HistoryError.self) { try workspace.history().run(.id(2)) }
    }

    /// The bytes written as `hex` digits.
    static func bytes(hex: String) -> [UInt8] {
        stride(from: 0, to: hex.utf8.count, by: 2).map { offset in
            UInt8(String(decoding: hex.utf8.dropFirst(offset).prefix(2), as: UTF8.self), radix: 16) ?? 0
        }
    }

    @Test func listsWrittenAsTextByTheFirstReleaseAreStillRead() throws {
        let workspace = try HistoryWorkspace(files: WorkspaceModel().files())
        _ = try workspace.recheck(asOf: "2026-11-29")
        let history = try workspace.history()
        let recorded = try #require(try history.lastRun())
        let before = try history.evaluation(of: recorded)
        // Rewrite every list of the run as the first release wrote it.
        let queue = try DatabaseQueue(path: HistoryStore.file(in: workspace.root.path))
        try queue.write { db in
            for system in recorded.systems {
                let text = system.results.map {
                    "\($0.rule) \($0.key.hex) \($0.status.rawValue) \($0.severity.rawValue)\n"
                }.joined()
                let key = "text-" + system.file
                try db.execute(sql: "INSERT INTO result_list (key, body) VALUES (?, ?)", arguments: [key, text])
                try db.execute(sql: "UPDATE system SET results = ? WHERE file = ?", arguments: [key, system.file])
            }
        }
        let reread = try #require(try history.lastRun())
        #expect(reread.systems.map(\.results) == recorded.systems.map(\.results))
        #expect(try history.evaluation(of: reread).systems.map(\.results) == before.systems.map(\.results))
        // A re-check after it compares with the text lists and finds nothing new.
        let outcome = try workspace.recheck(asOf: "2026-11-29")
        #expect(outcome.plan?.evaluatedPairs == 0)
        #expect(outcome.diff.isEmpty)
        // Differences beside a text list were never written: such a row is damaged.
        try queue.write { try $0.execute(sql: "UPDATE system SET overrides = x'00' WHERE run_id = 1") }
        #expect(throws: HistoryError.self) { try history.run(.id(1)) }
    }

    @Test func resultsRecordedWithTheirSystemByEarlierReleasesAreStillRead() throws {
        // Two workspaces alike: one's history rewritten as releases before v6 recorded results
        // (each body naming its system, keyed by its plain digest), the other's left as it is.
        var model = WorkspaceModel()
        let workspace = try HistoryWorkspace(files: model.files())
        let control = try HistoryWorkspace(files: model.files())
        _ = try workspace.recheck(asOf: "2026-11-29")
        _ = try control.recheck(asOf: "2026-11-29")
        let history = try workspace.history()
        let before = try history.evaluation(of: try #require(try history.lastRun()))
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        let queue = try DatabaseQueue(path: HistoryStore.file(in: workspace.root.path))
        try queue.write { db in
            for system in before.systems {
                let text: String = try system.results.map { result -> String in
                    let body = try encoder.encode(result)
                    let key = Digest.sha256(body)
                    try db.execute(
                        sql: "INSERT OR IGNORE INTO result (key, body) VALUES (?, ?)",
                        arguments: [key, String(decoding: body, as: UTF8.self)])
                    return "\(result.rule) \(key) \(result.status.rawValue) \(result.severity.rawValue)\n"
                }.joined()
                let key = "text-" + system.file
                try db.execute(sql: "INSERT INTO result_list (key, body) VALUES (?, ?)", arguments: [key, text])
                try db.execute(sql: "UPDATE system SET results = ? WHERE file = ?", arguments: [key, system.file])
            }
        }
        let systemsNamed = try queue.read {
            try Int.fetchOne($0, sql: #"SELECT count(*) FROM result WHERE body LIKE '%"system":%'"#)
        }
        #expect(systemsNamed == before.systems.reduce(0) { $0 + $1.results.count })
        #expect(try history.evaluation(of: try #require(try history.lastRun())).systems == before.systems)
        // Nothing changed: nothing evaluated, nothing new.
        let unchanged = try workspace.recheck(asOf: "2026-11-29")
        #expect(unchanged.plan?.evaluatedPairs == 0)
        #expect(unchanged.diff.isEmpty)
        _ = try control.recheck(asOf: "2026-11-29")
        // A rule changed: the same changes, on the same systems, as from a history of today.
        model.retentionLimit = "P1Y"
        for folder in [workspace, control] {
            try folder.write("pack/retention.lua", model.files()["pack/retention.lua"] ?? "")
        }
        let changed = try workspace.recheck(asOf: "2026-11-29")
        let expected = try control.recheck(asOf: "2026-11-29")
        #expect(!changed.diff.isEmpty)
        #expect(changed.diff.newFailures == expected.diff.newFailures)
        #expect(changed.diff.resolved == expected.diff.resolved)
        #expect(changed.diff.changed == expected.diff.changed)
        let full = try workspace.evaluate(asOf: "2026-11-29")
        #expect(
            try history.evaluation(of: try #require(try history.lastRun())).systems.map(\.results)
                == full.systems.map(\.results))
    }

    @Test func aBaselineWithTheDigestsOfAnEarlierReleaseReportsTheSameChanges() throws {
        // Releases before v6 digested each result with its system: every digest differs from
        // today's. The pairs are then compared by what they hold, with the same outcome.
        var model = WorkspaceModel()
        let workspace = try HistoryWorkspace(files: model.files())
        let recheck = Recheck(
            workspace: try workspace.open(), history: try workspace.history(), cadreVersion: "test", jobs: 1)
        let first = try recheck.run(asOf: try ISODate(parsing: "2026-11-29"))
        let baseline = try #require(try recheck.baseline(of: first))
        var earlier = baseline
        earlier.results = baseline.results.map { entry in
            var entry = entry
            entry.digest = String(Digest.sha256(Data((entry.digest + entry.result.system).utf8)).prefix(56))
            return entry
        }
        #expect(Set(earlier.results.map(\.digest)).isDisjoint(with: baseline.results.map(\.digest)))
        model.retentionLimit = "P1Y"
        try workspace.write("pack/retention.lua", model.files()["pack/retention.lua"] ?? "")
        func diff(against baseline: Baseline) throws -> RunDiff {
            var recheck = Recheck(
                workspace: try workspace.open(), history: try workspace.history(), cadreVersion: "test", jobs: 1)
            recheck.baseline = baseline
            return try recheck.run(asOf: try ISODate(parsing: "2026-11-29"), record: false).diff
        }
        let expected = try diff(against: baseline)
        let found = try diff(against: earlier)
        #expect(!(expected.newFailures + expected.resolved + expected.changed).isEmpty)
        #expect(found.newFailures == expected.newFailures)
        #expect(found.resolved == expected.resolved)
        #expect(found.changed == expected.changed)
    }

    @Test func resultsAlikeOnManySystemsAreStoredOnce() throws {
        var model = WorkspaceModel()
        model.systems = Dictionary(uniqueKeysWithValues: (1...12).map { ("systems/s\($0).yaml", .init(id: "s\($0)")) })
        model.waivers = []
        let workspace = try HistoryWorkspace(files: model.files())
        let outcome = try workspace.recheck(asOf: "2026-11-29")
        let queue = try DatabaseQueue(path: HistoryStore.file(in: workspace.root.path))
        let pairs = try #require(outcome.run).systems.reduce(0) { $0 + $1.results.count }
        let stored = try #require(try queue.read { try Int.fetchOne($0, sql: "SELECT count(*) FROM result") })
        // 12 systems alike but for their ids and files: a result with findings names its file,
        // the others are one content for every system.
        let evaluation = try workspace.evaluate(asOf: "2026-11-29")
        let distinct = Set(
            evaluation.systems.flatMap { system in
                system.results.map { result in
                    var unnamed = result
                    unnamed.system = ""
                    return unnamed
                }
            }
        ).count
        #expect(pairs == 12 * 6)
        #expect(stored == distinct)
        #expect(stored < pairs, "\(stored) results stored for \(pairs) pairs")
        // Recorded compressed, and without their system once read back.
        let bodies = try queue.read { db in
            let reader = RecordedBodyReader(db)
            return try DatabaseValue.fetchAll(db, sql: "SELECT body FROM result").map { ($0, reader.text($0)) }
        }
        #expect(bodies.count == stored)
        #expect(bodies.allSatisfy { if case .blob = $0.0.storage { true } else { false } })
        #expect(bodies.allSatisfy { $0.1?.hasPrefix("{") == true && $0.1?.contains(#""system":"#) == false })
        // Each read back on its own system.
        let history = try workspace.history()
        let recorded = try history.evaluation(of: try #require(try history.lastRun()))
        #expect(recorded.systems.map(\.results) == evaluation.systems.map(\.results))
        #expect(recorded.systems.allSatisfy { system in system.results.allSatisfy { $0.system == system.id } })
    }

    @Test func aDamagedListIsReportedNotTrusted() throws {
        let workspace = try HistoryWorkspace(files: WorkspaceModel().files())
        _ = try workspace.recheck(asOf: "2026-11-29")
        let queue = try DatabaseQueue(path: HistoryStore.file(in: workspace.root.path))
        try queue.write { try $0.execute(sql: "UPDATE result_list SET body = substr(body, 1, 50)") }
        #expect(throws: HistoryError.self) { try workspace.history().lastRun() }
        try queue.write { try $0.execute(sql: "DELETE FROM rule_set") }
        #expect(throws: HistoryError.self) { try workspace.history().lastRun() }
    }

    @Test func theHistoryKeepsTheLastRunsDescriptorsParsed() throws {
        var model = WorkspaceModel()
        let workspace = try HistoryWorkspace(files: model.files())
        _ = try workspace.recheck(asOf: "2026-11-29")
        let queue = try DatabaseQueue(path: HistoryStore.file(in: workspace.root.path))
        func kept() throws -> Set<String> {
            try queue.read { try Set(String.fetchAll($0, sql: "SELECT digest FROM parsed_document")) }
        }
        func digests() throws -> Set<String> {
            Set(try #require(try workspace.history().lastRun()).systems.map(\.digest))
        }
        #expect(try kept() == digests())
        #expect(try kept().count == 3)
        // A changed descriptor: its new parse is kept, its old one dropped.
        model.systems["systems/b.yaml"]?.recordings = "P2Y"
        for (path, text) in model.files() where (try? workspace.read(path)) != text { try workspace.write(path, text) }
        _ = try workspace.recheck(asOf: "2026-11-29")
        #expect(try kept() == digests())
        // Another cadre does not read this one's parses, and replaces them.
        _ = try workspace.recheck(asOf: "2026-11-29", version: "other")
        #expect(
            try queue.read { try Set(String.fetchAll($0, sql: "SELECT DISTINCT cadre_version FROM parsed_document")) }
                == ["other"])
        #expect(try kept() == digests())
    }

    @Test func anUnchangedDescriptorKeepsItsWarningsWithoutBeingCheckedAgain() throws {
        var model = WorkspaceModel()
        let workspace = try HistoryWorkspace(files: model.files())
        // A warning: an effect without a decision.
        let warned = HistoryWorkspace.descriptor(id: "b", recordings: "P3M", ai: true).replacingOccurrences(
            of: "effect: none", with: "effect: significant")
        try workspace.write("systems/b.yaml", warned)
        _ = try workspace.recheck(asOf: "2026-11-29")
        model.retentionLimit = "P1Y"
        try workspace.write("pack/retention.lua", model.files()["pack/retention.lua"] ?? "")
        let outcome = try workspace.recheck(asOf: "2026-11-29")
        #expect(outcome.plan?.isFull == false)
        let run = try #require(outcome.run)
        let full = try workspace.evaluate(asOf: "2026-11-29")
        let recorded = try workspace.history().evaluation(of: run)
        let warnings = try #require(recorded.systems.first { $0.id == "b" }?.diagnostics)
        #expect(warnings.map(\.message) == ["`bot` has effect `significant` but takes no decision (`decides: none`)"])
        #expect(recorded.systems.map(\.diagnostics) == full.systems.map(\.diagnostics))
        #expect(recorded.systems.map(\.results) == full.systems.map(\.results))
    }

    @Test func aDamagedParseIsParsedAgain() throws {
        var model = WorkspaceModel()
        let workspace = try HistoryWorkspace(files: model.files())
        _ = try workspace.recheck(asOf: "2026-11-29")
        let queue = try DatabaseQueue(path: HistoryStore.file(in: workspace.root.path))
        try queue.write { try $0.execute(sql: "UPDATE parsed_document SET body = x'0102030405'") }
        // A changed rule is evaluated on every system from its kept parse: all damaged.
        model.retentionLimit = "P1Y"
        try workspace.write("pack/retention.lua", model.files()["pack/retention.lua"] ?? "")
        let outcome = try workspace.recheck(asOf: "2026-11-29")
        #expect(outcome.plan?.evaluatedPairs == 3)
        #expect(outcome.diff.resolved.map { "\($0.rule)@\($0.system)" } == ["test.retention@c"])
        let full = try workspace.evaluate(asOf: "2026-11-29")
        let recorded = try workspace.history().evaluation(of: try #require(outcome.run))
        #expect(recorded.systems.map(\.results) == full.systems.map(\.results))
        // The parses are kept again, readable.
        #expect(
            try queue.read { try Int.fetchOne($0, sql: "SELECT count(*) FROM parsed_document WHERE length(body) > 5") }
                == 3)
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
        #expect(
            packFiles == [
                "other/lapse.lua", "other/pack.yaml", "pack/asof.lua", "pack/data.yaml", "pack/lib/shared.lua",
                "pack/pack.yaml", "pack/retention.lua",
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
        // Runs 2 and 3 changed no system: they hold no row of their own, only run 1's number.
        #expect(try queue.read { try Int.fetchOne($0, sql: "SELECT count(*) FROM system") } == 3)
        #expect(
            try queue.read { try Int64.fetchAll($0, sql: "SELECT ifnull(systems_from, 0) FROM run ORDER BY id") }
                == [0, 1, 1])
    }

    @Test func aRunRecordsOnlyTheSystemsThatChangedWhenTheyAreFew() throws {
        var model = WorkspaceModel()
        model.systems = Dictionary(
            uniqueKeysWithValues: (10...21).map { ("systems/s\($0).yaml", WorkspaceModel.System(id: "s\($0)")) })
        model.waivers = []
        let workspace = try HistoryWorkspace(files: model.files())
        _ = try workspace.history()
        let queue = try DatabaseQueue(path: HistoryStore.file(in: workspace.root.path))
        var outcomes: [RecheckOutcome] = []
        /// Re-checks, then says what the run holds: its base, its own rows, the files it removed.
        func recheck() throws -> (base: Int64?, rows: Int, removed: [String]) {
            let outcome = try workspace.recheck(asOf: "2026-11-29")
            outcomes.append(outcome)
            let id = try #require(try workspace.history().lastRun()?.info.id)
            return try queue.read { db in
                (
                    try Int64.fetchOne(db, sql: "SELECT systems_from FROM run WHERE id = ?", arguments: [id]),
                    try Int.fetchOne(db, sql: "SELECT count(*) FROM system WHERE run_id = ?", arguments: [id]) ?? -1,
                    try String.fetchAll(db, sql: "SELECT file FROM system_removed WHERE run_id = ?", arguments: [id])
                )
            }
        }
        func files() throws {
            for (path, text) in model.files() { try workspace.write(path, text) }
        }
        #expect(try recheck() == (nil, 12, []))
        // One descriptor changed: one row.
        model.systems["systems/s12.yaml"]?.recordings = "P3M"
        try files()
        #expect(try recheck() == (1, 1, []))
        // One removed, one added: one row, one file removed; s12's row again (it still differs
        // from run 1's).
        model.systems["systems/s13.yaml"] = nil
        model.systems["systems/s30.yaml"] = WorkspaceModel.System(id: "s30")
        try FileManager.default.removeItem(at: workspace.root.appendingPathComponent("systems/s13.yaml"))
        try files()
        #expect(try recheck() == (1, 2, ["systems/s13.yaml"]))
        // Four of twelve changed: more than a quarter, every row.
        for id in [14, 15, 16] { model.systems["systems/s\(id).yaml"]?.recordings = "P1Y" }
        try files()
        #expect(try recheck() == (nil, 12, []))
        // Nothing changed: no row, from run 4's.
        #expect(try recheck() == (4, 0, []))
        // Every run reads back as it was recorded, and as a full evaluation gives it.
        let history = try workspace.history()
        for (index, outcome) in outcomes.enumerated() {
            let recorded = try #require(try history.run(.id(Int64(index + 1))))
            let expected = try #require(outcome.run)
            #expect(recorded.systems.map(\.file) == expected.systems.map(\.file), "run \(index + 1)")
            #expect(recorded.systems.map(\.digest) == expected.systems.map(\.digest), "run \(index + 1)")
            #expect(recorded.systems.map(\.results) == expected.systems.map(\.results), "run \(index + 1)")
        }
        let full = try workspace.evaluate(asOf: "2026-11-29")
        #expect(
            try history.evaluation(of: try #require(try history.lastRun())).systems.map(\.results)
                == full.systems.map(\.results))
        #expect(!(try #require(try history.run(.id(3)))).systems.contains { $0.file == "systems/s13.yaml" })
        #expect(try history.integrityCheck() == "ok")
    }

    @Test func manySystemsAreRecordedAsTheirDifferencesFromTheTypicalList() throws {
        // Twelve copies of an example descriptor under the bundled packs (110 rules), stores not
        // read: they differ at the rules whose findings name their own file.
        let repository = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent()
        let example = try String(
            contentsOf: repository.appendingPathComponent("examples/systems/agent-assist.yaml"), encoding: .utf8)
        let packs = ["gdpr", "cnil", "ai-act"].map { repository.appendingPathComponent("policies/\($0)").path }
        var files = [
            "cadre.yaml":
                "cadre: workspace/v1\nname: Typical\nsystems: [systems]\npacks: [\(packs.joined(separator: ", "))]\n"
        ]
        for index in 10..<22 {
            files["systems/assist-\(index).yaml"] = example.replacingOccurrences(
                of: "id: agent-assist", with: "id: agent-assist-\(index)")
        }
        let workspace = try HistoryWorkspace(files: files)
        func recheck() throws -> RecheckOutcome {
            try Recheck(
                workspace: try workspace.open(), history: try workspace.history(), cadreVersion: "test", jobs: 1,
                readsStores: false
            ).run(asOf: try ISODate(parsing: "2026-11-29"))
        }
        func evaluation() throws -> Evaluation {
            Engine(workspace: try workspace.open(), jobs: 1, readsStores: false).evaluate(
                asOf: try ISODate(parsing: "2026-11-29"))
        }
        let first = try recheck()
        let queue = try DatabaseQueue(path: HistoryStore.file(in: workspace.root.path))
        let rows = try queue.read { db in
            try Row.fetchAll(db, sql: "SELECT results, length(overrides) AS size FROM system ORDER BY file")
        }
        // One list for the run: every row names it, with the entries where its system differs.
        let lists = try queue.read { try String.fetchAll($0, sql: "SELECT key FROM result_list") }
        #expect(lists.count == 1)
        #expect(rows.count == 12)
        #expect(rows.allSatisfy { ($0["results"] as String) == lists.first })
        let sizes = rows.map { ($0["size"] as Int?) ?? 0 }
        #expect(sizes.allSatisfy { $0 % 38 == 0 && $0 / 38 * 4 <= 110 }, "\(sizes)")
        #expect(sizes.contains { $0 > 0 }, "systems with findings of their own differ")
        let history = try workspace.history()
        #expect(
            try #require(try history.lastRun()).systems.map(\.results)
                == (try #require(first.run)).systems.map(\.results))
        #expect(
            try history.evaluation(of: try #require(try history.lastRun())).systems.map(\.results)
                == (try evaluation()).systems.map(\.results))
        // A descriptor changed: its list still derives from the typical list, and reads back right.
        try workspace.write(
            "systems/assist-12.yaml",
            (files["systems/assist-12.yaml"] ?? "") + "# reviewed\n")
        let second = try recheck()
        #expect(second.plan?.evaluatedPairs == 110)
        #expect(try queue.read { try Int.fetchOne($0, sql: "SELECT count(*) FROM result_list") } == 1)
        #expect(
            try history.evaluation(of: try #require(try history.lastRun())).systems.map(\.results)
                == (try evaluation()).systems.map(\.results))
        // The same workspace elsewhere gives the same typical list.
        let again = try HistoryWorkspace(files: files)
        _ = try Recheck(
            workspace: try again.open(), history: try again.history(), cadreVersion: "test", jobs: 1,
            readsStores: false
        ).run(asOf: try ISODate(parsing: "2026-11-29"))
        let elsewhere = try DatabaseQueue(path: HistoryStore.file(in: again.root.path))
        #expect(try elsewhere.read { try String.fetchAll($0, sql: "SELECT key FROM result_list") } == lists)
    }

    @Test func aRunThatFailsToRecordLeavesNothingBehind() throws {
        let workspace = try HistoryWorkspace(files: WorkspaceModel().files())
        _ = try workspace.recheck(asOf: "2026-11-29")
        let history = try workspace.history()
        var run = try #require(try history.lastRun())
        // Each system twice, the copies changed (too many changes to record only those): two rows
        // with one file break the primary key halfway through the transaction.
        run.systems += run.systems.map { system in
            var copy = system
            copy.digest = "changed"
            return copy
        }
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
        try queue.write {
            try $0.execute(sql: "INSERT INTO grdb_migrations (identifier) VALUES ('v9: from the future')")
        }
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
        // Files are named in the workspace; shown from its parent folder, they point at files from there.
        let name = workspace.root.lastPathComponent
        #expect(
            try history.evaluation(of: run).systems.map(\.file) == [
                "systems/a.yaml", "systems/b.yaml", "systems/c.yaml",
            ])
        let fromParent = try history.evaluation(of: run).shown(in: WorkspaceFiles(root: name))
        #expect(
            fromParent.systems.map(\.file) == [
                "\(name)/systems/a.yaml", "\(name)/systems/b.yaml", "\(name)/systems/c.yaml",
            ])
        let finding = try #require(outcome.diff.newFailures.first?.after?.findings.first)
        #expect(finding.location.file.hasPrefix("systems/"))
        #expect(fromParent.rules.first?.file.hasPrefix(name + "/") == true)
    }
}
