import CadreEngine
import CadreModel
import Foundation
import LuaHost
import Testing

/// `cadre test`'s runner: tests of rules pass and fail as a policy author expects, with the line
/// of what failed, and nothing one test does leaks into another.
@Suite struct TestRunnerTests {
    /// A pack `test` with a retention rule (fails over six months), a rule that crashes, one that
    /// loops, and `tests` (file name under tests/ → source).
    static func runTests(
        _ tests: [String: String], extra: [String: String] = [:], filter: String? = nil, limits: LuaLimits? = nil
    ) throws -> TestReport {
        var files = [
            "pack/pack.yaml": TemporaryWorkspace.packManifest,
            "pack/retention.lua": TemporaryWorkspace.rule(
                "retention",
                extra: #"applies = function(system) return system:holds("user.content.call_recording") end,"#,
                check: """
                    for _, item in ipairs(system:data_of("user.content.call_recording")) do
                      if cadre.duration(item.retention.period):can_exceed("P6M") then
                        ctx:fail({item.retention, "period"}, "recordings kept %s; six months at most", item.retention.period)
                      end
                    end
                    """),
            "pack/crash.lua": TemporaryWorkspace.rule("crash", check: "local x = system.nothing.deeper"),
            "pack/loop.lua": TemporaryWorkspace.rule("loop", check: "while true do end"),
        ]
        for (name, source) in tests { files["pack/tests/\(name)"] = source }
        files.merge(extra) { $1 }
        let workspace = try TemporaryWorkspace(files: files)
        let folder = workspace.root.appendingPathComponent("pack").path
        return withExtendedLifetime(workspace) {
            TestRunner(
                targets: [TestTarget(folder: folder)], taxonomy: (try? Taxonomy.bundled()) ?? Taxonomy(),
                limits: limits, filter: filter
            ).run()
        }
    }

    /// A fixture with call recordings kept `period`, as test files write it.
    static func recordings(_ period: String) -> String {
        #"system{ data = {{ category = "user.content.call_recording", subjects = {"customer"}, retention = { period = "\#(period)", from = "collection" } }} }"#
    }

    static func named(_ report: TestReport, _ name: String) -> TestCase? { report.cases.first { $0.name == name } }

