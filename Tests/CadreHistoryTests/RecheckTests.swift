import CadreEngine
import CadreHistory
import CadreModel
import Foundation
import GRDB
import Testing

/// What a re-check evaluates again, and what it reports.
@Suite struct RecheckTests {
    static func workspace() throws -> HistoryWorkspace {
        try HistoryWorkspace(files: WorkspaceModel().files())
    }

    @Test func theFirstRecheckEvaluatesEverythingAndReportsEveryFailureAsNew() throws {
        let workspace = try Self.workspace()
        let outcome = try workspace.recheck(asOf: "2026-11-29")
        let plan = try #require(outcome.plan)
        #expect(plan.isFull)
        #expect(plan.evaluatedPairs == 18)  // 3 systems × 6 rules
        #expect(plan.totalPairs == 18)
        #expect(plan.reasons.map(\.kind) == [.firstRun])
        #expect(outcome.run?.info.id == 1)
        let full = try workspace.evaluate(asOf: "2026-11-29")
        let failing = full.systems.flatMap {
            $0.results.filter { $0.status == .fail || $0.status == .error }.map { "\($0.rule)@\($0.system)" }
        }
        #expect(outcome.diff.newFailures.map { "\($0.rule)@\($0.system)" }.sorted() == failing.sorted())
        #expect(!failing.isEmpty)
    }

    @Test func aRecheckWithNothingChangedEvaluatesNothing() throws {
        let workspace = try Self.workspace()
        _ = try workspace.recheck(asOf: "2026-11-29")
        let outcome = try workspace.recheck(asOf: "2026-11-29")
        #expect(outcome.plan?.evaluatedPairs == 0)
        #expect(outcome.plan?.reasons.isEmpty == true)
        #expect(outcome.diff.isEmpty)
        #expect(outcome.exitStatus(failOn: .info) == 0)
        #expect(try workspace.history().runs().map(\.id) == [2, 1])
    }

    @Test func aChangedRuleFileIsEvaluatedOnEverySystemAndNothingElse() throws {
        let workspace = try Self.workspace()
        _ = try workspace.recheck(asOf: "2026-11-29")
        var model = WorkspaceModel()
        model.retentionLimit = "P1Y"
        try workspace.write("pack/retention.lua", model.files()["pack/retention.lua"] ?? "")
        let outcome = try workspace.recheck(asOf: "2026-11-29")
        let plan = try #require(outcome.plan)
        #expect(plan.evaluatedPairs == 3)
        #expect(Set(plan.selection.rulesByFile.values) == [["test.retention"]])
        #expect(plan.reasons.map(\.kind) == [.ruleFile])
        #expect(plan.reasons.first?.subject == "pack/retention.lua")
        // c keeps recordings a year: it failed at six months, it passes at a year.
        #expect(outcome.diff.resolved.map { "\($0.rule)@\($0.system)" } == ["test.retention@c"])
        #expect(outcome.diff.newFailures.isEmpty)
        #expect(outcome.exitStatus(failOn: .high) == 0)
    }

    @Test func aChangedDescriptorIsEvaluatedAgainstEveryRule() throws {
        let workspace = try Self.workspace()
        _ = try workspace.recheck(asOf: "2026-11-29")
        try workspace.write("systems/b.yaml", HistoryWorkspace.descriptor(id: "b", recordings: "P2Y", ai: true))
        let outcome = try workspace.recheck(asOf: "2026-11-29")
        #expect(outcome.plan?.evaluatedPairs == 6)
        #expect(outcome.plan?.reasons.map(\.kind) == [.descriptorChanged])
        // Two years of recordings: over six months (test.retention) and over a year (other.lapse).
        #expect(outcome.diff.newFailures.map { "\($0.rule)@\($0.system)" } == ["other.lapse@b", "test.retention@b"])
        let entry = try #require(outcome.diff.newFailures.last)
        #expect(entry.after?.findings.first?.message == "recordings kept P2Y")
        #expect(entry.after?.findings.first?.location.description == "systems/b.yaml:18:18")
        #expect(entry.before?.status == .pass)
        #expect(outcome.exitStatus(failOn: .critical) == 1)
        #expect(outcome.diff.newFailureCount(at: .critical) == 1)
    }

