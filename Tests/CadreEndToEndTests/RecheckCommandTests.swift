import Foundation
import Testing

/// `cadre recheck`, `history` and `diff` on a copy of the example workspace: the guidance-change
/// walkthrough of docs/rechecks.md, step by step, with the exact reports.
@Suite struct RecheckCommandTests {
    /// The rule change of the walkthrough: cnil 0.2.0 also checks the stores' tables.
    static let tableCheck = """
            for _, t in ipairs(system:tables_holding("user.content.call_recording")) do
              if t.retention and t.retention.period and cadre.duration(t.retention.period):can_exceed("P6M") then
                ctx:fail({t.retention, "period"}, "table %s.%s keeps recordings %s; six months at most", t.store, t.name, t.retention.period)
              end
            end
          end,
        }
        """

    @Test func theGuidanceChangeWalkthrough() throws {
        let scratch = try ScratchWorkspace()
        // 1. The first re-check evaluates every pair and records run 1.
        let first = try scratch.cadre("recheck", "--workspace", "examples", "--as-of", "2026-11-29")
        #expect(first.status == 1)
        #expect(first.stdout.hasPrefix("re-checked examples as of 2026-11-29 with no earlier run: re-evaluated 36 of 36 pairs\n"))
        #expect(first.stdout.hasSuffix("recorded run 1: 2 new failures, 0 resolved, 0 changed; new at or above high: 2\n"))

        // 2. CNIL's pack 0.2.0: the retention rule also checks the tables of the stores.
        try scratch.replace("version: 0.1.0", with: "version: 0.2.0", in: "policies/cnil/pack.yaml")
        try scratch.replace("    end\n  end,\n}", with: "    end\n" + Self.tableCheck, in: "policies/cnil/recording-retention.lua")
        let bump = try scratch.cadre("recheck", "--workspace", "examples", "--as-of", "2026-11-29")
        #expect(bump.stdout == """
            re-checked examples as of 2026-11-29 against run 1 (as of 2026-11-29): re-evaluated 9 of 36 pairs
              examples/../policies/cnil/recording-retention.lua: rule file changed (pack cnil 0.1.0 → 0.2.0): its rules, on every system
            changed findings (1):
              FAIL → FAIL  high  cnil.recording.retention on call-recording-quality
                  + examples/systems/call-recording-quality.yaml:74:22: fail: table recordings.call_recordings keeps recordings P3Y; six months at most
            recorded run 2: 0 new failures, 0 resolved, 1 changed; new at or above high: 1

            """)
        #expect(bump.status == 1, "a new failing finding is new")
        #expect(bump.stderr == "")

        // 3. The team fixes the descriptor: every rule on that system, and the rule that reads
        // stores on the other systems that declare stores. The store still holds old recordings:
        // the pair still fails, with two findings fewer.
        try scratch.replace("retention: { period: P3Y, from: collection }", with: "retention: { period: P6M, from: collection }", in: "examples/systems/call-recording-quality.yaml")
        try scratch.replace("retention: { period: P3Y, column: started_at }", with: "retention: { period: P6M, column: started_at }", in: "examples/systems/call-recording-quality.yaml")
        let fix = try scratch.cadre("recheck", "--workspace", "examples", "--as-of", "2026-11-29")
        #expect(fix.stdout == """
            re-checked examples as of 2026-11-29 against run 2 (as of 2026-11-29): re-evaluated 12 of 36 pairs
              cnil.recording.retention: reads stores, whose data may have changed: on every system that declares stores
              examples/systems/call-recording-quality.yaml: descriptor changed: every rule
            changed findings (1):
              FAIL → FAIL  high  cnil.recording.retention on call-recording-quality
                  - examples/systems/call-recording-quality.yaml:36:18: fail: recordings kept P3Y; six months at most
                  - examples/systems/call-recording-quality.yaml:74:22: fail: table recordings.call_recordings keeps recordings P3Y; six months at most
            recorded run 3: 0 new failures, 0 resolved, 1 changed; new at or above high: 0

            """)
        #expect(fix.status == 0)

        // 4. A year later: voicebot-support's waiver has expired, and more recordings are old.
        let later = try scratch.cadre("recheck", "--workspace", "examples", "--as-of", "2027-12-02")
        #expect(later.stdout == """
            re-checked examples as of 2027-12-02 against run 3 (as of 2026-11-29): re-evaluated 9 of 36 pairs
              cnil.recording.retention: reads stores, whose data may have changed: on every system that declares stores
            new failures (1):
              PASS → FAIL  high  cnil.recording.retention on voicebot-support
                  examples/systems/voicebot-support.yaml:63:9: fail: 1500 recordings older than six months in calls.recordings
                  examples/systems/voicebot-support.yaml:77:5: warn: the waiver approved by dpo@electra.example expired on 2026-12-31 (Litigation hold, case 2025-114): it no longer applies
            changed findings (1):
              FAIL → FAIL  high  cnil.recording.retention on call-recording-quality
                  + examples/systems/call-recording-quality.yaml:67:9: fail: 3000 recordings older than six months in recordings.call_recordings
                  - examples/systems/call-recording-quality.yaml:67:9: fail: 2483 recordings older than six months in recordings.call_recordings
            recorded run 4: 1 new failure, 0 resolved, 1 changed; new at or above high: 2

            """)
        #expect(later.status == 1)

        // Nothing changed but the stores, which are read again; no result changed.
        let again = try scratch.cadre("recheck", "--workspace", "examples", "--as-of", "2027-12-02")
        #expect(again.stdout == """
            re-checked examples as of 2027-12-02 against run 4 (as of 2027-12-02): re-evaluated 9 of 36 pairs
              cnil.recording.retention: reads stores, whose data may have changed: on every system that declares stores
            no result changed
            recorded run 5: 0 new failures, 0 resolved, 0 changed; new at or above high: 0

            """)
        #expect(again.status == 0)
        // Without the stores, the rules that read them are skipped: a change of every such result.
        let noStores = try scratch.cadre("recheck", "--workspace", "examples", "--as-of", "2027-12-02", "--no-stores", "--dry-run")
        #expect(noStores.stdout.hasPrefix("""
            re-checked examples as of 2027-12-02 against run 5 (as of 2027-12-02): re-evaluated 36 of 36 pairs
              stores: read → not read: every pair is evaluated

            """))
        #expect(noStores.stdout.hasSuffix("not recorded: 0 new failures, 2 resolved, 0 changed; new at or above high: 0\n"))

        // The history, newest first, and the diff of two recorded runs.
        let history = try scratch.cadre("history", "--workspace", "examples")
        let lines = history.stdout.split(separator: "\n").map(String.init)
        #expect(lines.count == 6)
        #expect(lines[0].hasPrefix("run  recorded (UTC)"))
        #expect(lines.dropFirst().map { $0.prefix(3).trimmingCharacters(in: .whitespaces) } == ["5", "4", "3", "2", "1"])
        #expect(lines[5].hasSuffix("2026-11-29  full     36/36      2     0     0      0       ai-act 0.1.0, cnil 0.1.0, gdpr 0.1.0"))
        #expect(lines[4].hasSuffix("2026-11-29  recheck  9/36       2     0     0      0       ai-act 0.1.0, cnil 0.2.0, gdpr 0.1.0"))
        let diff = try scratch.cadre("diff", "1", "last~2", "--workspace", "examples")
        #expect(diff.stdout == """
            from run 1 (as of 2026-11-29) to run 3 (as of 2026-11-29)
            changed findings (1):
              FAIL → FAIL  high  cnil.recording.retention on call-recording-quality
                  - examples/systems/call-recording-quality.yaml:36:18: fail: recordings kept P3Y; six months at most
            0 new failures, 0 resolved, 1 changed; new at or above high: 0

            """)
        #expect(diff.status == 0)
        let backwards = try scratch.cadre("diff", "last~2", "last~3", "--workspace", "examples")
        #expect(backwards.status == 1, "run 2 has failing findings run 3 does not")
        #expect(backwards.stdout.contains("+ examples/systems/call-recording-quality.yaml:74:22: fail: table recordings.call_recordings"))
    }

    @Test func jsonReportsHaveTheDocumentedShape() throws {
        let scratch = try ScratchWorkspace()
        _ = try scratch.cadre("recheck", "-w", "examples", "--as-of", "2026-11-29")
        // The chatbot's transcripts lose their retention period.
        try scratch.replace(
            "    retention: { period: P6M, from: collection }\n    source: data_subject", with: "    source: data_subject",
            in: "examples/systems/chatbot-web.yaml")
        let output = try scratch.cadre("recheck", "-w", "examples", "--as-of", "2026-11-29", "--format", "json")
        #expect(output.status == 1)
        let document = try #require(try JSONSerialization.jsonObject(with: Data(output.stdout.utf8)) as? [String: Any])
        #expect(document["format"] as? String == "cadre-recheck/v1")
        #expect(document["run"] as? Int == 2)
        #expect((document["previous_run"] as? [String: Any])?["id"] as? Int == 1)
        #expect(document["pairs"] as? [String: Int] == ["evaluated": 12, "total": 36])
        #expect(document["exit_status"] as? Int == 1)
        #expect(document["new_at_or_above_fail_on"] as? Int == 1)
        let reasons = try #require(document["reasons"] as? [[String: String]])
        #expect(reasons.map { $0["kind"] } == ["stores", "descriptor-changed"])
        let new = try #require(document["new_failures"] as? [[String: Any]])
        #expect(new.count == 1)
        #expect(new.first?["system"] as? String == "chatbot-web")
        #expect(new.first?["rule"] as? String == "gdpr.retention.defined")
        #expect((new.first?["before"] as? [String: Any])?["status"] as? String == "pass")
        let after = try #require(new.first?["after"] as? [String: Any])
        #expect(after["status"] as? String == "fail")
        let findings = try #require(after["findings"] as? [[String: Any]])
        #expect(findings.first?["location"] as? String == "examples/systems/chatbot-web.yaml:44:5")
        #expect(findings.first?["message"] as? String == "no retention period for user.content.chat_transcript")

        let history = try scratch.cadre("history", "-w", "examples", "--format", "json")
        let listing = try #require(try JSONSerialization.jsonObject(with: Data(history.stdout.utf8)) as? [String: Any])
        #expect(listing["format"] as? String == "cadre-history/v1")
        let runs = try #require(listing["runs"] as? [[String: Any]])
        #expect(runs.map { $0["id"] as? Int } == [2, 1])
        #expect(runs.first?["evaluated_pairs"] as? Int == 12)
        #expect(runs.first?["packs"] as? [String: String] == ["ai-act": "0.1.0", "cnil": "0.1.0", "gdpr": "0.1.0"])
        #expect(runs.first?["as_of"] as? String == "2026-11-29")
    }

    @Test func badRunsAndBrokenInputsExitWithTwo() throws {
        let scratch = try ScratchWorkspace()
        let empty = try scratch.cadre("history", "-w", "examples")
        #expect(empty.stdout == "no run recorded yet: run `cadre recheck`\n")
        let missing = try scratch.cadre("diff", "last~1", "last", "-w", "examples")
        #expect(missing.status == 2)
        #expect(missing.stderr.contains("there is no run last~1"))
        let typo = try scratch.cadre("diff", "lats", "last", "-w", "examples")
        #expect(typo.status == 2)
        #expect(typo.stderr.contains("`lats` names no run"))
        try scratch.write("policies/gdpr/broken.lua", "return {")
        let broken = try scratch.cadre("recheck", "-w", "examples", "--as-of", "2026-11-29")
        #expect(broken.status == 2)
        #expect(broken.stdout.contains("broken.lua:1:1: error: syntax error"))
        #expect(try scratch.cadre("history", "-w", "examples").stdout == "no run recorded yet: run `cadre recheck`\n")
        try scratch.write("examples/.cadre/history.sqlite", "not a database, just text that SQLite cannot read as one")
        let corrupt = try scratch.cadre("history", "-w", "examples")
        #expect(corrupt.status == 2)
        #expect(corrupt.stderr.contains("history.sqlite: error: cannot open the history"))
    }
}
