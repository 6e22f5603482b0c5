import CadreEngine
import CadreModel
import Foundation
import LuaHost
import Testing

/// A rule file tried on its own in a bundled pack (RuleTrial, the path the rule fuzzer takes):
/// loaded and run as an evaluation loads and runs a pack's rules.
@Suite struct RuleTrialTests {
    static let repository = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent()

    func trial(_ pack: String = "gdpr", limits: LuaLimits = LuaLimits()) throws -> RuleTrial {
        let (loaded, diagnostics) = Pack.load(
            at: Self.repository.appendingPathComponent("policies/\(pack)").path, as: "policies/\(pack)")
        let found = try #require(loaded, "\(diagnostics)")
        #expect(found.folder == "policies/\(pack)")
        return RuleTrial(
            pack: found, taxonomy: try Taxonomy.bundled(), limits: limits, asOf: try ISODate(parsing: "2026-11-29"))
    }

    func document(_ extra: String = "") throws -> DescriptorDocument {
        let load = DescriptorLoader(taxonomy: try Taxonomy.bundled()).load(
            text: TemporaryWorkspace.descriptor(id: "trial", extra: extra), file: "systems/trial.yaml")
        return try #require(load.document, "\(load.diagnostics)")
    }

    @Test func aRuleOfThePackRunsOnEachDescriptor() throws {
        // The pack's library module, as its own rules use it.
        let source = """
            local declared = require("declared")
            return {
              id = "gdpr.trial.emails",
              title = "No e-mail addresses",
              severity = "high",
              references = { "GDPR Art. 5(1)(c)" },
              check = function(system, ctx)
                if declared.index(system)["user.contact.email"] then ctx:fail(system, "e-mails in %s", system.id) end
              end,
            }
            """
        let outcome = try trial().run(
            source: source, path: "policies/gdpr/trial.lua", on: [try document(), try document()])
        #expect(outcome.diagnostics.isEmpty)
        #expect(outcome.rules.map(\.id) == ["gdpr.trial.emails"])
        #expect(outcome.rules.first?.file == "policies/gdpr/trial.lua")
        #expect(outcome.results.map(\.status) == [.fail, .fail])
        #expect(outcome.results.first?.findings.map(\.message) == ["e-mails in trial"])
    }

    @Test func theFileAloneIsLoadedNotThePacksRules() throws {
        let outcome = try trial().run(source: "return {", path: "policies/gdpr/broken.lua", on: [try document()])
        #expect(outcome.rules.isEmpty)
        #expect(outcome.results.isEmpty)
        #expect(outcome.diagnostics.map(\.code.rawValue) == ["rule-syntax"])
        #expect(outcome.diagnostics.first?.location.file == "policies/gdpr/broken.lua")
    }

    @Test func severalFilesLoadTogetherEachInItsOwnEnvironment() throws {
        let first = TemporaryWorkspace.rule("x", check: "shared = 1").replacingOccurrences(
            of: "test.x", with: "gdpr.trial.one")
        let second = TemporaryWorkspace.rule("x", check: "ctx:fail(system, tostring(shared))")
            .replacingOccurrences(of: "test.x", with: "gdpr.trial.two")
        let outcome = try trial().run(
            files: [("policies/gdpr/one.lua", first), ("policies/gdpr/two.lua", second)], on: [try document()])
        #expect(outcome.rules.map(\.file) == ["policies/gdpr/one.lua", "policies/gdpr/two.lua"])
        #expect(outcome.results.map(\.status) == [.pass, .error])
        #expect(outcome.results.last?.failure?.message.contains("undefined global 'shared'") == true)
    }

    @Test func aRuleThatLoopsErrsUnderTheTrialsLimits() throws {
        let source = TemporaryWorkspace.rule("x", check: "while true do end").replacingOccurrences(
            of: "test.x", with: "cnil.trial.loop")
        let limits = LuaLimits(memoryBytes: 8 << 20, instructions: 100_000, deadline: .seconds(5))
        let outcome = try trial("cnil", limits: limits).run(
            source: source, path: "policies/cnil/loop.lua", on: [try document()])
        #expect(outcome.diagnostics.isEmpty)
        #expect(outcome.results.map(\.status) == [.error])
        #expect(outcome.results.first?.failure?.kind == "instruction-limit")
    }

    @Test func aRuleThatReadsAStoreIsSkipped() throws {
        let source = TemporaryWorkspace.rule("x", check: "ctx:store('db'):count('t')").replacingOccurrences(
            of: "test.x", with: "gdpr.trial.store")
        let extra = "stores:\n  - { id: db, engine: sqlite, url: db.sqlite }"
        let outcome = try trial().run(source: source, path: "policies/gdpr/store.lua", on: [try document(extra)])
        #expect(outcome.results.map(\.status) == [.skipped])
        #expect(outcome.results.first?.skipReason == .storesNotRead)
    }
}