    @Test func crossingAnEffectiveDateEvaluatesThatRuleOnly() throws {
        let workspace = try Self.workspace()
        _ = try workspace.recheck(asOf: "2026-11-29")
        let outcome = try workspace.recheck(asOf: "2026-11-30")
        // test.asof reads the date; test.window starts 2027-01-01: not crossed.
        #expect(outcome.plan?.reasons.map(\.kind) == [.asOf])
        #expect(outcome.plan?.evaluatedPairs == 3)
        let later = try workspace.recheck(asOf: "2027-01-01")
        let reasons = try #require(later.plan?.reasons)
        #expect(reasons.map(\.kind).sorted { $0.rawValue < $1.rawValue } == [.asOf, .effectiveWindow, .waiverExpiry])
        #expect(
            reasons.contains {
                $0.kind == .effectiveWindow && $0.subject == "test.window" && $0.detail.hasPrefix("comes into force")
            })
        #expect(later.diff.changed.filter { $0.rule == "test.window" }.count == 3)
    }

    @Test func anExpiredWaiverIsEvaluatedAgainAndItsFailureIsNew() throws {
        let workspace = try Self.workspace()
        var model = WorkspaceModel()
        model.waivers = [("test.retention", "b", "2026-12-31")]
        model.systems["systems/b.yaml"]?.recordings = "P2Y"
        for (path, text) in model.files() { try workspace.write(path, text) }
        let first = try workspace.recheck(asOf: "2026-12-31")
        #expect(first.diff.newFailures.contains { $0.system == "b" && $0.rule == "test.retention" } == false)
        let outcome = try workspace.recheck(asOf: "2027-01-01")
        #expect(
            outcome.plan?.reasons.contains { $0.kind == .waiverExpiry && $0.subject == "test.retention on b" } == true)
        let entry = try #require(outcome.diff.newFailures.first { $0.system == "b" && $0.rule == "test.retention" })
        #expect(entry.before?.status == .waived)
        #expect(entry.after?.status == .fail)
        #expect(entry.after?.findings.map(\.message).contains { $0.contains("expired on 2026-12-31") } == true)
    }

    @Test func aVersionBumpAloneEvaluatesOnlyTheRulesThatReadTheVersion() throws {
        let workspace = try Self.workspace()
        _ = try workspace.recheck(asOf: "2026-11-29")
        var model = WorkspaceModel()
        model.version = "1.1.0"
        try workspace.write("pack/pack.yaml", model.files()["pack/pack.yaml"] ?? "")
        let outcome = try workspace.recheck(asOf: "2026-11-29")
        #expect(outcome.plan?.reasons.map(\.kind) == [.packVersion])
        #expect(outcome.plan?.evaluatedPairs == 3)
        #expect(outcome.diff.changed.map(\.rule) == ["test.version", "test.version", "test.version"])
        #expect(outcome.diff.changed.first?.added.first?.message == "checked by pack 1.1.0")
    }

    @Test func aNewCadreVersionEvaluatesEverything() throws {
        let workspace = try Self.workspace()
        _ = try workspace.recheck(asOf: "2026-11-29")
        let outcome = try workspace.recheck(asOf: "2026-11-29", version: "test-2")
        #expect(outcome.plan?.isFull == true)
        #expect(outcome.plan?.reasons.map(\.description) == ["cadre: test → test-2: every pair is evaluated"])
        #expect(outcome.diff.isEmpty)
    }

    @Test func aRuleWithAnErrorInItsFileBlocksTheRecheckAndRecordsNothing() throws {
        let workspace = try Self.workspace()
        _ = try workspace.recheck(asOf: "2026-11-29")
        try workspace.write("pack/retention.lua", "return {")
        let outcome = try workspace.recheck(asOf: "2026-11-29")
        #expect(outcome.run == nil)
        #expect(outcome.exitStatus(failOn: .high) == 2)
        #expect(outcome.diagnostics.contains { $0.code.rawValue == "rule-syntax" })
        #expect(try workspace.history().runs().count == 1)
    }
}

/// What a re-check learns of what rules read — the date, stores, their pack's version — comes from
/// what they touched when they ran, not from their text.
@Suite struct RuleReadingsTests {
    static let descriptor = HistoryWorkspace.descriptor(id: "a")

    /// A workspace with one pack holding `files` (path in the pack → source) and systems a and b.
    func workspace(_ files: [String: String]) throws -> HistoryWorkspace {
        var all = [
            "cadre.yaml": "cadre: workspace/v1\nsystems: [systems]\npacks: [./pack]\n",
            "pack/pack.yaml": HistoryWorkspace.manifest,
            "systems/a.yaml": HistoryWorkspace.descriptor(id: "a"),
            "systems/b.yaml": HistoryWorkspace.descriptor(id: "b"),
        ]
        for (path, source) in files { all["pack/" + path] = source }
        return try HistoryWorkspace(files: all)
    }

    static func rule(_ id: String, _ check: String, head: String = "") -> String {
        "\(head)\nreturn { id = 'test.\(id)', title = '\(id)', severity = 'high', references = {'T 1'}, check = function(system, ctx) \(check) end }\n"
    }