    @Test func aFailingExpectationFailsWithItsLineAndADiff() throws {
        let report = try Self.runTests([
            "retention_test.lua": """
            describe("retention", function()
              it("passes at three years", function()
                local result = run("test.retention", \(Self.recordings("P3Y")))
                expect(result):to_pass()
              end)
            end)
            """
        ])
        let test = try #require(Self.named(report, "retention passes at three years"))
        #expect(test.status == .fail)
        #expect(test.line == 2)
        let failure = try #require(test.failures.first)
        #expect(failure.kind == .expectation)
        #expect(failure.location?.file.hasSuffix("pack/tests/retention_test.lua") == true)
        #expect(failure.location?.line == 4)
        #expect(failure.message == "expected the rule to pass")
        #expect(failure.expected == "status pass")
        #expect(
            failure.actual == "status fail\nfail at data[1].retention.period: recordings kept P3Y; six months at most")
        #expect(report.summary == TestReport.Summary(passed: 0, failed: 1, errors: 0))
        #expect(report.exitStatus(minCoverage: nil) == 1)
    }

    @Test func passingExpectationsPassWithDotsOrColons() throws {
        let report = try Self.runTests([
            "retention_test.lua": """
            it("fails at three years", function()
              local result = run("test.retention", \(Self.recordings("P3Y")))
              expect(result).to_fail_with("six months")
              expect(result):to_fail_with("P3Y")
              expect(result).to_point_at("data[1].retention.period"):to_have_findings(1)
              expect(result.findings[1].line):to_be(2)
            end)
            it("passes at six months", function()
              expect(run("test.retention", \(Self.recordings("P6M")))).to_pass()
            end)
            it("skips what it does not concern", function()
              expect(run("test.retention", system{})):to_be_skipped("not-applicable")
              expect({1, {a = "x"}}).to_equal({1, {a = "x"}})
              expect("recordings kept P3Y"):to_contain("P3Y")
              expect({"a", "b"}):to_contain("b")
              expect(nil).to_be_falsy()
              expect(0):to_be_truthy()
            end)
            """
        ])
        #expect(report.cases.map(\.status) == [.pass, .pass, .pass], "\(report.cases.flatMap(\.failures))")
        #expect(report.cases.map(\.expectations) == [5, 1, 6])
        #expect(report.exitStatus(minCoverage: nil) == 0)
    }

    @Test func anErroringRuleFailsItsTest() throws {
        let report = try Self.runTests([
            "crash_test.lua": """
            it("expects a pass", function()
              expect(run("test.crash", system{})):to_pass()
            end)
            it("expects the error", function()
              expect(run("test.crash", system{})):to_error("runtime")
            end)
            """
        ])
        let failing = try #require(Self.named(report, "expects a pass"))
        #expect(failing.status == .fail)
        // Where the rule erred, as `cadre evaluate` shows it.
        let actual = try #require(failing.failures.first?.actual)
        #expect(actual.hasPrefix("status error (") && actual.contains("/pack/crash.lua:8: runtime"), "\(actual)")
        #expect(actual.contains(": runtime: attempt to index a nil value"), "\(actual)")
        #expect(Self.named(report, "expects the error")?.status == .pass)
    }

    @Test func aTestFileWithASyntaxErrorIsReportedWithItsLocation() throws {
        let report = try Self.runTests([
            "broken_test.lua": "it(\"one\", function()\n  expect(1):to_be(1)\nend\n",
            "fine_test.lua": "it(\"still runs\", function() expect(1):to_be(1) end)",
        ])
        let problem = try #require(report.diagnostics.first { $0.code.rawValue == "test-syntax" })
        #expect(problem.location.file.hasSuffix("pack/tests/broken_test.lua"))
        #expect(problem.location.line == 4)
        #expect(problem.message.hasPrefix("syntax error:"))
        #expect(report.cases.map(\.name) == ["still runs"])
        #expect(report.exitStatus(minCoverage: nil) == 2)
    }

    @Test func anUnreadableTestFileIsInvalidInput() throws {
        let workspace = try TemporaryWorkspace(files: [
            "pack/pack.yaml": TemporaryWorkspace.packManifest,
            "pack/rule.lua": TemporaryWorkspace.rule("rule", check: "ctx:fail('x')"),
        ])
        try FileManager.default.createDirectory(
            at: workspace.root.appendingPathComponent("pack/tests"), withIntermediateDirectories: true)
        try Data([0x69, 0x74, 0xFF, 0xFE, 0x28]).write(
            to: workspace.root.appendingPathComponent("pack/tests/binary_test.lua"))
        let folder = workspace.root.appendingPathComponent("pack").path
        let report = TestRunner(targets: [TestTarget(folder: folder)], taxonomy: try Taxonomy.bundled()).run()
        let problem = try #require(
            report.diagnostics.first { $0.location.file.hasSuffix("pack/tests/binary_test.lua") })
        #expect(problem.isError)
        #expect(problem.message.hasSuffix("as UTF-8 text"))
        #expect(report.exitStatus(minCoverage: nil) == 2)
    }

    @Test func aFileThatFailsWhileDeclaringIsReportedWithItsLine() throws {
        let report = try Self.runTests([
            "bad_test.lua": "describe(\"x\", function()\n  local t = nil\n  t.field = 1\nend)\n"
        ])
        let problem = try #require(report.diagnostics.first)
        #expect(problem.code.rawValue == "test-load")
        #expect(problem.location.line == 3)
        #expect(report.exitStatus(minCoverage: nil) == 2)
    }

    @Test func aTestThatAssertsNothingFails() throws {
        let report = try Self.runTests([
            "empty_test.lua": """
            describe("retention", function()
              it("runs but checks nothing", function()
                run("test.retention", system{})
              end)
            end)
            """
        ])
        let test = try #require(report.cases.first)
        #expect(test.status == .fail)
        #expect(test.failures.first?.kind == .assertsNothing)
        #expect(test.failures.first?.message == "the test asserts nothing: it ran no expect(...)")
        #expect(test.failures.first?.location?.line == 2)
    }

    @Test func aBrokenFixtureFailsWithTheValidationMessages() throws {
        let report = try Self.runTests([
            "fixture_test.lua": """
            it("uses a broken fixture", function()
              local broken = system{ data = {{ category = "user.contact.emial", retention = { period = "six months" } }} }
              expect(run("test.retention", broken)):to_pass()
            end)
            """
        ])
        let test = try #require(report.cases.first)
        #expect(test.status == .fail)
        let failure = try #require(test.failures.first)
        #expect(failure.kind == .fixture)
        #expect(failure.location?.line == 2)
        #expect(failure.message.hasPrefix("the fixture is not a valid descriptor:"))
        #expect(failure.message.contains("data[1].category:"))
        #expect(failure.message.contains("user.contact.email"))
        #expect(failure.message.contains("data[1].retention.period:"))
    }

    @Test func inlineFixturesReadAsDescriptorsDo() throws {
        let report = try Self.runTests([
            "shapes_test.lua": """
            it("takes {} as the format expects it, whole floats as integers", function()
              local fixture = system{ notices = {}, scale = { subjects = 1e6 }, channels = {}, id = "mine", name = "Mine" }
              expect(run("test.retention", fixture).system):to_be("mine")
            end)
            it("refuses functions", function() system{ data = {{ category = "user.contact.email", f = print }} } end)
            it("refuses lists and mappings mixed", function() system{ data = {{ "x", category = "user.contact.email" }} } end)
            it("keeps strings as strings", function() system{ notices = { recording_announcement = "true" } } end)
            """
        ])
        #expect(report.cases.map(\.status) == [.pass, .error, .error, .fail], "\(report.cases.flatMap(\.failures))")
        #expect(
            report.cases[1].failures.first?.message.contains("a fixture holds tables, strings, numbers and booleans")
                == true)
        #expect(
            report.cases[2].failures.first?.message
                == "the fixture's `data[1]` mixes a list (1, 2, 3…) and named fields: write one or the other")
        #expect(report.cases[3].failures.first?.message.contains("notices.recording_announcement:") == true)
    }

    @Test func fixtureFilesAreValidatedAndStayInsideThePack() throws {
        let report = try Self.runTests(
            [
                "file_test.lua": """
                it("reads a fixture file", function()
                  local result = run("test.retention", fixture("fixtures/long.yaml"))
                  expect(result):to_fail()
                  expect(result):to_point_at(6)
                end)
                it("refuses a broken one", function()
                  fixture("fixtures/broken.yaml")
                end)
                it("refuses to leave the pack", function()
                  fixture("../../cadre.yaml")
                end)
                """
            ],
            extra: [
                "pack/tests/fixtures/long.yaml": """
                cadre: system/v1
                id: long
                name: Long
                owner: team@example.com
                data:
                  - { category: user.content.call_recording, retention: { period: P3Y, from: collection } }
                """,
                "pack/tests/fixtures/broken.yaml":
                    "cadre: system/v1\nid: broken\nname: Broken\nowner: x@example.com\nsurprise: 1\n",
                "cadre.yaml": "cadre: workspace/v1\n",
            ])
        #expect(report.cases.map(\.status) == [.pass, .fail, .error], "\(report.cases.flatMap(\.failures))")
        let broken = try #require(report.cases[1].failures.first)
        #expect(broken.kind == .fixture)
        #expect(broken.message.contains("tests/fixtures/broken.yaml:5:1: error: unknown key `surprise`"))
        #expect(report.cases[2].failures.first?.message.contains("is outside pack `test`") == true)
    }

    @Test func fixtureStoresAreReadNextToTheFixtureWithoutTheEnvironment() throws {
        let rule = """
            return {
              id = "test.stored", title = "Stored", severity = "high", references = { "Test" },
              check = function(system, ctx)
                local old = ctx:store("calls"):count("recordings", { older_than = "P6M", column = "recorded_at" })
                if old > 0 then ctx:fail("%d recordings older than six months", old) end
              end,
            }
            """
        let store =
            #"stores = {{ id = "calls", engine = "csv", url = URL, tables = {{ name = "recordings", columns = { caller = "user.contact.phone_number" } }} }}"#
        let report = try Self.runTests(
            [
                "stores_test.lua": """
                local function calls(url) return system{ \(store.replacingOccurrences(of: "URL", with: "url")) } end
                it("counts in the store", function()
                  expect(run("test.stored", calls("fixtures/calls"), { as_of = "2026-11-29" })):to_fail_with("2 recordings older")
                  expect(run("test.stored", calls("fixtures/calls"), { as_of = "2024-03-01" })):to_pass()
                end)
                it("reads no environment", function()
                  expect(run("test.stored", calls("${HOME}"), { as_of = "2026-11-29" })):to_error("store")
                end)
                """
            ],
            extra: [
                "pack/stored.lua": rule,
                "pack/tests/fixtures/calls/recordings.csv":
                    "caller,recorded_at\n+33600000001,2024-01-10\n+33600000002,2025-03-01\n+33600000003,2026-11-01\n",
            ])
        #expect(report.cases.map(\.status) == [.pass, .pass], "\(report.cases.flatMap(\.failures))")
    }

    @Test func filtersSelectTestsBySubstringOrLuaPattern() throws {
        let source = """
            describe("retention", function()
              it("fails at three years", function() expect(1):to_be(1) end)
              it("passes at six months", function() expect(1):to_be(1) end)
            end)
            it("other 42", function() expect(1):to_be(1) end)
            """
        #expect(
            try Self.runTests(["a_test.lua": source], filter: "retention pass").cases.map(\.name) == [
                "retention passes at six months"
            ])
        #expect(try Self.runTests(["a_test.lua": source], filter: "%d+$").cases.map(\.name) == ["other 42"])
        #expect(try Self.runTests(["a_test.lua": source], filter: "nothing").cases.isEmpty)
    }

    @Test func coverageNeedsAFailingAndAPassingCase() throws {
        let source = """
            it("fails", function() expect(run("test.retention", \(Self.recordings("P1Y")))):to_fail() end)
            it("passes", function() expect(run("test.retention", \(Self.recordings("P1M")))):to_pass() end)
            it("crashes", function() expect(run("test.crash", system{})):to_error() end)
            """
        let report = try Self.runTests(["coverage_test.lua": source])
        #expect(report.coverage.rules.map(\.id) == ["test.crash", "test.loop", "test.retention"])
        #expect(report.coverage.rules.map(\.isCovered) == [false, false, true])
        #expect(report.coverage.covered == 1)
        #expect(report.coverage.percentText == "33.3")
        #expect(report.exitStatus(minCoverage: nil) == 0)
        #expect(report.exitStatus(minCoverage: 33) == 0)
        #expect(report.exitStatus(minCoverage: 100) == 1)
    }

    @Test func aTestThatLoopsHitsTheLimitAndTheRunGoesOn() throws {
        let limits = LuaLimits(memoryBytes: 16 << 20, instructions: 200_000, deadline: .seconds(2))
        let report = try Self.runTests(
            [
                "loop_test.lua": """
                it("loops", function() while true do end end)
                it("runs a rule that loops", function() expect(run("test.loop", system{})):to_error("instruction-limit") end)
                it("still runs", function() expect(true):to_be_truthy() end)
                """
            ],
            limits: limits)
        #expect(report.cases.map(\.status) == [.error, .pass, .pass], "\(report.cases.flatMap(\.failures))")
        let failure = try #require(report.cases[0].failures.first)
        #expect(failure.errorKind == "instruction-limit")
        #expect(failure.message.hasPrefix("instruction limit exceeded"))
        #expect(failure.location?.line == 1)
    }

    @Test func aTestThatLoopsInCHitsTheLimitAndTheRunGoesOn() throws {
        let limits = LuaLimits(memoryBytes: 16 << 20, instructions: 200_000, deadline: .seconds(30))
        let report = try Self.runTests(
            [
                "cloop_test.lua": """
                it("moves forever", function() table.move({}, 1, math.maxinteger - 1, 2, {}) end)
                it("sorts forever", function()
                  table.sort(setmetatable({}, {__len = function() return 1e7 end, __index = function() return 1 end, __newindex = function() end}))
                end)
                it("still runs", function() expect(string.rep('', math.maxinteger)):to_be('') end)
                """
            ],
            limits: limits)
        #expect(report.cases.map(\.status) == [.error, .error, .pass], "\(report.cases.flatMap(\.failures))")
        #expect(report.cases[0].failures.first?.errorKind == "instruction-limit")
        #expect(report.cases[0].failures.first?.location?.line == 1)
    }

    @Test func aFailedExpectationCannotBeSwallowed() throws {
        let report = try Self.runTests([
            "pcall_test.lua": """
            it("hides a failure", function()
              pcall(function() expect(1):to_be(2) end)
              expect(1):to_be(1)
            end)
            """
        ])
        #expect(report.cases.first?.status == .fail)
        #expect(report.cases.first?.failures.first?.location?.line == 2)
        #expect(report.cases.first?.failures.first?.message == "expected 2, got 1")
    }

    @Test func eachTestStartsFreshAndHooksRunInOrder() throws {
        let report = try Self.runTests([
            "hooks_test.lua": """
            local trace = {}
            local count
            before_each(function() count = 0; trace[#trace + 1] = "outer before" end)
            after_each(function() trace[#trace + 1] = "outer after" end)
            describe("block", function()
              before_each(function() count = count + 10; trace[#trace + 1] = "inner before" end)
              after_each(function() trace[#trace + 1] = "inner after" end)
              it("first", function() count = count + 1; expect(count):to_be(11) end)
              it("second", function() count = count + 1; expect(count):to_be(11) end)
            end)
            it("last sees the order", function()
              expect(trace):to_equal({
                "outer before", "inner before", "inner after", "outer after",
                "outer before", "inner before", "inner after", "outer after",
                "outer before",
              })
            end)
            """
        ])
        #expect(report.cases.map(\.name) == ["block first", "block second", "last sees the order"])
        #expect(report.cases.map(\.status) == [.pass, .pass, .pass], "\(report.cases.flatMap(\.failures))")
    }

    @Test func runTakesTheDateAndTheSettings() throws {
        let manifest =
            TemporaryWorkspace.packManifest + """

                settings:
                  calendar: { default: later, values: [later, sooner], description: Which dates. }
                data: data.yaml
                """
        let report = try Self.runTests(
            [
                "dates_test.lua": """
                it("is not yet in force under the default calendar", function()
                  expect(run("test.dated", system{}, { as_of = "2026-01-01" })):to_be_skipped("not-yet-in-force")
                end)
                it("is in force under the other calendar", function()
                  local result = run("test.dated", system{}, { as_of = "2026-01-01", settings = { calendar = "sooner" } })
                  expect(result):to_fail_with("as of 2026-01-01 with sooner")
                end)
                it("refuses an unknown setting value", function()
                  run("test.dated", system{}, { settings = { calendar = "never" } })
                end)
                it("refuses a malformed date", function()
                  run("test.dated", system{}, { as_of = "2026-13-01" })
                end)
                """
            ],
            extra: [
                "pack/pack.yaml": manifest,
                "pack/data.yaml": "calendars: { later: 2027-01-01, sooner: 2025-01-01 }\n",
                "pack/dated.lua": """
                return {
                  id = "test.dated", title = "Dated", severity = "low", references = { "Test" },
                  effective = { from = pack.data.calendars[pack.settings.calendar] },
                  check = function(system, ctx) ctx:fail("as of %s with %s", ctx.as_of, pack.settings.calendar) end,
                }
                """,
            ])
        #expect(report.cases.map(\.status) == [.pass, .pass, .error, .error], "\(report.cases.flatMap(\.failures))")
        #expect(
            report.cases[2].failures.first?.message.contains("`never` is not a value of setting `calendar`") == true)
        #expect(report.cases[3].failures.first?.location?.line == 12)
    }

    @Test func mistakesInTestsAreErrorsThatSayWhatToDo() throws {
        let report = try Self.runTests([
            "mistakes_test.lua": """
            it("names an unknown rule", function() run("test.retenton", system{}) end)
            it("passes a plain table", function() run("test.retention", {}) end)
            it("uses an unknown matcher", function() expect(1):to_bee(1) end)
            it("expects a result", function() expect(1):to_pass() end)
            """
        ])
        #expect(report.cases.map(\.status) == [.error, .error, .error, .fail])
        #expect(
            report.cases[0].failures.first?.message
                == "run: no rule `test.retenton` in pack `test` (did you mean `test.retention`?)")
        #expect(report.cases[1].failures.first?.message.contains("fixture made by system{...}") == true)
        #expect(report.cases[2].failures.first?.message.hasPrefix("no matcher 'to_bee'") == true)
        #expect(report.cases[3].failures.first?.message == "to_pass expects the result of run(rule_id, system)")
    }

    @Test func theSameTestsGiveTheSameReport() throws {
        let tests = [
            "a_test.lua": """
            it("fails", function() expect(run("test.retention", \(Self.recordings("P1Y")))):to_pass() end)
            it("random", function() expect(math.random(1000)):to_be(math.random(1000)) end)
            """,
            "b_test.lua": "it(\"equal\", function() expect({b = 1, a = {2, 3}}):to_equal({a = {2, 4}, b = 1}) end)",
        ]
        let first = try Self.runTests(tests)
        let second = try Self.runTests(tests)
        func strip(_ report: TestReport) -> [TestCase] {
            report.cases.map { test in
                var test = test
                test.file = (test.file as NSString).lastPathComponent
                test.failures = test.failures.map { failure in
                    var failure = failure
                    if let file = failure.location?.file {
                        failure.location?.file = (file as NSString).lastPathComponent
                    }
                    return failure
                }
                return test
            }
        }
        #expect(strip(first) == strip(second))
        #expect(first.cases.last?.failures.first?.message == "expected the values to be equal; they differ at a[2]")
        #expect(first.cases.last?.failures.first?.actual == "{a = {2, 3}, b = 1}")
    }
}
