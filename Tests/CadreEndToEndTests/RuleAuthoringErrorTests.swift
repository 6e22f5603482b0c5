import Foundation
import Testing

/// What an author gets wrong while writing a rule, said where it is.
@Suite struct RuleAuthoringErrorTests {
    @Test(arguments: [
        ("\"no\"", "the string \"no\""), ("0", "the number 0"), ("nil", "nil"), ("{}", "a table"),
        ("true, 1", "a boolean (and 1 more values)"),
    ])
    func appliesMustReturnABoolean(returned: String, said: String) throws {
        let applies =
            "return { id = 't.a', title = 'a', severity = 'high', references = {'T 1'},\n"
            + "  applies = function(system)\n    return \(returned)\n  end,\n"
            + "  check = function(system, ctx) ctx:fail(system.purposes[1], 'ran') end }\n"
        let folder = try TemporaryFolder.oneFailingRule(["pack/fine.lua": applies])
        let evaluated = try CadreCommand.run(["evaluate"], in: folder.url)
        #expect(evaluated.status == 1)
        #expect(
            evaluated.stdout.contains(
                "pack/fine.lua:2:1: runtime: `applies` must return true or false; it returned \(said)"),
            "\(evaluated.stdout)")
        #expect(!evaluated.stdout.contains("ran"))
    }

    @Test func appliesReturningABooleanDecides() throws {
        for (returned, status) in [("true", "FAIL"), ("false", "")] {
            let applies =
                "return { id = 't.a', title = 'a', severity = 'high', references = {'T 1'},\n"
                + "  applies = function(system) return \(returned) end,\n"
                + "  check = function(system, ctx) ctx:fail(system.purposes[1], 'ran') end }\n"
            let folder = try TemporaryFolder.oneFailingRule(["pack/fine.lua": applies])
            let evaluated = try CadreCommand.run(["evaluate", "--verbose"], in: folder.url)
            if status.isEmpty {
                #expect(evaluated.status == 0)
                #expect(evaluated.stdout.contains("not-applicable"), "\(evaluated.stdout)")
            } else {
                #expect(evaluated.status == 1)
                #expect(evaluated.stdout.contains("ran"))
            }
        }
    }

    @Test func cadreTestSaysWhereARuleErred() throws {
        let folder = try TemporaryFolder.oneFailingRule([
            "pack/fine.lua": EvaluateCommandTests.rule("fine", "local x = nil\n return x.y"),
            "pack/tests/fine_test.lua":
                "it('fails', function() expect(run('t.fine', system{ purposes = { { id = 'p' } } })):to_fail() end)\n",
        ])
        let tested = try CadreCommand.run(["test", "pack"], in: folder.url)
        #expect(tested.status == 1)
        #expect(
            tested.stdout.contains("actual: status error (pack/fine.lua:2: runtime: attempt to index a nil value"),
            "\(tested.stdout)")
    }
}
