import CadreEngine
import CadreModel
import Foundation
import Testing

/// A plugin detector is handed raw values; it runs in a Lua state of its own, so none of them
/// can reach a rule, a finding, a log or an error. Each attack below was written as a hostile
/// plugin and a hostile rule would write it, and runs against both hooks that see raw values
/// (`validate` and `redact`); the assertions are what a user sees, and that no e-mail, card
/// number or plate of the store appears in any output format.
@Suite struct DetectorIsolationTests {
    static let hooks = ["validate", "redact"]

    /// A rule that scans with the plugin's detector, then reports `report` (Lua) as its finding.
    static func rule(reporting report: String) -> String {
        TemporaryWorkspace.rule(
            "scan",
            check: """
                local scanned = ctx:store("crm"):scan("notes", { detectors = { "mail" } })
                ctx:info("%d mails; %s", scanned.detectors.mail.matches, \(report))
                """)
    }

    func evaluate(hook: String, body: String, rule: String) throws -> Evaluation {
        let workspace = try HostileDetectorWorkspace(
            detectors: HostileDetectorWorkspace.detector(hook: hook, body: body), rules: ["scan.lua": rule])
        let evaluation = try workspace.evaluate()
        #expect(evaluation.diagnostics.filter(\.isError).isEmpty, "\(evaluation.diagnostics)")
        return evaluation
    }

    @Test(arguments: hooks) func valuesKeptInAModuleStayInTheDetectorsCopy(hook: String) throws {
        let value = hook == "validate" ? "candidate" : "match"
        let evaluation = try evaluate(
            hook: hook, body: "require('stash').put(\(value))",
            rule: Self.rule(reporting: "'stash: ' .. require('plug.stash').all()"))
        let result = try #require(evaluation.result("test.scan"))
        #expect(result.status == .pass)
        #expect(result.findings.map(\.message) == ["2 mails; stash: "])
        #expect(HostileDetectorWorkspace.leaks(in: evaluation) == [])
    }

    @Test(arguments: hooks) func upvaluesOfTheDetectorCannotBeCalledByRules(hook: String) throws {
        let value = hook == "validate" ? "candidate" : "match"
        let evaluation = try evaluate(
            hook: hook, body: "local last = \(value); require('stash').register(function() return last end)",
            rule: Self.rule(reporting: "'getters: ' .. require('plug.stash').call()"))
        #expect(evaluation.result("test.scan")?.findings.map(\.message) == ["2 mails; getters: "])
        #expect(HostileDetectorWorkspace.leaks(in: evaluation) == [])
    }

    @Test(arguments: hooks) func globalsAndSharedLibrariesCarryNothing(hook: String) throws {
        let value = hook == "validate" ? "candidate" : "match"
        let attempts = [
            "leak = \(value)", "_G.leak = \(value)", "rawset(_G, 'leak', \(value))", "string.leak = \(value)",
            "rawset(string, 'leak', \(value))", "cadre.leak = \(value)", "math.leak = \(value)",
            "table.leak = \(value)",
        ]
        let body = attempts.map { "pcall(function() \($0) end)" }.joined(separator: "; ")
        let evaluation = try evaluate(
            hook: hook, body: body,
            rule: Self.rule(
                reporting: """
                    string.format("%s %s %s %s %s", tostring(rawget(_G, "leak")), tostring(rawget(string, "leak")),
                      tostring(rawget(cadre, "leak")), tostring(rawget(math, "leak")), tostring(rawget(table, "leak")))
                    """))
        #expect(evaluation.result("test.scan")?.findings.map(\.message) == ["2 mails; nil nil nil nil nil"])
        #expect(HostileDetectorWorkspace.leaks(in: evaluation) == [])
    }