    @Test func aRuleThatNamesTheDateOnlyInACommentIsNotEvaluatedAgainWhenTheDateMoves() throws {
        let workspace = try workspace([
            "comment.lua": Self.rule("comment", "-- ctx.as_of is not needed here\nctx:info('ok')")
        ])
        _ = try workspace.recheck(asOf: "2026-11-29")
        let outcome = try workspace.recheck(asOf: "2027-03-01")
        #expect(outcome.plan?.evaluatedPairs == 0)
        #expect(outcome.run?.readings["test.comment"] == [])
    }

    @Test func aRuleThatReadsTheDateThroughAModuleIsEvaluatedAgainWhenTheDateMoves() throws {
        // Neither file spells `as_of`: only running them shows the date is read.
        let workspace = try workspace([
            "lib/when.lua": "local key = 'as' .. '_of'\nreturn { today = function(ctx) return ctx[key] end }",
            "dated.lua": Self.rule(
                "dated", "ctx:info('checked on %s', when.today(ctx))", head: "local when = require('when')"),
            "plain.lua": Self.rule("plain", "ctx:info('ok')"),
        ])
        let first = try workspace.recheck(asOf: "2026-11-29")
        #expect(first.run?.readings["test.dated"] == .asOf)
        #expect(first.run?.readings["test.plain"] == [])
        let outcome = try workspace.recheck(asOf: "2027-03-01")
        #expect(outcome.plan?.reasons.map(\.kind) == [.asOf])
        #expect(outcome.plan?.selection.rulesByFile.values.allSatisfy { $0 == ["test.dated"] } == true)
        #expect(outcome.diff.changed.map(\.rule) == ["test.dated", "test.dated"])
    }

    @Test func aRuleThatReachesAStoreWhateverItsSpellingIsEvaluatedAgainOnSystemsWithStores() throws {
        let workspace = try workspace([
            "reach.lua": Self.rule("reach", "local open = ctx['st' .. 'ore'] pcall(open, ctx, 'none')")
        ])
        let first = try workspace.recheck(asOf: "2026-11-29")
        #expect(first.run?.readings["test.reach"] == .stores)
        // The systems declare no stores: nothing to evaluate again.
        #expect(try workspace.recheck(asOf: "2026-11-29").plan?.evaluatedPairs == 0)
        try workspace.write(
            "systems/b.yaml",
            HistoryWorkspace.descriptor(
                id: "b",
                extra: """
                    stores:
                      - { id: crm, engine: sqlite, url: crm.sqlite, tables: [ { name: notes, columns: { author: user.name } } ] }
                    """))
        _ = try workspace.recheck(asOf: "2026-11-29")
        let again = try workspace.recheck(asOf: "2026-11-29")
        #expect(again.plan?.reasons.map(\.kind) == [.stores])
        #expect(again.plan?.selection.rulesByFile.keys.map { ($0 as NSString).lastPathComponent } == ["b.yaml"])
    }

    @Test func aPackVersionReadWhileLoadingCountsForEveryRuleOfThePack() throws {
        let workspace = try workspace([
            "lib/stamp.lua": "local v = pack.version\nreturn { stamp = function() return v end }",
            "stamped.lua": Self.rule(
                "stamped", "ctx:info('pack %s', stamp.stamp())", head: "local stamp = require('stamp')"),
            "other.lua": Self.rule("other", "ctx:info('ok')"),
        ])
        let first = try workspace.recheck(asOf: "2026-11-29")
        #expect(first.run?.readings["test.stamped"] == .packVersion)
        #expect(first.run?.readings["test.other"] == .packVersion)
        try workspace.write(
            "pack/pack.yaml", HistoryWorkspace.manifest.replacingOccurrences(of: "1.0.0", with: "1.1.0"))
        let outcome = try workspace.recheck(asOf: "2026-11-29")
        #expect(outcome.plan?.reasons.map(\.kind) == [.packVersion, .packVersion])
        #expect(outcome.diff.changed.map(\.rule).sorted() == ["test.stamped", "test.stamped"])
    }

    @Test func aRuleWhoseReadingsTheLastRunDoesNotKnowIsTakenToReadEverything() throws {
        let workspace = try workspace(["plain.lua": Self.rule("plain", "ctx:info('ok')")])
        _ = try workspace.recheck(asOf: "2026-11-29")
        // A history written before cadre learnt what rules read holds none.
        let database = try DatabaseQueue(path: HistoryStore.file(in: workspace.root.path))
        try database.write { try $0.execute(sql: "UPDATE rule SET readings = NULL") }
        try database.close()
        let outcome = try workspace.recheck(asOf: "2027-03-01")
        #expect(outcome.plan?.reasons.map(\.kind) == [.asOf])
        #expect(outcome.run?.readings["test.plain"] == [])
        #expect(try workspace.recheck(asOf: "2027-06-01").plan?.evaluatedPairs == 0)
    }
}
