import CadreEngine
import CadreModel
import CadreReports
import Foundation
import GRDB
import Testing

/// Rules that read a system's stores through `ctx:store(id)`: real SQLite files, the as-of date's
/// cut-off, store problems as `error` results, and no value from a store in any output.
@Suite struct StoreRuleTests {
    static let card = "4970101234567893"  // passes Luhn

    static let descriptor = TemporaryWorkspace.descriptor(
        id: "a",
        extra: """
            stores:
              - id: calls
                engine: sqlite
                url: ${CALLS_DB}
                tables:
                  - name: recordings
                    columns: { caller: user.contact.phone_number, audio: user.content.call_recording }
                    free_text: [transcript]
                    retention: { period: P6M, column: recorded_at }
            """)

    func workspace(rule: String, createDatabase: Bool = true) throws -> TemporaryWorkspace {
        let workspace = try TemporaryWorkspace.with(
            rules: ["r.lua": rule], systems: ["systems/a.yaml": Self.descriptor])
        if createDatabase {
            let queue = try DatabaseQueue(path: workspace.root.appendingPathComponent("calls.sqlite").path)
            try queue.write { db in
                try db.execute(
                    sql:
                        "CREATE TABLE recordings (id INTEGER PRIMARY KEY, caller TEXT, audio TEXT, transcript TEXT, recorded_at TEXT)"
                )
                let dates = ["2026-11-01", "2026-06-01", "2026-05-31", "2025-01-15", "2024-03-03"]
                for (index, date) in dates.enumerated() {
                    let transcript = index == 2 ? "ma carte est \(Self.card) merci" : "bonjour"
                    try db.execute(
                        sql:
                            "INSERT INTO recordings (caller, audio, transcript, recorded_at) VALUES ('0612345678', 'a.opus', ?, ?)",
                        arguments: [transcript, date])
                }
            }
        }
        return workspace
    }

    func evaluate(_ workspace: TemporaryWorkspace, environment: [String: String]? = nil, readsStores: Bool = true)
        throws -> Evaluation
    {
        let environment = environment ?? ["CALLS_DB": "calls.sqlite"]
        return Engine(workspace: try workspace.open(), jobs: 1, readsStores: readsStores, environment: environment)
            .evaluate(asOf: try ISODate(parsing: "2026-11-30"))
    }

    static let countRule = TemporaryWorkspace.rule(
        "r",
        check: """
            for _, t in ipairs(system:tables_holding("user.content.call_recording")) do
              local old = ctx:store(t.store):count(t.name, { older_than = t.retention.period, column = t.retention.column })
              local all = ctx:store(t.store):count(t.name)
              if old > 0 then ctx:fail(t.table, "%d of %d recordings older than %s", old, all, t.retention.period) end
            end
            """)

    @Test func countsOlderRowsFromTheAsOfDate() throws {
        let result = try #require(try evaluate(workspace(rule: Self.countRule)).result("test.r"))
        // As of 2026-11-30, P6M back is 2026-05-30: three rows are older.
        #expect(result.status == .fail)
        #expect(result.findings.map(\.message) == ["2 of 5 recordings older than P6M"])
        #expect(result.findings.first?.path?.description == "stores[0].tables[0]")
    }

    @Test func scansReportRedactedEvidenceOnly() throws {
        let rule = TemporaryWorkspace.rule(
            "r",
            check: """
                local report = ctx:store("calls"):scan("recordings", { detectors = { "card" } })
                local cards = report.detectors.card
                if cards.matches > 0 then
                  ctx:fail({ node = system.stores[1], evidence = cards.examples }, "%d card numbers in %d of %d transcripts", cards.matches, cards.rows, report.rows)
                end
                """)
        let evaluation = try evaluate(workspace(rule: rule))
        let finding = try #require(evaluation.result("test.r")?.findings.first)
        #expect(finding.message == "1 card numbers in 1 of 5 transcripts")
        #expect(finding.evidence.count == 1)
        #expect(finding.evidence[0].contains("7893"))
        #expect(!finding.evidence[0].contains(Self.card))
        for format in ReportFormat.allCases {
            let output = format.render(evaluation, context: ReportContext(toolVersion: "test", verbose: true))
            #expect(!output.contains(Self.card), "\(format) shows the card number")
            #expect(!output.contains("0612345678"), "\(format) shows a phone number")
        }
    }

