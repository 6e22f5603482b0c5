import Foundation
import Testing

@testable import CadreHistory

/// `cadre recheck`, `history` and `diff` on a copy of the example workspace: the guidance-change
/// walkthrough of docs/rechecks.md, step by step, with the exact reports.
@Suite struct RecheckCommandTests {
    /// The finding lines (indented six spaces) under the line of `text` starting with `start`.
    static func block(after start: String, in text: String) -> [String] {
        let lines = text.split(separator: "\n").map(String.init)
        guard let index = lines.firstIndex(where: { $0.hasPrefix(start) }) else { return [] }
        return Array(lines[(index + 1)...].prefix { $0.hasPrefix("      ") })
    }

    @Test func theGuidanceChangeWalkthrough() throws {
        let scratch = try ScratchWorkspace()
        // 1. The first re-check evaluates every pair and records run 1.
        let first = try scratch.cadre("recheck", "--workspace", "examples", "--as-of", "2026-11-29")
        #expect(first.status == 1)
        #expect(
            first.stdout.hasPrefix(
                """
                re-checked examples as of 2026-11-29 with no earlier run: re-evaluated 990 of 990 pairs
                  history: no earlier run: every pair is evaluated
                new failures (71):
                  FAIL (new pair)  high  cnil.ai-development.legitimate-interest on agent-assist

                """))
        #expect(
            first.stdout.contains(
                """
                  FAIL (new pair)  high  cnil.recording.retention on call-recording-quality
                      examples/systems/call-recording-quality.yaml:36:18: fail: recordings kept P3Y; P6M at most (setting `recording_retention`, from CNIL NS-57 guidance)
                      examples/systems/call-recording-quality.yaml:74:22: fail: table recordings.call_recordings keeps recordings P3Y; P6M at most (setting `recording_retention`, from CNIL NS-57 guidance)

                """))
        #expect(
            first.stdout.hasSuffix(
                "recorded run 1: 71 new failures, 0 resolved, 10 changed; new at or above high: 50\n"))

        // 2. CNIL's pack 1.3.0: the recording retention rule words its findings differently.
        // Only that rule is evaluated again on every system, with the rules that read stores.
        try scratch.replace("version: 1.2.0", with: "version: 1.3.0", in: "policies/cnil/pack.yaml")
        try scratch.replace(
            " at most (setting `recording_retention`", with: " at most from the call (setting `recording_retention`",
            in: "policies/cnil/recording-retention.lua")
        let bump = try scratch.cadre("recheck", "--workspace", "examples", "--as-of", "2026-11-29")
        #expect(
            bump.stdout == """
                re-checked examples as of 2026-11-29 against run 1 (as of 2026-11-29): re-evaluated 54 of 990 pairs
                  policies/cnil/recording-retention.lua: rule file changed (pack cnil 1.2.0 → 1.3.0): its rules, on every system
                  5 rules read stores, whose data may have changed (cnil.prospecting.consent-in-store, cnil.recording.card-data, cnil.recording.store-retention, and 2 more): on every system that declares stores
                changed findings (1):
                  FAIL → FAIL  high  cnil.recording.retention on call-recording-quality
                      ~ examples/systems/call-recording-quality.yaml:36:18: fail: recordings kept P3Y; P6M at most from the call (setting `recording_retention`, from CNIL NS-57 guidance) (reworded, was: recordings kept P3Y; P6M at most (setting `recording_retention`, from CNIL NS-57 guidance))
                      ~ examples/systems/call-recording-quality.yaml:74:22: fail: table recordings.call_recordings keeps recordings P3Y; P6M at most from the call (setting `recording_retention`, from CNIL NS-57 guidance) (reworded, was: table recordings.call_recordings keeps recordings P3Y; P6M at most (setting `recording_retention`, from CNIL NS-57 guidance))
                recorded run 2: 0 new failures, 0 resolved, 1 changed; new at or above high: 0

                """)
        #expect(bump.status == 0, "a finding worded otherwise is not new")
        #expect(bump.stderr == "")

        // 3. The team fixes the descriptor: every rule on that system, and the rules that read
        // stores on the systems that declare stores. The rule is resolved; the store still holds
        // recordings older than the new period, which the store-rows rule now reports.
        try scratch.replace(
            "retention: { period: P3Y, from: collection }      # « au cas où » — see QUAL-212",
            with: "retention: { period: P6M, from: collection }", in: "examples/systems/call-recording-quality.yaml")
        try scratch.replace(
            "retention: { period: P3Y, column: started_at }", with: "retention: { period: P6M, column: started_at }",
            in: "examples/systems/call-recording-quality.yaml")
        let fix = try scratch.cadre("recheck", "--workspace", "examples", "--as-of", "2026-11-29")
        #expect(
            fix.stdout == """
                re-checked examples as of 2026-11-29 against run 2 (as of 2026-11-29): re-evaluated 150 of 990 pairs
                  5 rules read stores, whose data may have changed (cnil.prospecting.consent-in-store, cnil.recording.card-data, cnil.recording.store-retention, and 2 more): on every system that declares stores
                  examples/systems/call-recording-quality.yaml: descriptor changed: every rule
                resolved failures (1):
                  FAIL → PASS  high  cnil.recording.retention on call-recording-quality
                      was: examples/systems/call-recording-quality.yaml:36:18: fail: recordings kept P3Y; P6M at most from the call (setting `recording_retention`, from CNIL NS-57 guidance)
                      was: examples/systems/call-recording-quality.yaml:74:22: fail: table recordings.call_recordings keeps recordings P3Y; P6M at most from the call (setting `recording_retention`, from CNIL NS-57 guidance)
                changed findings (1):
                  FAIL → FAIL  high  gdpr.retention.store-rows on call-recording-quality
                      + examples/systems/call-recording-quality.yaml:74:22: fail: 2483 rows of recordings.call_recordings are older than P6M (by started_at)
                recorded run 3: 0 new failures, 1 resolved, 1 changed; new at or above high: 1

                """)
        #expect(fix.status == 1)

        // 4. A year later: Annex III's deployer duties are in force, the voicebot's waiver has
        // expired, and the stores hold more old rows.
        let later = try scratch.cadre("recheck", "--workspace", "examples", "--as-of", "2027-12-02")
        #expect(later.status == 1)
        #expect(
            later.stdout.hasPrefix(
                """
                re-checked examples as of 2027-12-02 against run 3 (as of 2026-11-29): re-evaluated 289 of 990 pairs
                  ai-act.deployer.decision-subjects: comes into force as of 2027-12-02: on every system
                  ai-act.deployer.explanation: comes into force as of 2027-12-02: on every system

                """))
        #expect(
            Self.block(after: "  SKIPPED → FAIL  high  ai-act.deployer.logs on speech-analytics", in: later.stdout) == [
                "      examples/systems/speech-analytics.yaml:60:13: fail: the logs of high-risk component 'emotion-scoring' are kept P3M; six months at least"
            ])
        #expect(
            Self.block(
                after: "  PASS → FAIL  high  cnil.recording.store-retention on voicebot-support", in: later.stdout) == [
                    "      examples/systems/voicebot-support.yaml:70:9: fail: 1500 recordings older than P6M in calls.recordings (setting `recording_retention`, from CNIL NS-57 guidance)"
                ])
        #expect(
            Self.block(after: "  PASS → PASS  high  cnil.recording.retention on voicebot-support", in: later.stdout)
                == [
                    "      + examples/systems/voicebot-support.yaml:84:5: info: the waiver approved by dpo@electra.example expired on 2026-12-31 and is no longer needed: remove it"
                ])
        #expect(!later.stdout.contains("SKIPPED → SKIPPED"), "another reason to be skipped is not a change")
        #expect(!later.stdout.contains("SKIPPED → PASS"), "a rule in force that passes changes no finding")
        #expect(
            later.stdout.hasSuffix(
                "recorded run 4: 13 new failures, 0 resolved, 10 changed; new at or above high: 19\n"))

        // Nothing changed but the stores, which are read again; no result changed.
        let again = try scratch.cadre("recheck", "--workspace", "examples", "--as-of", "2027-12-02")
        #expect(
            again.stdout == """
                re-checked examples as of 2027-12-02 against run 4 (as of 2027-12-02): re-evaluated 45 of 990 pairs
                  5 rules read stores, whose data may have changed (cnil.prospecting.consent-in-store, cnil.recording.card-data, cnil.recording.store-retention, and 2 more): on every system that declares stores
                no result changed
                recorded run 5: 0 new failures, 0 resolved, 0 changed; new at or above high: 0

                """)
        #expect(again.status == 0)
        // Without the stores, the rules that read them are skipped: their failures resolve.
        let noStores = try scratch.cadre(
            "recheck", "--workspace", "examples", "--as-of", "2027-12-02", "--no-stores", "--dry-run")
        #expect(
            noStores.stdout.hasPrefix(
                """
                re-checked examples as of 2027-12-02 against run 5 (as of 2027-12-02): re-evaluated 990 of 990 pairs
                  stores: read → not read: every pair is evaluated

                """))
        #expect(
            noStores.stdout.hasSuffix("not recorded: 0 new failures, 15 resolved, 5 changed; new at or above high: 0\n")
        )

        // The history, newest first, and the diff of two recorded runs.
        let history = try scratch.cadre("history", "--workspace", "examples")
        let lines = history.stdout.split(separator: "\n").map(String.init)
        #expect(lines.count == 6)
        #expect(lines[0].hasPrefix("run  recorded (UTC)"))
        #expect(
            lines.dropFirst().map { $0.prefix(3).trimmingCharacters(in: .whitespaces) } == ["5", "4", "3", "2", "1"])
        #expect(
            lines[5].hasSuffix(
                "2026-11-29  full     990/990    69    10    2      0       ai-act 1.2.0, cnil 1.2.0, gdpr 1.1.1"))
        #expect(
            lines[4].hasSuffix(
                "2026-11-29  recheck  54/990     69    10    2      0       ai-act 1.2.0, cnil 1.3.0, gdpr 1.1.1"))
        let diff = try scratch.cadre("diff", "1", "last~2", "--workspace", "examples")
        #expect(
            diff.stdout == """
                from run 1 (as of 2026-11-29) to run 3 (as of 2026-11-29)
                resolved failures (1):
                  FAIL → PASS  high  cnil.recording.retention on call-recording-quality
                      was: examples/systems/call-recording-quality.yaml:36:18: fail: recordings kept P3Y; P6M at most (setting `recording_retention`, from CNIL NS-57 guidance)
                      was: examples/systems/call-recording-quality.yaml:74:22: fail: table recordings.call_recordings keeps recordings P3Y; P6M at most (setting `recording_retention`, from CNIL NS-57 guidance)
                changed findings (1):
                  FAIL → FAIL  high  gdpr.retention.store-rows on call-recording-quality
                      + examples/systems/call-recording-quality.yaml:74:22: fail: 2483 rows of recordings.call_recordings are older than P6M (by started_at)
                0 new failures, 1 resolved, 1 changed; new at or above high: 1

                """)
        #expect(diff.status == 1)
        let backwards = try scratch.cadre("diff", "last~2", "last~3", "--workspace", "examples")
        #expect(backwards.status == 1, "run 2 fails where run 3 does not")
        #expect(backwards.stdout.contains("  PASS → FAIL  high  cnil.recording.retention on call-recording-quality\n"))
    }

    @Test func jsonReportsHaveTheDocumentedShape() throws {
        let scratch = try ScratchWorkspace()
        _ = try scratch.cadre("recheck", "-w", "examples", "--as-of", "2026-11-29")
        // The chatbot's transcripts lose their retention period.
        try scratch.replace(
            "    retention: { period: P6M, from: collection }\n    source: data_subject",
            with: "    source: data_subject",
            in: "examples/systems/chatbot-web.yaml")
        let output = try scratch.cadre("recheck", "-w", "examples", "--as-of", "2026-11-29", "--format", "json")
        #expect(output.status == 1)
        let document = try #require(try JSONSerialization.jsonObject(with: Data(output.stdout.utf8)) as? [String: Any])
        #expect(document["format"] as? String == "cadre-recheck/v1")
        #expect(document["run"] as? Int == 2)
        #expect((document["previous_run"] as? [String: Any])?["id"] as? Int == 1)
        #expect(document["pairs"] as? [String: Int] == ["evaluated": 150, "total": 990])
        #expect(document["exit_status"] as? Int == 1)
        #expect(document["new_at_or_above_fail_on"] as? Int == 1)
        // One reason per rule that reads stores (the text report groups them), then the descriptor.
        let reasons = try #require(document["reasons"] as? [[String: String]])
        #expect(reasons.map { $0["kind"] } == Array(repeating: "stores", count: 5) + ["descriptor-changed"])
        #expect(reasons.first?["subject"] == "cnil.prospecting.consent-in-store")
        let new = try #require(document["new_failures"] as? [[String: Any]])
        #expect(new.map { $0["rule"] as? String } == ["cnil.chatbot.conversation-retention", "gdpr.retention.defined"])
        #expect(new.allSatisfy { $0["system"] as? String == "chatbot-web" })
        #expect((new.last?["before"] as? [String: Any])?["status"] as? String == "pass")
        let after = try #require(new.last?["after"] as? [String: Any])
        #expect(after["status"] as? String == "fail")
        let findings = try #require(after["findings"] as? [[String: Any]])
        #expect(findings.first?["location"] as? String == "examples/systems/chatbot-web.yaml:44:5")
        #expect(findings.first?["message"] as? String == "no retention period for user.content.chat_transcript")

        let history = try scratch.cadre("history", "-w", "examples", "--format", "json")
        let listing = try #require(try JSONSerialization.jsonObject(with: Data(history.stdout.utf8)) as? [String: Any])
        #expect(listing["format"] as? String == "cadre-history/v1")
        let runs = try #require(listing["runs"] as? [[String: Any]])
        #expect(runs.map { $0["id"] as? Int } == [2, 1])
        #expect(runs.first?["evaluated_pairs"] as? Int == 150)
        #expect(runs.first?["packs"] as? [String: String] == ["ai-act": "1.2.0", "cnil": "1.2.0", "gdpr": "1.1.1"])
        #expect(runs.first?["as_of"] as? String == "2026-11-29")
    }

    /// The history records findings with their evidence redacted, as every output does: no value
    /// seeded into the example stores is in any re-check, diff or history output, nor anywhere
    /// in the history's files.
    @Test func noPersonalDataFromTheStoresReachesTheHistory() throws {
        let scratch = try ScratchWorkspace()
        let seeded = try scratch.read("examples/stores/seeded-values.txt").split(separator: "\n").map(String.init)
            .filter { !$0.isEmpty }
        #expect(seeded.count >= 50)
        var outputs = [
            try scratch.cadre("recheck", "-w", "examples", "--as-of", "2026-11-29"),
            try scratch.cadre("recheck", "-w", "examples", "--as-of", "2027-12-02", "--format", "json"),
            try scratch.cadre("diff", "1", "2", "-w", "examples"),
            try scratch.cadre("diff", "1", "2", "-w", "examples", "--format", "json"),
            try scratch.cadre("history", "-w", "examples", "--format", "json"),
        ]
        // The history's files, with the results and parsed descriptors they hold compressed read back.
        let stored = try HistoryStore.readableContents(
            ofHistory: scratch.folder.appendingPathComponent("examples/.cadre/history.sqlite").path)
        #expect(stored.count > 100_000)
        #expect(
            stored.range(of: Data("**** **** ****".utf8)) != nil,
            "card numbers were found, and recorded redacted, as readable JSON")
        outputs.append(CadreCommand.Output(status: 0, stdout: String(decoding: stored, as: UTF8.self), stderr: ""))
        for output in outputs {
            for value in seeded {
                #expect(!output.stdout.contains(value), "\(value)")
                #expect(!output.stdout.contains(value.replacingOccurrences(of: " ", with: "")), "\(value)")
                #expect(!output.stderr.contains(value))
            }
        }
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

