import CadreEngine
import CadreModel
import Foundation
import Testing

/// A scan its time limit cuts short read an unknown part of a table: the rule's result is then an
/// `error` of kind `scan-incomplete` naming the plugin detector that took the time, never a pass.
/// A scan stopped by its row cap is a sample the rule asked for and leaves the result as it is.
@Suite struct IncompleteScanTests {
    /// A workspace whose table `notes` holds `rows` rows, each with a badge, and whose plugin
    /// detector `badge` runs `validate`.
    func evaluate(validate: String, rows: Int, rule: String, limits: String) throws -> (Evaluation, Duration) {
        let workspace = try HostileDetectorWorkspace(
            detectors: HostilePluginTests.detector(validate: validate), rules: ["scan.lua": rule], limits: limits,
            notes: (0..<rows).map { "badge B\(1000 + $0 % 9000) seen" })
        let started = ContinuousClock.now
        let evaluation = try workspace.evaluate()
        return (evaluation, ContinuousClock.now - started)
    }

    static let rule = TemporaryWorkspace.rule(
        "scan",
        check: """
            local scanned = ctx:store("crm"):scan("notes", { detectors = { "badge" } })
            ctx:info("%d badges in %d rows; truncated: %s, stopped by %s", scanned.detectors.badge.matches, scanned.rows,
              tostring(scanned.truncated), tostring(scanned.stopped_by))
            """)

    @Test func aSlowValidationMakesTheScanIncompleteAndNamesThePlugin() throws {
        // Each call takes a few milliseconds; 2,000 rows need far more than the rule's 600 ms.
        let (evaluation, elapsed) = try evaluate(
            validate: "local n = 0 for i = 1, 300000 do n = n + i end return true", rows: 2_000, rule: Self.rule,
            limits: "limits: { deadline_ms: 600 }")
        let result = try #require(evaluation.result("test.scan"))
        #expect(result.status == .error)
        #expect(result.failure?.kind == "scan-incomplete")
        let message = try #require(result.failure?.message)
        let pattern =
            /the scan of crm\.notes stopped at its time limit \(0\.\d\d s\) after (\d+) rows: detector `badge` of plugin plug took 0\.\d\d s of it; a scan cut short is not a pass/
        let match = try #require(try pattern.wholeMatch(in: message), "\(message)")
        let rows = try #require(Int(match.1))
        #expect(rows > 0 && rows < 2_000)
        #expect(result.failure?.location?.file.hasSuffix("plug/detectors.lua") == true)
        #expect(result.failure?.location?.line == 5)
        // The rule saw the scan cut short, and what it found holds for the rows read (the
        // detector stopped during the call that met the deadline: fewer badges than rows).
        let finding = try #require(result.findings.first?.message)
        let seen = try #require(
            try /(\d+) badges in (\d+) rows; truncated: true, stopped by time-limit/.wholeMatch(in: finding),
            "\(finding)")
        #expect(Int(seen.2) == rows)
        #expect(try #require(Int(seen.1)) <= rows)
        #expect(result.fails(at: .high))
        #expect(evaluation.summary.count(.error) == 1)
        // The run ends at the rule's deadline, plus a margin for the run itself.
        #expect(elapsed < .seconds(5))
    }

    @Test func aValidationThatLoopsUntilTheScanEndsIsNamedToo() throws {
        // One call spends all the scan's time: the detector stops quietly at the scan's deadline,
        // and the scan reports its time limit after the few rows the store had handed it.
        let (evaluation, _) = try evaluate(
            validate: "while true do end", rows: 200, rule: Self.rule,
            limits: "limits: { deadline_ms: 600, instructions: 0 }")
        let result = try #require(evaluation.result("test.scan"))
        #expect(result.failure?.kind == "scan-incomplete", "\(result)")
        #expect(result.failure?.message.contains("detector `badge` of plugin plug took") == true)
        #expect(result.failure?.location?.line == 5)
    }

    @Test func aRowCapIsASampleTheRuleAskedFor() throws {
        let rule = TemporaryWorkspace.rule(
            "scan",
            check: """
                local scanned = ctx:store("crm"):scan("notes", { detectors = { "badge" }, row_cap = 10 })
                ctx:info("%d badges in %d rows; truncated: %s, stopped by %s", scanned.detectors.badge.matches, scanned.rows,
                  tostring(scanned.truncated), tostring(scanned.stopped_by))
                """)
        let (evaluation, _) = try evaluate(validate: "return true", rows: 50, rule: rule, limits: "")
        let result = try #require(evaluation.result("test.scan"))
        #expect(result.status == .pass)
        #expect(result.failure == nil)
        #expect(result.findings.map(\.message) == ["10 badges in 10 rows; truncated: true, stopped by row-cap"])
    }
}