    @Test func aMissingStoreIsAnErrorResultAndTheRunGoesOn() throws {
        let workspace = try TemporaryWorkspace.with(
            rules: [
                "r.lua": Self.countRule,
                "other.lua": TemporaryWorkspace.rule("other", check: "ctx:fail('still evaluated')"),
            ],
            systems: ["systems/a.yaml": Self.descriptor])
        let evaluation = try evaluate(workspace)
        let failure = try #require(evaluation.result("test.r")?.failure)
        #expect(failure.kind == "store")
        #expect(failure.message.hasPrefix("store 'calls'"))
        #expect(failure.message.hasSuffix("[missing-file]"))
        #expect(evaluation.result("test.other")?.status == .fail)
    }

    @Test func environmentReferencesAreResolvedAndNeverShown() throws {
        let workspace = try self.workspace(rule: Self.countRule)
        let missing = try #require(try evaluate(workspace, environment: [:]).result("test.r")?.failure)
        #expect(missing.kind == "store")
        #expect(missing.message.contains("CALLS_DB"))
        let secret = "s3cr3t-path-\(UUID().uuidString)"
        let wrong = try evaluate(workspace, environment: ["CALLS_DB": secret])
        let text = ReportFormat.json.render(wrong, context: ReportContext(toolVersion: "test"))
        #expect(wrong.result("test.r")?.status == .error)
        #expect(!text.contains(secret))
    }

    /// A failure's kind is the error that ended the rule: a store error the rule caught does
    /// not make a later error of cadre's a store's.
    @Test func aStoreErrorTheRuleCaughtDoesNotNameALaterError() throws {
        let rule = TemporaryWorkspace.rule(
            "r",
            check: """
                local ok = pcall(function() return ctx:store("calls"):count("no_such_table") end)
                if ok then error("the table exists") end
                local options = {}
                options.self = options
                ctx:store("calls"):scan("recordings", options)
                """)
        let failure = try #require(try evaluate(workspace(rule: rule)).result("test.r")?.failure)
        #expect(failure.kind == .host, "\(failure)")
        #expect(failure.message.contains("cycle"), "\(failure)")
        let uncaught = TemporaryWorkspace.rule("r", check: "ctx:store('calls'):count('no_such_table')")
        let store = try #require(try evaluate(workspace(rule: uncaught)).result("test.r")?.failure)
        #expect(store.kind == .store)
        #expect(store.message.hasSuffix("[missing-table]"))
    }

    @Test func anUndeclaredStoreIsTheRulesMistake() throws {
        let rule = TemporaryWorkspace.rule("r", check: "ctx:store('nope'):count('x')")
        let failure = try #require(try evaluate(workspace(rule: rule)).result("test.r")?.failure)
        #expect(failure.kind == "runtime")
        #expect(failure.message == "the system declares no store `nope` (its stores: calls)")
    }

    @Test func withoutStoresRulesThatReadThemAreSkipped() throws {
        let result = try #require(try evaluate(workspace(rule: Self.countRule), readsStores: false).result("test.r"))
        #expect(result.status == .skipped)
        #expect(result.skipReason == .storesNotRead)
    }

    @Test func badOptionsAreNamed() throws {
        let rule = TemporaryWorkspace.rule(
            "r", check: "ctx:store('calls'):count('recordings', { older_than = 'six months', column = 'recorded_at' })")
        let failure = try #require(try evaluate(workspace(rule: rule)).result("test.r")?.failure)
        #expect(
            failure.message
                == "bad argument #3 to 'count' (older_than must be an ISO 8601 duration such as \"P6M\", not \"six months\")"
        )
    }
}
