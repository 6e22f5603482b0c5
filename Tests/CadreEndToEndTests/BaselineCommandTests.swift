import Foundation
import Testing

/// `cadre baseline write`, and `recheck` / `diff` against a committed baseline: the CI scenario
/// of docs/rechecks.md on a copy of the example workspace in a git repository — a baseline
/// committed, guidance and a descriptor changed, a fresh clone with no history re-checked.
@Suite struct BaselineCommandTests {
    /// Runs `git arguments` in `folder`; the command must succeed.
    @discardableResult
    static func git(_ folder: URL, _ arguments: String...) throws -> String {
        let output = try CadreCommand.runProgram(
            "git",
            ["-C", folder.path, "-c", "user.email=ci@example.org", "-c", "user.name=CI", "-c", "commit.gpgsign=false"]
                + arguments)
        guard output.status == 0 else {
            throw CadreCommand.CommandError(description: "git \(arguments.joined(separator: " ")): \(output.stderr)")
        }
        return output.stdout.trimmingCharacters(in: .whitespacesAndNewlines)
    }

    /// Runs `cadre arguments` in `folder` with the example stores' environment and `extra`.
    static func cadre(_ folder: URL, _ arguments: [String], extra: [String: String] = [:]) throws
        -> CadreCommand.Output
    {
        try CadreCommand.run(
            arguments, in: folder, environment: EvaluateCommandTests.environment.merging(extra) { _, new in new },
            timeout: 120)
    }

    @Test func aFreshCloneReportsWhatChangedSinceTheCommittedBaseline() throws {
        let scratch = try ScratchWorkspace()
        try Self.git(scratch.folder, "init", "-q", "-b", "main")
        try scratch.write(".gitignore", ".cadre/\n")
        try Self.git(scratch.folder, "add", "-A")
        try Self.git(scratch.folder, "commit", "-q", "-m", "workspace")

        // 1. The baseline: every pair, sorted, one a line, the same bytes at every write.
        let write = try scratch.cadre("baseline", "write", "-w", "examples", "--as-of", "2026-11-29")
        #expect(write.status == 0)
        #expect(write.stderr == "wrote examples/cadre.baseline.json: 990 results of 9 descriptors, as of 2026-11-29\n")
        let text = try scratch.read("examples/cadre.baseline.json")
        let lines = text.split(separator: "\n")
        // The opening, 3 members, 3 packs, 990 results, 110 rules, 9 descriptors, the workspace's name.
        #expect(lines.count == 1 + 3 + (2 + 3) + (2 + 990) + (2 + 110) + (2 + 9) + 1 + 1)
        #expect(lines.filter { $0.contains(#"{"digest":"#) && $0.contains(#""result":"#) }.count == 990)
        #expect(text.hasPrefix("{\n  \"as_of\": \"2026-11-29\",\n  \"cadre\": "))
        #expect(text.contains(#"  "format": "cadre-baseline/v1","#))
        #expect(
            text.contains(
                #"{"digest":"9a2b0ad20f2e1728a3e45802a979cf8542a203a8b8b55ce1066ad464513444d8","file":"systems/agent-assist.yaml","id":"agent-assist","owner":"it-relation-client@electra.example"}"#
            ))
        // No secret, no personal data: no store URL, no waiver's approver, no evidence but its digest.
        #expect(!text.contains("voicebot.sqlite"))
        #expect(!text.contains("approvedBy\":\"dpo"))
        #expect(!text.contains("\"log\":[\""))
        let again = try scratch.cadre(
            "baseline", "write", "-w", "examples", "--as-of", "2026-11-29", "--jobs", "1", "-o", "again.json")
        #expect(again.status == 0)
        #expect(try scratch.read("again.json") == text, "the same results give the same bytes, whatever --jobs")
        try FileManager.default.removeItem(at: scratch.folder.appendingPathComponent("again.json"))
        try Self.git(scratch.folder, "add", "-A")
        try Self.git(scratch.folder, "commit", "-q", "-m", "baseline")

        // 2. A rule edited to a stricter limit (recordings three months at most, in the rule rather
        // than the pack's setting), a message worded otherwise, and a descriptor losing a retention period.
        try scratch.replace(
            "local limit = pack.settings.recording_retention", with: "local limit = \"P3M\"",
            in: "policies/cnil/recording-retention.lua")
        try scratch.replace(
            "with no documented assessment of the three conditions",
            with: "with no documented assessment of its three conditions",
            in: "policies/cnil/ai-development-legitimate-interest.lua")
        try scratch.replace(
            "    retention: { period: P6M, from: collection }\n    source: data_subject",
            with: "    source: data_subject", in: "examples/systems/chatbot-web.yaml")
        try Self.git(scratch.folder, "commit", "-q", "-a", "-m", "guidance and descriptor changes")
        let head = try Self.git(scratch.folder, "rev-parse", "HEAD")

