import Foundation
import Testing

/// `cadre test` and `cadre policies doc`, run as a policy author and CI run them.
@Suite struct TestCommandTests {
    /// A pack in a fresh temporary folder: `pack.yaml`, a retention rule, and `files`.
    final class Pack {
        let root: URL
        var folder: String { root.appendingPathComponent("pack").path }

        init(_ files: [String: String]) throws {
            root = FileManager.default.temporaryDirectory.appendingPathComponent("cadre-test-\(UUID().uuidString)")
            let base: [String: String] = [
                "pack/pack.yaml": "cadre: pack/v1\nid: demo\nversion: 1.0.0\ntitle: Demo\napi: 1\n",
                "pack/retention.lua": """
                -- Recordings are kept six months at most.
                return {
                  id = "demo.retention", title = "Recordings are kept six months at most", severity = "high",
                  references = { "CNIL NS-57" },
                  check = function(system, ctx)
                    for _, item in ipairs(system:data_of("user.content.call_recording")) do
                      if cadre.duration(item.retention.period):can_exceed("P6M") then
                        ctx:fail({item.retention, "period"}, "recordings kept %s; six months at most", item.retention.period)
                      end
                    end
                  end,
                }
                """,
            ]
            for (path, text) in base.merging(files, uniquingKeysWith: { $1 }) {
                let url = root.appendingPathComponent(path)
                try FileManager.default.createDirectory(
                    at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
                try Data(text.utf8).write(to: url)
            }
        }

        deinit { try? FileManager.default.removeItem(at: root) }

        func run(_ arguments: [String]) throws -> CadreCommand.Output {
            try CadreCommand.run(arguments, in: root)
        }
    }

    static func recordings(_ period: String) -> String {
        #"system{ data = {{ category = "user.content.call_recording", retention = { period = "\#(period)", from = "collection" } }} }"#
    }

    static let passing = """
        describe("demo.retention", function()
          it("fails at three years", function()
            expect(run("demo.retention", \(recordings("P3Y")))).to_fail_with("six months")
          end)
          it("passes at six months", function()
            expect(run("demo.retention", \(recordings("P6M")))):to_pass()
          end)
        end)
        """

    static let failing = """
        it("passes at one year", function()
          expect(run("demo.retention", \(recordings("P1Y")))):to_pass()
        end)
        """

    @Test func theBundledPacksPassTheirTestsWithEveryRuleCovered() throws {
        let started = Date()
        let output = try CadreCommand.run(["test", "--workspace", "examples", "--min-coverage", "100", "--coverage"])
        let elapsed = Date().timeIntervalSince(started)
        #expect(output.status == 0, "\(output.stdout)\(output.stderr)")
        #expect(output.stdout.contains("with a failing and a passing case (100%)"))
        let summary = try #require(output.stdout.split(separator: "\n").last)
        #expect(summary.contains(" passed, 0 failed — "))
        // 388 tests of 110 rules (second edition of the packs): a few seconds on a loaded machine.
        #expect(elapsed < 10, "the bundled packs' tests took \(elapsed) s")
    }

    @Test func passingTestsExitZeroAndSayHowMany() throws {
        let pack = try Pack(["pack/tests/retention_test.lua": Self.passing])
        let output = try pack.run(["test", "pack"])
        #expect(output.status == 0)
        #expect(output.stdout == "2 passed, 0 failed — 2 tests in 1 file of 1 pack\n")
        let verbose = try pack.run(["test", "pack", "--verbose"])
        #expect(verbose.stdout.contains("  PASS   demo.retention passes at six months\n"))
    }

    @Test func insideAPackWithoutAWorkspaceItsTestsRun() throws {
        let pack = try Pack(["pack/tests/retention_test.lua": Self.passing])
        let output = try CadreCommand.run(["test"], in: pack.root.appendingPathComponent("pack"))
        #expect(output.status == 0, "\(output.stderr)")
        #expect(output.stdout == "2 passed, 0 failed — 2 tests in 1 file of 1 pack\n")
        let outside = try pack.run(["test"])
        #expect(outside.status == 2)
        #expect(outside.stderr.contains("no workspace (cadre.yaml) in this folder or above"))
    }

