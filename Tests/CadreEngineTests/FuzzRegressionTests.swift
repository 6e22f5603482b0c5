import CadreEngine
import CadreModel
import Foundation
import Testing

/// What the fuzzers (Fuzz/, docs/fuzzing.md) found that a rule could reach: each input now gives
/// the rule a result, or its file a diagnostic, instead of stopping or hanging cadre.
@Suite struct FuzzRegressionTests {
    func result(of check: String) throws -> RuleResult? {
        try TemporaryWorkspace.with(rules: ["rule.lua": TemporaryWorkspace.rule("x", check: check)]).evaluate().result(
            "test.x")
    }

    /// A crash of the descriptor fuzzer's target; `cadre.duration` reads durations with the same
    /// parser, so a rule crashed the whole evaluation with it. Its error names the rule's line (it
    /// named the prelude's: `cadre.duration` made a tail call, which left the rule's frame out of
    /// the count).
    @Test func aHugeFractionOfYearsIsARuleErrorAtItsLine() throws {
        let result = try #require(try result(of: "cadre.duration('P99999999999999999999.5Y')"))
        #expect(result.status == .error)
        #expect(
            result.failure?.message.contains(
                "`P99999999999999999999.5Y` is not a valid duration: fractions are not accepted") == true)
        #expect(
            result.failure?.location?.file.hasSuffix("pack/rule.lua") == true, "\(String(describing: result.failure))")
        #expect(result.failure?.location?.line == 8)
    }

    /// Found by the rule fuzzer from a hostile seed (before `string.rep` was charged): each call
    /// looped a billion times in C, out of the count hook's reach, so 500 of them under `pcall`
    /// ran for minutes past the deadline, at a rule file's top level as in `check`.
    @Test func repeatingAnEmptyStringUnderPcallEndsInTime() throws {
        let loop = "for i = 1, 500 do pcall(string.rep, '', 1e9) end return'survived'"
        let start = Date()
        let workspace = try TemporaryWorkspace.with(rules: [
            "top.lua": loop, "rule.lua": TemporaryWorkspace.rule("x", check: loop),
        ])
        let evaluation = try workspace.evaluate()
        #expect(Date().timeIntervalSince(start) < 30)
        #expect(
            evaluation.diagnostics.filter(\.isError).map(\.message) == [
                "the file returned a string; a rule file returns a rule (a table with id, title, severity, references and check) or a list of rules"
            ])
        #expect(evaluation.result("test.x")?.status == .pass)
    }

    @Test func anInvalidDateIsARuleErrorAtItsLine() throws {
        let result = try #require(try result(of: "local ok = 1\ncadre.date('2025-02-30')"))
        #expect(result.status == .error)
        #expect(result.failure?.message == "`2025-02-30` is not a valid date: February 2025 has 28 days")
        #expect(
            result.failure?.location?.file.hasSuffix("pack/rule.lua") == true, "\(String(describing: result.failure))")
        #expect(result.failure?.location?.line == 9)
    }
}