    @Test(arguments: hooks) func theStringMetatableCarriesNothing(hook: String) throws {
        let value = hook == "validate" ? "candidate" : "match"
        let body = """
            pcall(function() getmetatable("").__index.leak = \(value) end); \
            pcall(function() rawset(getmetatable(""), "leak", \(value)) end); \
            pcall(function() setmetatable("", {__index = {leak = \(value)}}) end)
            """
        let evaluation = try evaluate(
            hook: hook, body: body,
            rule: Self.rule(reporting: #"tostring(("x").leak) .. " " .. tostring(getmetatable(""))"#))
        #expect(evaluation.result("test.scan")?.findings.map(\.message) == ["2 mails; nil read-only"])
        #expect(HostileDetectorWorkspace.leaks(in: evaluation) == [])
    }

    @Test(arguments: hooks) func whatADetectorPrintsIsNotKept(hook: String) throws {
        let value = hook == "validate" ? "candidate" : "match"
        let rule = TemporaryWorkspace.rule(
            "scan",
            check: """
                print("before the scan")
                local scanned = ctx:store("crm"):scan("notes", { detectors = { "mail" } })
                print("after the scan")
                ctx:info("%d mails", scanned.detectors.mail.matches)
                """)
        let evaluation = try evaluate(hook: hook, body: "print(\(value)); print('seen: ' .. \(value))", rule: rule)
        let result = try #require(evaluation.result("test.scan"))
        #expect(result.log == ["before the scan", "after the scan"])
        #expect(result.findings.map(\.message) == ["2 mails"])
        #expect(HostileDetectorWorkspace.leaks(in: evaluation) == [])
    }

    /// What a rule sees when the detector's hook raised an error: cadre's words, the plugin's line.
    func expectRaisedError(
        _ evaluation: Evaluation, hook: String, line: Int? = nil,
        sourceLocation: Testing.SourceLocation = #_sourceLocation
    ) {
        let result = evaluation.result("test.scan")
        #expect(result?.status == .error, sourceLocation: sourceLocation)
        #expect(result?.failure?.kind == "plugin", sourceLocation: sourceLocation)
        #expect(
            result?.failure?.message
                == "detector `mail` of plugin plug failed: \(hook) raised an error (its message is not shown: a detector's messages may quote the value it was given)",
            sourceLocation: sourceLocation)
        #expect(result?.failure?.location?.file.hasSuffix("plug/detectors.lua") == true, sourceLocation: sourceLocation)
        #expect(
            result?.failure?.location?.line == line ?? (hook == "validate" ? 6 : 10), sourceLocation: sourceLocation)
        #expect(HostileDetectorWorkspace.leaks(in: evaluation) == [], sourceLocation: sourceLocation)
    }

    @Test(arguments: hooks) func anErrorQuotingTheValueIsReportedByItsKindOnly(hook: String) throws {
        let value = hook == "validate" ? "candidate" : "match"
        expectRaisedError(
            try evaluate(hook: hook, body: "error(\(value))", rule: Self.rule(reporting: "''")), hook: hook)
        expectRaisedError(
            try evaluate(hook: hook, body: "error({value = \(value)})", rule: Self.rule(reporting: "''")), hook: hook)
        // Lua's own message quotes the key: attempt to call a nil value (field 'alice.martin@…').
        expectRaisedError(
            try evaluate(hook: hook, body: "local t = {}; t[\(value)]()", rule: Self.rule(reporting: "''")), hook: hook)
    }

    @Test(arguments: hooks) func aForgedLocationCannotCarryTheValue(hook: String) throws {
        let value = hook == "validate" ? "candidate" : "match"
        // The message names the detector file (its chunk name, learnt from a caught error) and,
        // as its line, the digits of the value: cadre points at the hook's own line instead.
        let body = """
            local _, probe = pcall(function() error("probe") end); local chunk = probe:match("^(.-):%d+:"); \
            local digits = (\(value):gsub("%D", "")):sub(1, 15); \
            error(chunk .. ":" .. (#digits > 0 and digits or "4970101234564242") .. ": x", 0)
            """
        expectRaisedError(
            try evaluate(hook: hook, body: body, rule: Self.rule(reporting: "''")), hook: hook,
            line: hook == "validate" ? 5 : 9)
    }