extension RecheckCommandTests {
    /// The history names files in the workspace, so it reads the same from any folder: a re-check
    /// run from inside the workspace after one from its parent finds that nothing changed — the
    /// packs outside the workspace (`../policies`) included.
    @Test func theHistoryReadsTheSameFromAnyFolder() throws {
        let scratch = try ScratchWorkspace()
        let first = try scratch.cadre("recheck", "--workspace", "examples", "--as-of", "2026-11-29")
        #expect(first.stdout.contains("re-evaluated 990 of 990 pairs"))
        let inside = try CadreCommand.run(
            ["recheck", "--as-of", "2026-11-29"], in: scratch.folder.appendingPathComponent("examples"),
            environment: EvaluateCommandTests.environment)
        #expect(
            inside.stdout.hasPrefix(
                "re-checked . as of 2026-11-29 against run 1 (as of 2026-11-29): re-evaluated 45 of 990 pairs\n"))
        #expect(!inside.stdout.contains("rule file changed"))
        #expect(inside.stdout.contains("no result changed"))
        // Shown from there, the files are named from there.
        let diff = try CadreCommand.run(
            ["diff", "1", "2", "--format", "json"], in: scratch.folder.appendingPathComponent("examples"))
        #expect(diff.status == 0)
        let evaluation = try CadreCommand.run(
            ["evaluate", "systems/voicebot-support.yaml", "--as-of", "2026-11-29"],
            in: scratch.folder.appendingPathComponent("examples"),
            environment: EvaluateCommandTests.environment)
        #expect(evaluation.stdout.contains("systems/voicebot-support.yaml:"))
        #expect(!evaluation.stdout.contains("examples/systems"))
    }
}
