import CadreEngine
import CadreModel
import Testing

/// Packs: manifests, settings, data, shared modules, digests.
@Suite struct PackTests {
    static let manifest =
        TemporaryWorkspace.packManifest + """

            settings:
              calendar: { default: late, values: [early, late], description: Which dates apply. }
            data: data.yaml
            """

    static let data = "dates: { early: 2026-01-01, late: 2028-01-01 }\nlimit: P6M\n"

    static let rule = """
        local helpers = require("helpers")
        return {
          id = "test.dated",
          title = "Dated",
          severity = "high",
          references = { "A" },
          effective = { from = pack.data.dates[pack.settings.calendar] },
          check = function(system, ctx) ctx:fail(helpers.describe(system)) end,
        }
        """

    static let helpers = """
        local M = {}
        function M.describe(system) return "system " .. system.id .. " in pack " .. pack.id end
        return M
        """

    func workspace(settings: String = "") throws -> TemporaryWorkspace {
        try TemporaryWorkspace.with(
            rules: ["dated.lua": Self.rule, "lib/helpers.lua": Self.helpers],
            extra: [
                "pack/pack.yaml": Self.manifest, "pack/data.yaml": Self.data,
                "cadre.yaml": TemporaryWorkspace.workspace + "\n" + settings,
            ])
    }

    @Test func settingsChooseDatesFromPackData() throws {
        let defaults = try workspace().evaluate(asOf: "2027-01-01")
        #expect(defaults.result("test.dated")?.skipReason == .notYetInForce)
        #expect(defaults.rule("test.dated")?.effectiveFrom?.description == "2028-01-01")
        let early = try workspace(settings: "settings: { test: { calendar: early } }").evaluate(asOf: "2027-01-01")
        #expect(early.result("test.dated")?.findings.first?.message == "system a in pack test")
        #expect(early.packs.first?.settings == ["calendar": "early"])
    }

    @Test func unknownSettingsAndValuesAreErrors() throws {
        let wrongValue = try workspace(settings: "settings: { test: { calendar: soon } }").evaluate()
        #expect(
            wrongValue.diagnostics.contains {
                $0.message == "`soon` is not a value of setting `calendar` of pack `test`"
                    && $0.hint == "write one of: early, late"
            })
        let wrongPack = try workspace(settings: "settings: { tset: { calendar: early } }").evaluate()
        #expect(
            wrongPack.diagnostics.contains {
                $0.message == "settings for pack `tset`, which the workspace does not load"
            })
    }

    @Test func modulesAreSharedAndFrozen() throws {
        let workspace = try TemporaryWorkspace.with(
            rules: [
                "a.lua": "local h = require('helpers')\n" + TemporaryWorkspace.rule("a", check: "h.describe = nil"),
                "b.lua": "local h = require('helpers')\n"
                    + TemporaryWorkspace.rule("b", check: "ctx:info(h.describe(system))"),
                "c.lua": TemporaryWorkspace.rule("c", check: "require('missing.module')"),
                "lib/helpers.lua": Self.helpers,
            ])
        let evaluation = try workspace.evaluate()
        #expect(evaluation.result("test.a")?.failure?.message == "attempt to set field 'describe' of a read-only table")
        #expect(evaluation.result("test.b")?.findings.first?.message == "system a in pack test")
        #expect(
            evaluation.result("test.c")?.failure?.message
                == "module 'missing.module' not found: pack test has no lib/missing/module.lua")
    }

    @Test func aFolderModuleIsItsInitFileUnlessAFileHasItsName() throws {
        let workspace = try TemporaryWorkspace.with(rules: [
            "a.lua": "local words = require('words')\n" + TemporaryWorkspace.rule("a", check: "ctx:info(words.kind)"),
            "b.lua": "local both = require('both')\n" + TemporaryWorkspace.rule("b", check: "ctx:info(both.kind)"),
            "lib/words/init.lua": "return { kind = 'folder' }",
            "lib/both.lua": "return { kind = 'file' }",
            "lib/both/init.lua": "return { kind = 'folder' }",
        ])
        let evaluation = try workspace.evaluate()
        #expect(evaluation.result("test.a")?.findings.map(\.message) == ["folder"])
        #expect(evaluation.result("test.b")?.findings.map(\.message) == ["file"])
    }

    @Test func digestsChangeWithTheFiles() throws {
        let workspace = try self.workspace()
        let before = try workspace.evaluate().packs.first?.digest
        try workspace.write("pack/lib/helpers.lua", Self.helpers + "\n-- a comment\n")
        let after = try workspace.evaluate().packs.first?.digest
        #expect(before != nil)
        #expect(before != after)
    }

    @Test func aFolderWithoutPackYamlIsNotAPack() throws {
        let workspace = try TemporaryWorkspace(files: [
            "cadre.yaml": TemporaryWorkspace.workspace, "systems/a.yaml": TemporaryWorkspace.descriptor(id: "a"),
        ])
        let evaluation = try workspace.evaluate()
        #expect(evaluation.diagnostics.contains { $0.message.hasPrefix("not a pack: there is no pack.yaml") })
        #expect(evaluation.exitStatus(failOn: .high) == 2)
    }
}
