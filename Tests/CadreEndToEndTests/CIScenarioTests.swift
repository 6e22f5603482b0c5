import Foundation
import Testing

/// Issue 20's "done when": a compliance team publishes a pack as a git tag; a repository takes
/// it, pins it (`cadre.lock`) and commits a baseline; a guidance change is released as a new
/// tag; one clone moves to it and pushes; a fresh clone — no history, an empty pack cache —
/// re-checks against the committed baseline and reports exactly what changed, as Markdown and to
/// a webhook.
@Suite struct CIScenarioTests {
    /// The pack `ret` as released at `version`: a retention rule whose maximum is `maximum`, and
    /// a rule whose message is `disclosure`.
    static func pack(version: String, maximum: String, disclosure: String) -> [String: String] {
        [
            "packs/ret/pack.yaml": "cadre: pack/v1\nid: ret\nversion: \(version)\ntitle: Retention guidance\napi: 1\n",
            "packs/ret/retention.lua": """
            return {
              id = "ret.retention", title = "Recordings are kept no longer than the guidance allows",
              severity = "high", references = { "Guidance 1" },
              check = function(system, ctx)
                for _, item in ipairs(system.data or {}) do
                  if cadre.duration(item.retention.period):can_exceed("\(maximum)") then
                    ctx:fail({item.retention, "period"}, "%s kept %s: too long", item.category, item.retention.period)
                  end
                end
              end,
            }

            """,
            "packs/ret/disclosure.lua": """
            return {
              id = "ret.disclosure", title = "Bots say they are bots", severity = "medium",
              references = { "Guidance 2" },
              check = function(system, ctx)
                if system.id == "bot" then ctx:fail(system.purposes[1], "\(disclosure)") end
              end,
            }

            """,
        ]
    }

    static func system(_ id: String, keeps period: String) -> String {
        """
        cadre: system/v1
        id: \(id)
        name: \(id)
        owner: team-\(id)@example.com
        purposes:
          - { id: support, description: Answer customers, legal_basis: contract, uses: [essential.service.operations.support] }
        data:
          - category: user.content.call_recording
            subjects: [customer]
            purposes: [support]
            retention: { period: \(period), from: collection }

        """
    }

    static func write(_ files: [String: String], in folder: URL) throws {
        for (path, text) in files {
            let file = folder.appendingPathComponent(path)
            try FileManager.default.createDirectory(
                at: file.deletingLastPathComponent(), withIntermediateDirectories: true)
            try Data(text.utf8).write(to: file)
        }
    }

    static func configuration(pack url: String, ref: String) -> String {
        "cadre: workspace/v1\nname: crm\nsystems: [systems]\npacks:\n  - { git: \"\(url)\", ref: \(ref), path: packs/ret }\n"
    }

    /// `cadre arguments` in `folder`, with its own pack cache.
    static func cadre(_ folder: URL, _ arguments: [String], cache: URL) throws -> CadreCommand.Output {
        try CadreCommand.run(
            arguments, in: folder, environment: ["CADRE_CACHE": cache.path, "PATH": "/usr/local/bin:/usr/bin:/bin"])
    }

