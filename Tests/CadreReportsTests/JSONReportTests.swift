import CadreModel
import Testing

@testable import CadreEngine
@testable import CadreReports

/// `cadre-evaluation/v1`: the run's facts and totals, then every system in report order with
/// every result, text from outside cadre carried exactly.
@Suite struct JSONReportTests {
    static func document() throws -> [String: Any] {
        try #require(ReportFixture.json(ReportFixture.report(.json)) as? [String: Any])
    }

    @Test func theRunsFactsAndTotals() throws {
        let document = try Self.document()
        #expect(document["format"] as? String == "cadre-evaluation/v1")
        #expect((document["tool"] as? [String: String]) == ["name": "cadre", "version": "9.9.9"])
        #expect(document["as_of"] as? String == "2026-11-29")
        #expect(document["workspace"] as? String == "examples")
        #expect(document["fail_on"] as? String == "high")
        #expect(document["exit_status"] as? Int == 2, "an invalid descriptor is invalid input")
        let summary = try #require(document["summary"] as? [String: Any])
        #expect(summary["systems"] as? Int == 3)
        #expect(summary["invalid_systems"] as? Int == 1)
        #expect(summary["rules"] as? Int == 3)
        #expect(summary["results"] as? Int == 6)
        #expect(summary["findings"] as? Int == 4)
        #expect(
            (summary["statuses"] as? [String: Int])
                == ["pass": 1, "fail": 1, "warn": 1, "error": 1, "waived": 1, "skipped": 1])
        let packs = try #require(document["packs"] as? [[String: Any]])
        #expect(packs.map { $0["id"] as? String } == ["ai", "cnil", "gdpr"])
        let rules = try #require(document["rules"] as? [[String: Any]])
        #expect(rules.map { $0["id"] as? String } == ["gdpr.retention", "cnil.cookies", "ai.log"])
        #expect(rules.first?["pack_version"] as? String == "1.2.0")
        let problems = try #require(document["diagnostics"] as? [[String: Any]])
        #expect(problems.map { $0["code"] as? String } == ["engine"])
    }

    @Test func everySystemAndResultInReportOrder() throws {
        let systems = try #require(try Self.document()["systems"] as? [[String: Any]])
        #expect(systems.map { $0["file"] as? String } == ["systems/a.yaml", "systems/b.yaml", "systems/broken.yaml"])
        #expect(systems.map { $0["valid"] as? Bool } == [true, true, false])
        let crm = try #require(systems.first?["results"] as? [[String: Any]])
        #expect(crm.map { $0["rule"] as? String } == ["ai.log", "cnil.cookies", "gdpr.retention"])
        #expect(crm.map { $0["status"] as? String } == ["pass", "waived", "fail"])
        let waiver = try #require(crm[1]["waiver"] as? [String: Any])
        #expect(waiver["approved_by"] as? String == "dpo@example.com")
        #expect(waiver["expires"] as? String == "2027-03-31")
        let findings = try #require(crm[2]["findings"] as? [[String: Any]])
        #expect(findings.count == 2)
        #expect(
            findings.first?["message"] as? String == "no retention for \(ReportFixture.tricky)\nsecond line\u{1B}[2J")
        #expect((findings.first?["location"] as? [String: Any])?["line"] as? Int == 4)
        #expect(findings.first?["evidence"] as? [String] == ["tickets.email = ****"])
        let bot = try #require(systems[1]["results"] as? [[String: Any]])
        #expect(bot.first?["skip_reason"] as? String == "not-applicable")
        let failure = try #require(bot[2]["failure"] as? [String: Any])
        #expect(failure["kind"] as? String == "runtime")
        #expect((failure["location"] as? [String: Any])?["file"] as? String == "../policies/gdpr/retention.lua")
        let broken = try #require(systems[2]["diagnostics"] as? [[String: Any]])
        #expect(broken.first?["code"] as? String == "missing-field")
        #expect(broken.first?["hint"] as? String == "every system has an id")
    }

    @Test func textIsEscapedAsJSONAndTheBytesAreStable() {
        let report = ReportFixture.report(.json)
        #expect(report.contains(#""message" : "no retention for a <b> & \"c\" 'd'\nsecond line\u001b[2J""#))
        #expect(report.contains(#""file" : "systems/a.yaml""#), "slashes are not escaped")
        #expect(report.contains("\n  \"systems\" : [\n    {\n"), "systems are indented as the whole document")
        #expect(report.hasSuffix("}\n"))
        #expect(report == ReportFixture.report(.json), "the same run gives the same bytes")
    }

    @Test func noFailOnMeansExitZeroUnlessInputIsInvalid() throws {
        var evaluation = ReportFixture.evaluation()
        evaluation.systems.removeLast()
        evaluation.diagnostics = []
        let text = ReportFormat.json.render(evaluation, context: ReportContext(toolVersion: "9.9.9", failOn: nil))
        let document = try #require(try ReportFixture.json(text) as? [String: Any])
        #expect(document["fail_on"] as? String == "none")
        #expect(document["exit_status"] as? Int == 0)
        let failing = ReportFormat.json.render(evaluation, context: ReportContext(toolVersion: "9.9.9"))
        #expect((try ReportFixture.json(failing) as? [String: Any])?["exit_status"] as? Int == 1)
    }
}