    /// A rule of a pack that uses a plugin's module (pii-fr's checksums): tested with the plugin
    /// the workspace enables, or one given with --plugin; without it, the rule does not load.
    @Test func rulesAndTestsUseThePluginsOfTheWorkspaceOrOfPlugin() throws {
        let plugin = CadreCommand.repositoryRoot.appendingPathComponent("plugins/pii-fr").path
        let pack = try Pack([
            "pack/siren.lua": """
            -- The organisation's SIREN has a valid key.
            local checksums = require("pii-fr.checksums")
            return {
              id = "demo.siren", title = "The SIREN of the organisation is valid", severity = "low",
              references = { "Code de commerce R123-220" },
              check = function(system, ctx)
                local siren = system["x-siren"]
                if siren and not checksums.siren(checksums.digits(siren)) then
                  ctx:fail(system, "SIREN %s has a wrong key", siren)
                end
              end,
            }
            """,
            "pack/tests/siren_test.lua": """
            it("a wrong key fails", function()
              expect(run("demo.siren", system{ ["x-siren"] = "732 829 321" })).to_fail_with("wrong key")
            end)
            it("a valid SIREN passes", function()
              expect(run("demo.siren", system{ ["x-siren"] = "732 829 320" })):to_pass()
            end)
            it("the test file can use the module too", function()
              expect(require("pii-fr.checksums").luhn("732829320")).to_be(true)
            end)
            """,
            "cadre.yaml": "cadre: workspace/v1\npacks: [./pack]\nplugins: [\(plugin)]\n",
        ])
        let inWorkspace = try pack.run(["test"])
        #expect(inWorkspace.status == 0, "\(inWorkspace.stdout)\(inWorkspace.stderr)")
        #expect(inWorkspace.stdout.hasSuffix("3 passed, 0 failed — 3 tests in 1 file of 1 pack\n"))
        let withFlag = try pack.run(["test", "pack/tests/siren_test.lua", "--plugin", plugin])
        #expect(withFlag.status == 0, "\(withFlag.stdout)\(withFlag.stderr)")
        #expect(withFlag.stdout.hasSuffix("3 passed, 0 failed — 3 tests in 1 file of 1 pack\n"))
        let without = try pack.run(["test", "pack/tests/siren_test.lua"])
        #expect(without.status == 2)
        #expect(without.stdout.contains("pack/siren.lua:2:"))
        #expect(without.stdout.contains("module 'pii-fr.checksums' not found"))
    }

    @Test func aFailingTestExitsOneWithTheLineAndTheDiff() throws {
        let pack = try Pack(["pack/tests/retention_test.lua": Self.failing])
        let output = try pack.run(["test"] + ["pack/tests/retention_test.lua"])
        #expect(output.status == 1)
        #expect(
            output.stdout == """
                pack/tests/retention_test.lua
                  FAIL   passes at one year
                         pack/tests/retention_test.lua:2: expected the rule to pass
                           expected: status pass
                             actual: status fail
                                     fail at data[1].retention.period: recordings kept P1Y; six months at most

                0 passed, 1 failed — 1 test in 1 file of 1 pack

                """)
    }

    @Test func aTestFileThatDoesNotCompileIsInvalidInputWithItsLocation() throws {
        let pack = try Pack([
            "pack/tests/broken_test.lua": "it(\"x\", function()\n  expect(1):to_be(1)\n",
            "pack/tests/retention_test.lua": Self.passing,
        ])
        let output = try pack.run(["test", "pack"])
        #expect(output.status == 2)
        #expect(output.stdout.hasPrefix("pack/tests/broken_test.lua:3:1: error: syntax error: "))
        #expect(output.stdout.hasSuffix("2 passed, 0 failed — 2 tests in 2 files of 1 pack\n"))
    }

    @Test func aPackThatDoesNotLoadIsInvalidInput() throws {
        let pack = try Pack(["pack/bad.lua": "return { id = \"demo.bad\" }"])
        let output = try pack.run(["test", "pack"])
        #expect(output.status == 2)
        #expect(output.stdout.contains("rule `demo.bad` is missing required field `title`"))
        let missing = try pack.run(["test", "nowhere"])
        #expect(missing.status == 2)
        #expect(missing.stdout.contains("no such file or folder: `nowhere`"))
    }

    @Test func filterRunsTheMatchingTests() throws {
        let pack = try Pack(["pack/tests/retention_test.lua": Self.passing])
        let output = try pack.run(["test", "pack", "--filter", "six months$", "--verbose"])
        #expect(output.status == 0)
        #expect(output.stdout.contains("PASS   demo.retention passes at six months"))
        #expect(!output.stdout.contains("three years"))
        #expect(output.stdout.hasSuffix("1 passed, 0 failed — 1 test in 1 file of 1 pack (filter: six months$)\n"))
    }

