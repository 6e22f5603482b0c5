import Foundation
import Testing

/// `cadre evaluate --rule`: only the rules named (by id or pattern) run and are reported.
@Suite struct EvaluateRuleFilterTests {
    @Test func onlyTheRulesNamedRunAndAreReported() throws {
        let examples = CadreCommand.repositoryRoot.appendingPathComponent("examples")
        let environment = ["VOICEBOT_DB_URL": "stores/voicebot.sqlite"]
        let one = try CadreCommand.run(
            [
                "evaluate", "--workspace", examples.path, "--as-of", "2026-11-29", "--rule", "cnil.recording.retention",
                "--format", "json",
            ], environment: environment)
        #expect(one.status <= 1, "\(one.stderr)")
        let json = try #require(JSONSerialization.jsonObject(with: Data(one.stdout.utf8)) as? [String: Any])
        let rules = try #require(json["rules"] as? [[String: Any]])
        #expect(rules.map { $0["id"] as? String } == ["cnil.recording.retention"])

        let pattern = try CadreCommand.run(
            [
                "evaluate", "--workspace", examples.path, "--as-of", "2026-11-29", "--rule", "cnil.recording.*",
                "--rule", "gdpr.dpia.timing", "--format", "json",
            ], environment: environment)
        let patterned = try #require(JSONSerialization.jsonObject(with: Data(pattern.stdout.utf8)) as? [String: Any])
        let ids = try #require((patterned["rules"] as? [[String: Any]])?.compactMap { $0["id"] as? String })
        #expect(ids.count > 2)
        #expect(ids.allSatisfy { $0.hasPrefix("cnil.recording.") || $0 == "gdpr.dpia.timing" }, "\(ids)")
        #expect(ids.contains("gdpr.dpia.timing"))
    }

    @Test func aPatternThatMatchesNoRuleIsAnError() throws {
        let examples = CadreCommand.repositoryRoot.appendingPathComponent("examples")
        let output = try CadreCommand.run(
            ["evaluate", "--workspace", examples.path, "--rule", "cnil.recording.retenton", "--no-stores"])
        #expect(output.status == 2)
        #expect(
            output.stderr.contains(
                "cadre: --rule cnil.recording.retenton: no rule of the workspace's packs has this id; did you mean `cnil.recording.retention`?"
            ), "\(output.stderr)")
    }
}