    @Test func aFreshCloneReportsTheGuidanceChangeAsMarkdownAndToAWebhook() throws {
        let root = try TemporaryFolder(files: [:])
        let published = root.url.appendingPathComponent("published")
        let seed = root.url.appendingPathComponent("seed")
        let origin = root.url.appendingPathComponent("origin.git")
        let cloneA = root.url.appendingPathComponent("a")
        let cloneB = root.url.appendingPathComponent("b")
        let git = BaselineCommandTests.git
        let url = "file://" + published.path

        // The compliance team publishes `ret` 1.0.0: recordings six months at most.
        try Self.write(
            Self.pack(version: "1.0.0", maximum: "P6M", disclosure: "the bot does not say it is a bot"), in: published)
        try git(published, "init", "-q", "-b", "main")
        try git(published, "add", "-A")
        try git(published, "commit", "-q", "-m", "ret 1.0.0")
        try git(published, "tag", "v1.0.0")

        // A repository takes it at v1.0.0, pins it, commits its baseline.
        try Self.write(
            [
                "cadre.yaml": Self.configuration(pack: url, ref: "v1.0.0"), ".gitignore": ".cadre/\n",
                "systems/bot.yaml": Self.system("bot", keeps: "P1Y"),
                "systems/desk.yaml": Self.system("desk", keeps: "P4M"),
            ], in: seed)
        let seedCache = root.url.appendingPathComponent("cache-seed")
        let pinned = try Self.cadre(seed, ["packs", "update"], cache: seedCache)
        #expect(pinned.status == 0, "\(pinned.stderr)")
        let baseline = try Self.cadre(seed, ["baseline", "write", "--as-of", "2026-11-29"], cache: seedCache)
        #expect(baseline.status == 0, "\(baseline.stderr)")
        #expect(baseline.stderr.contains("wrote cadre.baseline.json: 4 results of 2 descriptors"), "\(baseline.stderr)")
        try git(seed, "init", "-q", "-b", "main")
        try git(seed, "add", "-A")
        try git(seed, "commit", "-q", "-m", "crm: ret 1.0.0, baseline")
        try git(root.url, "clone", "-q", "--bare", seed.path, origin.path)

        // Two clones: A will move to the new release, B is a CI runner's.
        try git(root.url, "clone", "-q", origin.path, cloneA.path)
        try git(root.url, "clone", "-q", origin.path, cloneB.path)

        // The guidance changes: three months at most, and a message worded otherwise; released as 1.1.0.
        try Self.write(
            Self.pack(version: "1.1.0", maximum: "P3M", disclosure: "the bot never says it is a bot"), in: published)
        try git(published, "commit", "-q", "-a", "-m", "ret 1.1.0: recordings three months at most")
        try git(published, "tag", "v1.1.0")

        // Clone A moves to v1.1.0, pins it and pushes.
        try Self.write(["cadre.yaml": Self.configuration(pack: url, ref: "v1.1.0")], in: cloneA)
        let update = try Self.cadre(cloneA, ["packs", "update"], cache: root.url.appendingPathComponent("cache-a"))
        #expect(update.status == 0, "\(update.stderr)")
        #expect(update.stdout.contains("ret 1.1.0 — \(url) v1.1.0"), "\(update.stdout)")
        try git(cloneA, "commit", "-q", "-a", "-m", "crm: ret 1.1.0")
        try git(cloneA, "push", "-q", "origin", "main")

        // Clone B, as a CI job: pull, no history, an empty cache; re-check against the baseline.
        try git(cloneB, "pull", "-q", "--ff-only")
        #expect(try String(contentsOf: cloneB.appendingPathComponent("cadre.lock"), encoding: .utf8).contains("v1.1.0"))
        #expect(!FileManager.default.fileExists(atPath: cloneB.appendingPathComponent(".cadre").path))
        let emptyCache = root.url.appendingPathComponent("cache-b")
        let server = try WebhookServer()
        let recheck = try Self.cadre(
            cloneB,
            [
                "recheck", "--as-of", "2026-11-29", "--baseline", "cadre.baseline.json", "--format", "markdown",
                "--notify", server.url(),
            ], cache: emptyCache)

        // Exactly what changed: desk's four-month recordings now fail (new, a high rule: exit 1);
        // bot's reworded message is a rewording, not new; bot's year-long recordings still fail
        // as they did, so they are not listed.
        #expect(recheck.status == 1, "\(recheck.stderr)")
        let markdown = recheck.stdout
        #expect(markdown.hasPrefix("### cadre recheck: 1 new failure, 0 resolved, 1 changed\n"), "\(markdown)")
        #expect(
            markdown.contains(
                "Compared with the baseline `cadre.baseline.json` (as of 2026-11-29), as of 2026-11-29. New at or above high: **1** (exit status 1)."
            ), "\(markdown)")
        #expect(markdown.contains("| 1 | 0 | 1 | 1 |"))
        #expect(markdown.contains("#### Owner: `team-desk@example.com`"))
        #expect(
            markdown.contains(
                "- **HIGH** `ret.retention` — Recordings are kept no longer than the guidance allows on `desk` (`systems/desk.yaml`): PASS → FAIL"
            ), "\(markdown)")
        #expect(markdown.contains("- `systems/desk.yaml:11:"), "\(markdown)")
        #expect(markdown.contains("kept P4M: too long"))
        #expect(markdown.contains("#### Owner: `team-bot@example.com`"))
        #expect(
            markdown.contains(
                "- **MEDIUM** `ret.disclosure` — Bots say they are bots on `bot` (`systems/bot.yaml`): FAIL → FAIL"),
            "\(markdown)")
        #expect(markdown.contains("pack ret 1.0.0 → 1.1.0"), "\(markdown)")
        #expect(
            markdown.contains("reworded fail: the bot never says it is a bot (was: the bot does not say it is a bot)"),
            "\(markdown)")
        #expect(!markdown.contains("kept P1Y"), "an unchanged failure is not listed")
        #expect(recheck.stderr.contains("cadre: notified http://127.0.0.1:\(server.port)/… (json): HTTP 200"))

        // The webhook received the same changes, as JSON.
        let requests = server.requests
        try #require(requests.count == 1)
        let body = try #require(requests[0].json as? [String: Any])
        #expect(body["format"] as? String == "cadre-recheck/v1")
        #expect(body["exit_status"] as? Int == 1)
        #expect(body["new_at_or_above_fail_on"] as? Int == 1)
        let key = { (entry: [String: Any]) in "\(entry["rule"] ?? "") on \(entry["system"] ?? "")" }
        #expect((body["new_failures"] as? [[String: Any]])?.map(key) == ["ret.retention on desk"])
        #expect((body["resolved"] as? [[String: Any]])?.isEmpty == true)
        let changed = try #require(body["changed"] as? [[String: Any]])
        #expect(changed.map(key) == ["ret.disclosure on bot"])
        #expect((changed.first?["reworded"] as? [Any])?.count == 1)
        #expect((changed.first?["added"] as? [Any])?.isEmpty == true)
        #expect(
            (changed.first?["causes"] as? [[String: String]])?.map { $0["kind"] ?? "" }.contains("wording") == true)
    }
}