    @Test func jsonReportsEveryTestAndTheCoverage() throws {
        let pack = try Pack(["pack/tests/retention_test.lua": Self.failing])
        let output = try pack.run(["test", "pack", "--format", "json", "--min-coverage", "100"])
        #expect(output.status == 1)
        let document = try #require(try JSONSerialization.jsonObject(with: Data(output.stdout.utf8)) as? [String: Any])
        #expect(document["format"] as? String == "cadre-test/v1")
        #expect(document["exit_status"] as? Int == 1)
        let summary = try #require(document["summary"] as? [String: Int])
        #expect(summary == ["tests": 1, "passed": 0, "failed": 1, "errors": 0])
        let test = try #require((document["tests"] as? [[String: Any]])?.first)
        #expect(test["name"] as? String == "passes at one year")
        #expect(test["status"] as? String == "fail")
        let failure = try #require((test["failures"] as? [[String: Any]])?.first)
        #expect(failure["kind"] as? String == "expectation")
        #expect((failure["location"] as? [String: Any])?["line"] as? Int == 2)
        let coverage = try #require(document["coverage"] as? [String: Any])
        #expect(coverage["below_minimum"] as? Bool == true)
        #expect((coverage["rules"] as? [[String: Any]])?.first?["failing"] as? Bool == true)
        #expect((coverage["rules"] as? [[String: Any]])?.first?["passing"] as? Bool == false)
        // The same tests give the same bytes.
        #expect(try pack.run(["test", "pack", "--format", "json", "--min-coverage", "100"]).stdout == output.stdout)
    }

    @Test func junitHasACasePerTest() throws {
        let pack = try Pack(["pack/tests/retention_test.lua": Self.passing + "\n" + Self.failing])
        let output = try pack.run(["test", "pack", "--format", "junit"])
        #expect(output.status == 1)
        #expect(output.stdout.contains(#"<testsuites name="cadre test" tests="3" failures="1" errors="0" time="0">"#))
        #expect(
            output.stdout.contains(
                #"<testcase classname="demo" name="demo.retention passes at six months" time="0">"#
            ))
        #expect(
            output.stdout.contains(
                #"<failure message="expected the rule to pass" type="expectation">pack/tests/retention_test.lua:10: expected the rule to pass"#
            ))
    }

    @Test func minCoverageNamesTheRulesNotCovered() throws {
        let pack = try Pack([
            "pack/tests/retention_test.lua": """
            it("fails", function() expect(run("demo.retention", \(Self.recordings("P1Y")))):to_fail() end)
            """
        ])
        let output = try pack.run(["test", "pack", "--min-coverage", "100"])
        #expect(output.status == 1)
        #expect(
            output.stdout.contains(
                "coverage 0% is below --min-coverage 100%; not covered:\n  demo.retention (no passing case) pack/retention.lua\n"
            ))
        #expect(try pack.run(["test", "pack", "--min-coverage", "0"]).status == 0)
        #expect(try pack.run(["test", "pack", "--min-coverage", "101"]).status == 2)
    }

    @Test func policiesDocIsUpToDateAndCheckCatchesADifference() throws {
        let check = try CadreCommand.run([
            "policies", "doc", "--workspace", "examples", "--output", "docs/policies.md", "--check",
        ])
        #expect(check.status == 0, "\(check.stderr)")
        let pack = try Pack(["docs/README.md": "Docs.\n"])
        let written = try pack.run(["policies", "doc", "pack", "--output", "docs/policies.md"])
        #expect(written.status == 0)
        let text = try String(contentsOf: pack.root.appendingPathComponent("docs/policies.md"), encoding: .utf8)
        #expect(text.contains("### demo.retention\n\n**Recordings are kept six months at most**"))
        #expect(text.contains("| file | [`pack/retention.lua`](../pack/retention.lua) |"))
        #expect(try pack.run(["policies", "doc", "pack", "--output", "docs/policies.md", "--check"]).status == 0)
        try Data((text + "edited by hand\n").utf8).write(to: pack.root.appendingPathComponent("docs/policies.md"))
        let stale = try pack.run(["policies", "doc", "pack", "--output", "docs/policies.md", "--check"])
        #expect(stale.status == 1)
        #expect(stale.stderr.contains("docs/policies.md is out of date"))
    }
}