        // 3. A fresh clone: no history, the committed baseline.
        let clone = scratch.folder.appendingPathComponent("clone")
        try Self.git(scratch.folder, "clone", "-q", scratch.folder.path, clone.path)
        // The example stores are generated, not committed.
        try FileManager.default.copyItem(
            at: scratch.folder.appendingPathComponent("examples/stores"),
            to: clone.appendingPathComponent("examples/stores-generated"))
        for name in try FileManager.default.contentsOfDirectory(
            atPath: clone.appendingPathComponent("examples/stores-generated").path)
        where !FileManager.default.fileExists(atPath: clone.appendingPathComponent("examples/stores/\(name)").path) {
            try FileManager.default.copyItem(
                at: clone.appendingPathComponent("examples/stores-generated/\(name)"),
                to: clone.appendingPathComponent("examples/stores/\(name)"))
        }
        try FileManager.default.removeItem(at: clone.appendingPathComponent("examples/stores-generated"))
        #expect(!FileManager.default.fileExists(atPath: clone.appendingPathComponent("examples/.cadre").path))

        let recheck = try Self.cadre(
            clone,
            ["recheck", "-w", "examples", "--as-of", "2026-11-29", "--baseline", "examples/cadre.baseline.json"])
        #expect(recheck.status == 1, "a new failure of a high rule")
        #expect(recheck.stderr == "")
        #expect(
            recheck.stdout == """
                re-checked examples as of 2026-11-29 against the baseline examples/cadre.baseline.json (as of 2026-11-29): re-evaluated 990 of 990 pairs
                  history: no earlier run: every pair is evaluated
                new failures (2):
                  PASS → FAIL  medium  cnil.chatbot.conversation-retention on chatbot-web
                      examples/systems/chatbot-web.yaml:44:5: fail: chat conversations are kept with no fixed period
                  PASS → FAIL  high  gdpr.retention.defined on chatbot-web
                      examples/systems/chatbot-web.yaml:44:5: fail: no retention period for user.content.chat_transcript
                changed findings (3):
                  FAIL → FAIL  high  cnil.ai-development.legitimate-interest on agent-assist
                      ~ examples/systems/agent-assist.yaml:26:5: fail: purpose 'fine-tuning' trains a model on legitimate interests with no documented assessment of its three conditions (reworded, was: purpose 'fine-tuning' trains a model on legitimate interests with no documented assessment of the three conditions)
                  FAIL → FAIL  high  cnil.recording.retention on call-recording-quality
                      + examples/systems/call-recording-quality.yaml:36:18: fail: recordings kept P3Y; P3M at most (setting `recording_retention`, from CNIL NS-57 guidance)
                      + examples/systems/call-recording-quality.yaml:74:22: fail: table recordings.call_recordings keeps recordings P3Y; P3M at most (setting `recording_retention`, from CNIL NS-57 guidance)
                      - examples/systems/call-recording-quality.yaml:36:18: fail: recordings kept P3Y; P6M at most (setting `recording_retention`, from CNIL NS-57 guidance)
                      - examples/systems/call-recording-quality.yaml:74:22: fail: table recordings.call_recordings keeps recordings P3Y; P6M at most (setting `recording_retention`, from CNIL NS-57 guidance)
                  PASS → WAIVED  high  cnil.recording.retention on voicebot-support
                      + examples/systems/voicebot-support.yaml:33:18: fail: recordings kept P6M; P3M at most (setting `recording_retention`, from CNIL NS-57 guidance)
                      + examples/systems/voicebot-support.yaml:73:22: fail: table calls.recordings keeps recordings P6M; P3M at most (setting `recording_retention`, from CNIL NS-57 guidance)
                recorded run 1: 2 new failures, 0 resolved, 3 changed; new at or above high: 2

                """)

        // The same as JSON: the rewording is listed, not new; the stricter rule's findings are.
        let json = try Self.cadre(
            clone,
            [
                "recheck", "-w", "examples", "--as-of", "2026-11-29", "--baseline", "examples/cadre.baseline.json",
                "--format", "json", "--dry-run",
            ])
        #expect(json.status == 1)
        let document = try #require(try JSONSerialization.jsonObject(with: Data(json.stdout.utf8)) as? [String: Any])
        #expect(
            document["baseline"] as? [String: String] == [
                "file": "examples/cadre.baseline.json", "as_of": "2026-11-29",
            ])
        #expect(document["new_at_or_above_fail_on"] as? Int == 2)
        let changed = try #require(document["changed"] as? [[String: Any]])
        #expect(changed.map { ($0["reworded"] as? [Any])?.count ?? 0 } == [1, 0, 0])
        #expect(
            changed.map { (($0["causes"] as? [[String: String]])?.first?["kind"]) ?? "" } == [
                "wording", "rule", "rule",
            ])

        // The pull-request comment: counts, then each owner's changes, and why.
        let markdown = try Self.cadre(
            clone,
            [
                "recheck", "-w", "examples", "--as-of", "2026-11-29", "--baseline", "examples/cadre.baseline.json",
                "--format", "markdown", "--dry-run",
            ])
        #expect(markdown.status == 1)
        #expect(
            markdown.stdout.hasPrefix(
                """
                ### cadre recheck: 2 new failures, 0 resolved, 3 changed

                Compared with the baseline `examples/cadre.baseline.json` (as of 2026-11-29), as of 2026-11-29. New at or above high: **2** (exit status 1).

                | New failures | Resolved | Changed | Of which only reworded |
                |---:|---:|---:|---:|
                | 2 | 0 | 3 | 1 |

                #### Owner: `digital-care@electra.example`

                **New failures**

                - **MEDIUM** `cnil.chatbot.conversation-retention` — Chatbot conversations are kept for a fixed period, then deleted on `chatbot-web` (`examples/systems/chatbot-web.yaml`): PASS → FAIL
                  - why: descriptor systems/chatbot-web.yaml changed
                  - cites: CNIL guidance on chatbots (19 Feb 2021); GDPR Art. 5(1)(e)
                  - `examples/systems/chatbot-web.yaml:44:5` fail: chat conversations are kept with no fixed period
                - **HIGH** `gdpr.retention.defined`
                """))
        #expect(markdown.stdout.contains("#### Owner: `qualite-relation-client@electra.example`"))
        #expect(
            markdown.stdout.contains(
                "  - why: rule cnil.recording.retention changed\n"
            ))
        #expect(
            markdown.stdout.contains(
                "  - cites: CNIL délibération n° 2014-474 (NS-57); CNIL, guidance on listening to and recording calls at work; GDPR Art. 5(1)(e)\n"
            ))
        #expect(
            markdown.stdout.contains(
                "  - `examples/systems/call-recording-quality.yaml:36:18` added fail: recordings kept P3Y; P3M at most (setting `recording_retention`, from CNIL NS-57 guidance)\n"
            ))

        // For code scanning, the new findings only (those of new failures, and those a changed pair
        // adds), named from the repository's root; for CI test reports, a failing case per such pair.
        let sarif = try Self.cadre(
            clone,
            [
                "recheck", "-w", "examples", "--as-of", "2026-11-29", "--baseline", "examples/cadre.baseline.json",
                "--format", "sarif", "--dry-run",
            ])
        #expect(sarif.status == 1)
        let sarifRun = try #require(
            ((try JSONSerialization.jsonObject(with: Data(sarif.stdout.utf8)) as? [String: Any])?["runs"]
                as? [[String: Any]])?.first)
        let results = try #require(sarifRun["results"] as? [[String: Any]])
        #expect(
            results.map { $0["ruleId"] as? String } == [
                "cnil.recording.retention", "cnil.recording.retention", "cnil.chatbot.conversation-retention",
                "gdpr.retention.defined",
            ])
        #expect(sarif.stdout.contains(#""uri" : "examples/systems/chatbot-web.yaml""#))
        let junit = try Self.cadre(
            clone,
            [
                "recheck", "-w", "examples", "--as-of", "2026-11-29", "--baseline", "examples/cadre.baseline.json",
                "--format", "junit", "--dry-run",
            ])
        #expect(junit.status == 1)
        #expect(junit.stdout.contains(#"<testsuites name="cadre as of 2026-11-29" tests="3" failures="3" errors="0""#))

        // --since: the baseline as committed one commit earlier (the same file here).
        let since = try Self.cadre(clone, ["recheck", "-w", "examples", "--as-of", "2026-11-29", "--since", "HEAD~1"])
        #expect(since.status == 1)
        #expect(since.stdout.contains("against the baseline examples/cadre.baseline.json at HEAD~1 (as of 2026-11-29)"))
        #expect(
            since.stdout.hasSuffix("recorded run 2: 2 new failures, 0 resolved, 3 changed; new at or above high: 2\n"))
        let before = try Self.cadre(clone, ["recheck", "-w", "examples", "--since", "HEAD~2", "--dry-run"])
        #expect(before.status == 2)
        #expect(before.stderr.hasPrefix("HEAD~2:examples/cadre.baseline.json:1:1: error: there is no baseline"))
        let unknown = try Self.cadre(clone, ["recheck", "-w", "examples", "--since", "v9.9.9", "--dry-run"])
        #expect(unknown.status == 2)
        #expect(unknown.stderr.contains("git knows no commit, branch or tag `v9.9.9`"))
        let option = try Self.cadre(clone, ["recheck", "-w", "examples", "--since=--output=x", "--dry-run"])
        #expect(option.status == 2)
        #expect(option.stderr.contains("`--output=x` is not a commit, branch or tag"), "\(option.stderr)")
        let outside = try scratch.cadre(
            "recheck", "-w", "examples", "--since", "HEAD", "--baseline", "/", "--dry-run")
        #expect(outside.status == 2)

        // diff --baseline: from the baseline to the last run; CI runs are recorded as such.
        let diff = try Self.cadre(clone, ["diff", "-w", "examples", "--baseline", "examples/cadre.baseline.json"])
        #expect(diff.status == 1)
        #expect(diff.stdout.hasPrefix("from the baseline examples/cadre.baseline.json (as of 2026-11-29) to run 2"))
        #expect(diff.stdout.hasSuffix("2 new failures, 0 resolved, 3 changed; new at or above high: 2\n"))
        let diffJSON = try Self.cadre(
            clone, ["diff", "-w", "examples", "--since", "HEAD", "--format", "json"])
        #expect(diffJSON.status == 1)
        let diffDocument = try #require(
            try JSONSerialization.jsonObject(with: Data(diffJSON.stdout.utf8)) as? [String: Any])
        #expect(
            diffDocument["baseline"] as? [String: String] == [
                "file": "examples/cadre.baseline.json at HEAD", "as_of": "2026-11-29",
            ])
        #expect((diffDocument["to"] as? [String: Any])?["id"] as? Int == 2)
        #expect((diffDocument["new_failures"] as? [Any])?.count == 2)
        let ci = try Self.cadre(
            clone,
            ["recheck", "-w", "examples", "--as-of", "2026-11-29", "--baseline", "examples/cadre.baseline.json"],
            extra: ["CI": "true"])
        #expect(ci.status == 1)
        let history = try Self.cadre(clone, ["history", "-w", "examples", "--format", "json"])
        let runs = try #require(
            (try JSONSerialization.jsonObject(with: Data(history.stdout.utf8)) as? [String: Any])?["runs"]
                as? [[String: Any]])
        #expect(runs.map { $0["trigger"] as? String } == ["ci", "recheck", "recheck"])
        #expect(runs.allSatisfy { $0["commit"] as? String == head })
        #expect(runs.allSatisfy { $0["branch"] as? String == "main" })
    }

    @Test func aMalformedOrNewerBaselineIsAnErrorAtItsPlace() throws {
        let scratch = try ScratchWorkspace()
        _ = try scratch.cadre("baseline", "write", "-w", "examples", "--as-of", "2026-11-29")
        let text = try scratch.read("examples/cadre.baseline.json")

        try scratch.write("broken.json", text.replacingOccurrences(of: "\"packs\": [\n", with: "\"packs\": [\n  ,\n"))
        let broken = try scratch.cadre("recheck", "-w", "examples", "--baseline", "broken.json", "--dry-run")
        #expect(broken.status == 2)
        #expect(broken.stderr.hasPrefix("broken.json:6:3: error:"))

        try scratch.write(
            "newer.json",
            text.replacingOccurrences(of: "\"cadre-baseline/v1\"", with: "\"cadre-baseline/v2\""))
        let newer = try scratch.cadre("diff", "-w", "examples", "--baseline", "newer.json")
        #expect(newer.status == 2)
        #expect(
            newer.stderr.hasPrefix(
                "newer.json:4:13: error: the baseline is in format `cadre-baseline/v2`, written by a newer cadre"))

        try scratch.write("wrong.json", text.replacingOccurrences(of: "\"status\":\"fail\"", with: "\"status\":7"))
        let wrong = try scratch.cadre("recheck", "-w", "examples", "--baseline", "wrong.json", "--dry-run")
        #expect(wrong.status == 2)
        #expect(wrong.stderr.contains(": error: not a valid baseline at results["))
        #expect(wrong.stderr.contains("[baseline]"))

        let missing = try scratch.cadre("recheck", "-w", "examples", "--baseline", "none.json", "--dry-run")
        #expect(missing.status == 2)
        #expect(missing.stderr.hasPrefix("none.json:1:1: error: cannot read the baseline"))
    }
}
