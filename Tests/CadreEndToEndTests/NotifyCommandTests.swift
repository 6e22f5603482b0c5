import Foundation
import Testing

/// `cadre recheck --notify URL` and `cadre diff --notify URL`: the change report posted to a
/// local webhook as JSON, Slack's and Teams' shapes, retries after a 503 or a 429, none after a
/// 400, a timeout on a webhook that never answers — and never evidence, a store's secret or the
/// webhook's own URL printed.
@Suite struct NotifyCommandTests {
    /// A workspace of two systems and two rules; the retention rule attaches evidence, and one
    /// descriptor holds a store password in clear.
    static func workspace() throws -> TemporaryFolder {
        func system(_ id: String, _ period: String) -> String {
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
                stores: [calls]
            stores:
              - id: calls
                engine: postgres
                url: "postgres://app:hunter2-secret@db.example/crm"
                region: EU

            """
        }
        return try TemporaryFolder(files: [
            "cadre.yaml": "cadre: workspace/v1\nname: crm\nsystems: [systems]\npacks: [packs/t]\n",
            "packs/t/pack.yaml": "cadre: pack/v1\nid: t\nversion: 1.0.0\ntitle: T\napi: 1\n",
            "packs/t/retention.lua": """
            return {
              id = "t.retention", title = "Recordings are kept six months at most", severity = "high",
              references = { "T 1" },
              check = function(system, ctx)
                for _, item in ipairs(system.data or {}) do
                  if cadre.duration(item.retention.period):can_exceed("P6M") then
                    ctx:fail({node = item.retention, key = "period", evidence = {"EVIDENCE-4111-1111"}},
                      "%s kept %s: too long", item.category, item.retention.period)
                  end
                end
              end,
            }

            """,
            "packs/t/disclosure.lua": EvaluateCommandTests.rule(
                "disclosure",
                "if system.id == 'bot' then ctx:fail(system.purposes[1], 'the bot does not say it is a bot') end"),
            "systems/bot.yaml": system("bot", "P1Y"),
            "systems/desk.yaml": system("desk", "P2Y"),
        ])
    }

    static func recheck(_ folder: TemporaryFolder, _ arguments: [String]) throws -> CadreCommand.Output {
        try CadreCommand.run(
            ["recheck", "--as-of", "2026-11-29", "--no-stores", "--dry-run"] + arguments, in: folder.url,
            environment: ["PATH": "/usr/local/bin:/usr/bin:/bin"])
    }

    /// What no body and no output may hold.
    static let secrets = ["EVIDENCE-4111", "hunter2-secret"]

    static func object(_ request: WebhookServer.Request) throws -> [String: Any] {
        try #require(request.json as? [String: Any], "\(request.body)")
    }

    @Test func theJSONReportIsPostedAsPrinted() throws {
        let folder = try Self.workspace()
        let server = try WebhookServer()
        let run = try Self.recheck(folder, ["--format", "json", "--notify", server.url()])
        #expect(run.status == 1, "new failures of a high rule: \(run.stderr)")
        #expect(run.stderr.contains("cadre: notified http://127.0.0.1:\(server.port)/… (json): HTTP 200\n"))
        let requests = server.requests
        try #require(requests.count == 1)
        #expect(requests[0].path == "/hook")
        #expect(requests[0].headers["Content-Type"] == "application/json; charset=utf-8")
        #expect(requests[0].headers["User-Agent"]?.hasPrefix("cadre/") == true)
        #expect(requests[0].body == run.stdout, "the body is the report's JSON")
        let body = try Self.object(requests[0])
        #expect(body["format"] as? String == "cadre-recheck/v1")
        #expect((body["new_failures"] as? [Any])?.count == 3)
        for secret in Self.secrets { #expect(!requests[0].body.contains(secret)) }
        #expect(!requests[0].body.contains("evidence"))
        #expect(run.stdout.contains("kept P1Y: too long"), "the messages are in the report")
    }

    @Test func slackAndTeamsAreSentTheirShapes() throws {
        let folder = try Self.workspace()
        let server = try WebhookServer()
        let run = try Self.recheck(
            folder, ["--notify", "slack:" + server.url("/slack"), "--notify", "teams:" + server.url("/teams")])
        #expect(run.status == 1)
        #expect(run.stdout.contains("new failures (3)"), "the text report is printed as without --notify")
        #expect(run.stderr.contains("(slack): HTTP 200"))
        #expect(run.stderr.contains("(teams): HTTP 200"))
        let requests = server.requests
        try #require(requests.map(\.path) == ["/slack", "/teams"])

        let slack = try Self.object(requests[0])
        #expect(slack["text"] as? String == "cadre recheck on crm: 3 new failures, 0 resolved, 0 changed")
        let blocks = try #require(slack["blocks"] as? [[String: Any]])
        #expect(blocks.map { $0["type"] as? String } == ["header", "section", "section"])
        let list = try #require((blocks[2]["text"] as? [String: Any])?["text"] as? String)
        #expect(list.hasPrefix("*New failures*\n• *HIGH* `"))
        #expect(
            list.contains(
                "• *HIGH* `t.retention` — Recordings are kept six months at most on `bot` (`systems/bot.yaml:11`): — → FAIL"
            ), "\(list)")
        #expect(list.contains("`t.disclosure` — disclosure on `bot`"))
        let context = try #require((blocks[1]["text"] as? [String: Any])?["text"] as? String)
        #expect(context == "Compared with no earlier run, as of 2026-11-29. New at or above high: 3 (exit status 1).")

        let teams = try Self.object(requests[1])
        #expect(teams["type"] as? String == "message")
        let attachment = try #require((teams["attachments"] as? [[String: Any]])?.first)
        #expect(attachment["contentType"] as? String == "application/vnd.microsoft.card.adaptive")
        let card = try #require(attachment["content"] as? [String: Any])
        #expect(card["type"] as? String == "AdaptiveCard")
        #expect(card["version"] as? String == "1.4")
        let body = try #require(card["body"] as? [[String: Any]])
        #expect(body.first?["text"] as? String == "cadre recheck on crm: 3 new failures, 0 resolved, 0 changed")
        let facts = try #require(body.first { $0["type"] as? String == "FactSet" }?["facts"] as? [[String: String]])
        #expect(facts.first == ["title": "New failures", "value": "3"])
        #expect(body.contains { ($0["text"] as? String)?.contains("`t.retention`") == true })

        for request in requests {
            for secret in Self.secrets { #expect(!request.body.contains(secret)) }
            #expect(!request.body.contains("too long"), "the chat shapes carry no finding's message")
        }

        // --notify-format shapes every URL without a prefix.
        let formatted = try Self.recheck(folder, ["--notify-format", "slack", "--notify", server.url("/again")])
        #expect(formatted.stderr.contains("(slack): HTTP 200"))
        #expect((try server.requests.last.map(Self.object))?["blocks"] != nil)
    }

    @Test func aServerErrorIsRetriedAndA400IsNot() throws {
        let folder = try Self.workspace()
        let flaky = try WebhookServer(plan: ["503", "429:0", "200"])
        let retried = try Self.recheck(folder, ["--notify", flaky.url()])
        #expect(retried.status == 1)
        #expect(retried.stderr.contains("(json): HTTP 200 after 3 attempts\n"), "\(retried.stderr)")
        #expect(flaky.requests.count == 3)
        #expect(Set(flaky.requests.map(\.body)).count == 1, "the same body each time")

        let refusing = try WebhookServer(plan: ["400"])
        let refused = try Self.recheck(folder, ["--notify", refusing.url()])
        #expect(refused.status == 1, "a failed notification does not change the exit status")
        #expect(
            refused.stderr.contains(
                "cadre: warning: could not notify http://127.0.0.1:\(refusing.port)/… (json): HTTP 400 (1 attempt)\n"))
        #expect(refusing.requests.count == 1, "no retry after a 400")

        let required = try Self.recheck(folder, ["--notify", refusing.url(), "--notify-required"])
        #expect(required.status == 2)
        #expect(required.stdout.contains("new failures (3)"), "the report is printed all the same")

        // https:// to a server that speaks plain HTTP: the TLS handshake fails, and is not retried.
        let plain = try WebhookServer()
        let tls = try Self.recheck(folder, ["--notify", "https://127.0.0.1:\(plain.port)/hook"])
        #expect(tls.status == 1)
        #expect(
            tls.stderr.contains(
                "could not notify https://127.0.0.1:\(plain.port)/… (json): the TLS connection failed (certificate or protocol) (1 attempt)"
            ), "\(tls.stderr)")

        let stillDown = try WebhookServer(plan: ["503"])
        let gaveUp = try Self.recheck(folder, ["--notify", stillDown.url(), "--notify-required"])
        #expect(gaveUp.status == 2)
        #expect(gaveUp.stderr.contains("HTTP 503 (3 attempts)"))
        #expect(stillDown.requests.count == 3, "three attempts at most")
    }

    @Test func aWebhookThatNeverAnswersTimesOut() throws {
        let folder = try Self.workspace()
        let silent = try WebhookServer(plan: ["hang"])
        let started = Date()
        let run = try Self.recheck(folder, ["--notify", silent.url(), "--notify-timeout", "1"])
        let elapsed = Date().timeIntervalSince(started)
        #expect(run.status == 1)
        #expect(run.stderr.contains("could not notify"), "\(run.stderr)")
        #expect(run.stderr.contains("no answer within 1 s (3 attempts)"), "\(run.stderr)")
        // The server records a request once it has read it: under load, an attempt may give up first.
        #expect((1...3).contains(silent.requests.count))
        #expect(elapsed < 25, "three attempts of 1 s and back-offs of 1 and 2 s: \(elapsed) s")

        // Nothing listens: a connection error, retried, then said.
        let closed = try WebhookServer()
        let port = closed.port
        closed.stop()
        let refused = try Self.recheck(folder, ["--notify", "http://127.0.0.1:\(port)/hook"])
        #expect(refused.status == 1)
        #expect(refused.stderr.contains("cannot connect (3 attempts)"), "\(refused.stderr)")
    }

    @Test func aWebhooksURLIsNeverPrinted() throws {
        let folder = try Self.workspace()
        let server = try WebhookServer()
        let secret = "http://hook-user:pa55word@127.0.0.1:\(server.port)/services/T0/B0/SECRETPATH?token=tok123"
        let run = try Self.recheck(folder, ["--notify", "teams:" + secret])
        #expect(run.stderr.contains("cadre: notified http://•••@127.0.0.1:\(server.port)/… (teams): HTTP 200"))
        #expect(server.requests.map(\.path) == ["/services/T0/B0/SECRETPATH?token=tok123"])
        for printed in [run.stdout, run.stderr] {
            for part in ["hook-user", "pa55word", "SECRETPATH", "tok123"] { #expect(!printed.contains(part)) }
        }

        let invalid = try Self.recheck(folder, ["--notify", "ftp://ftp-user:pw-secret@files.example/drop"])
        #expect(invalid.status == 2)
        #expect(invalid.stderr.contains("--notify: `ftp://•••@files.example/…` is not an http:// or https:// URL"))
        #expect(!invalid.stderr.contains("pw-secret") && !invalid.stderr.contains("ftp-user"))
        #expect(server.requests.count == 1, "nothing posted when a flag is invalid")
    }

    @Test func diffNotifiesToo() throws {
        let folder = try Self.workspace()
        let environment = ["PATH": "/usr/local/bin:/usr/bin:/bin"]
        for _ in 0..<2 {
            let recorded = try CadreCommand.run(
                ["recheck", "--as-of", "2026-11-29", "--no-stores"], in: folder.url, environment: environment)
            #expect(recorded.status <= 1, "\(recorded.stderr)")
        }
        let server = try WebhookServer()
        let diff = try CadreCommand.run(
            ["diff", "last~1", "last", "--notify", "slack:" + server.url(), "--notify", server.url("/json")],
            in: folder.url, environment: environment)
        #expect(diff.status == 0, "\(diff.stderr)")
        let requests = server.requests
        try #require(requests.count == 2)
        #expect(
            (try Self.object(requests[0]))["text"] as? String
                == "cadre diff on crm: 0 new failures, 0 resolved, 0 changed")
        #expect((try Self.object(requests[1]))["format"] as? String == "cadre-diff/v1")
    }
}