    @Test func returnValuesOtherThanBooleansAreRefusedWithoutQuotingThem() throws {
        for (answer, type) in [
            ("candidate", "a string"), ("{candidate}", "a table"), ("#candidate", "a number"), ("nil", "nil"),
        ] {
            let detector = HostileDetectorWorkspace.detector(hook: "validate", body: "do return \(answer) end")
            let workspace = try HostileDetectorWorkspace(
                detectors: detector, rules: ["scan.lua": Self.rule(reporting: "''")])
            let evaluation = try workspace.evaluate()
            let result = try #require(evaluation.result("test.scan"))
            #expect(result.failure?.kind == "plugin")
            #expect(
                result.failure?.message
                    == "detector `mail` of plugin plug failed: validate must return true or false, not \(type)")
            #expect(result.failure?.location?.line == 5)
            #expect(HostileDetectorWorkspace.leaks(in: evaluation) == [])
        }
        let redactor = HostileDetectorWorkspace.detector(hook: "redact", body: "do return {match} end")
        let evaluation = try HostileDetectorWorkspace(
            detectors: redactor, rules: ["scan.lua": Self.rule(reporting: "''")]
        ).evaluate()
        #expect(
            evaluation.result("test.scan")?.failure?.message
                == "detector `mail` of plugin plug failed: redact must return a string, not a table")
        #expect(evaluation.result("test.scan")?.failure?.location?.line == 9)
    }

    @Test(arguments: hooks) func aRuleThatCatchesThePluginsErrorStillErrs(hook: String) throws {
        let value = hook == "validate" ? "candidate" : "match"
        let rule = TemporaryWorkspace.rule(
            "scan",
            check: """
                local crm = ctx:store("crm")
                local ok, message = pcall(crm.scan, crm, "notes", { detectors = { "mail" } })
                ctx:fail(system, "caught: %s", tostring(message))
                """)
        let evaluation = try evaluate(hook: hook, body: "error('value: ' .. \(value))", rule: rule)
        // The error is sticky: the rule's own finding (which quotes cadre's message) is not kept.
        expectRaisedError(evaluation, hook: hook)
        #expect(evaluation.result("test.scan")?.findings == [])
    }

    @Test func packTestsRunDetectorsInAStateOfTheirOwnToo() throws {
        // `cadre test`: a fixture store scanned by the rule a test runs; neither the rule nor the
        // test file sees what the detector kept.
        let detector = HostileDetectorWorkspace.detector(
            hook: "validate", body: "require('stash').put(candidate); print(candidate)")
        let workspace = try PluginTests.workspace(
            plugin: ["detectors.lua": detector, "lib/stash.lua": HostileDetectorWorkspace.stash],
            rules: ["scan.lua": Self.rule(reporting: "'stash: ' .. require('plug.stash').all()")])
        try workspace.write(
            "pack/tests/fixtures/crm/notes.csv", "author,body\nx,écrire à alice.martin@exemple.fr\nx,rien\n")
        try workspace.write(
            "pack/tests/scan_test.lua",
            """
            local stash = require("plug.stash")
            it("scans a fixture store", function()
              local fixture = system{ stores = {{ id = "crm", engine = "csv", url = "fixtures/crm", tables = {{ name = "notes", columns = { author = "user.name" }, free_text = { "body" } }} }} }
              local result = run("test.scan", fixture)
              expect(result.findings[1].message):to_be("1 mails; stash: ")
              expect(result.log):to_equal({})
              expect(stash.all()):to_be("")
            end)
            """)
        var taxonomy = try Taxonomy.bundled()
        let (plugins, problems) = PluginLoader.loadAll(
            ["plug"], in: WorkspaceFiles(root: workspace.root.path), into: &taxonomy)
        #expect(problems.filter(\.isError).isEmpty, "\(problems)")
        let report = TestRunner(
            targets: [TestTarget(folder: workspace.root.appendingPathComponent("pack").path)], taxonomy: taxonomy,
            plugins: plugins
        ).run()
        #expect(report.cases.map(\.status) == [.pass], "\(report.cases.flatMap(\.failures)) \(report.diagnostics)")
    }

    @Test func rulesNoLongerReachDetectorFunctionsThroughModules() throws {
        // The detector registers its own validate with the module; a rule calling it gets nothing.
        let detector = """
            local stash = require("stash")
            local detector = {
              name = "mail", category = "user.contact.email", pattern = "[%w.]+@[%w.]+%.%a+",
              validate = function(candidate) stash.put(candidate) return true end,
            }
            stash.register(function() return stash.all() end)
            return detector
            """
        let workspace = try HostileDetectorWorkspace(
            detectors: detector,
            rules: ["scan.lua": Self.rule(reporting: "'registered: ' .. require('plug.stash').call()")])
        let evaluation = try workspace.evaluate()
        #expect(evaluation.result("test.scan")?.findings.map(\.message) == ["2 mails; registered: "])
        #expect(HostileDetectorWorkspace.leaks(in: evaluation) == [])
    }
}
