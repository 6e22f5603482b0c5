import CadreModel
import Foundation
import Testing

@testable import CadreHistory

/// What `--notify` reads and sends, without a network: webhooks' URLs and how they are printed,
/// and the Slack and Teams shapes of a change report.
@Suite struct ChangeNotificationTests {
    @Test func aWebhookIsPrintedAsItsSchemeHostAndPortOnly() throws {
        let slack = try Webhook("https://hooks.slack.com/services/T0/B0/XYZsecret", shape: .json)
        #expect(slack.shape == .json)
        #expect(slack.shown == "https://hooks.slack.com/…")
        #expect(slack.url.absoluteString == "https://hooks.slack.com/services/T0/B0/XYZsecret")

        let teams = try Webhook("teams:http://user:pw-secret@hooks.example:8080/", shape: .json)
        #expect(teams.shape == .teams)
        #expect(teams.shown == "http://•••@hooks.example:8080/")
        #expect(teams.description == "http://•••@hooks.example:8080/ (teams)")

        #expect(try Webhook("slack:https://h.example", shape: .teams).shape == .slack)
        #expect(try Webhook("https://h.example/x", shape: .teams).shape == .teams, "--notify-format's shape")
        #expect(try Webhook("https://token-secret@h.example/x?key=k", shape: .json).shown == "https://•••@h.example/…")
        #expect(try Webhook("json:https://h.example/?token=t", shape: .slack).shown == "https://h.example/…")
    }

    @Test func onlyHTTPAndHTTPSWebhooksAreTaken() {
        for (text, said) in [
            ("ftp://u:pw-secret@files.example/drop", "`ftp://•••@files.example/…` is not an http:// or https:// URL"),
            ("file:///etc/passwd", "`file:///…` is not an http:// or https:// URL"),
            ("hooks.example/path-secret", "`hooks.example` is not an http:// or https:// URL"),
            ("slack://hooks.example/x", "`slack://hooks.example/…` is not an http:// or https:// URL"),
            ("http:///nohost", "`http:///…` names no host"),
        ] {
            #expect(throws: WebhookError.self) { try Webhook(text, shape: .json) }
            do {
                _ = try Webhook(text, shape: .json)
            } catch {
                #expect(error.description == said, "\(text)")
                #expect(!error.description.contains("secret"))
            }
        }
    }

    static func notification(entries: Int, title: String = "Recordings are kept six months at most") throws
        -> ChangeNotification
    {
        let newFailures = (0..<entries).map { index in
            RunDiff.Entry(
                system: "system-\(index)", file: "systems/s\(index).yaml", rule: "t.retention", severity: .high,
                before: nil,
                after: RuleResult(
                    rule: "t.retention", system: "system-\(index)", status: .fail, severity: .high,
                    findings: [
                        Finding(
                            level: .fail, message: "kept P1Y: too long",
                            location: SourceLocation(file: "systems/s\(index).yaml", line: 12, column: 18),
                            evidence: ["EVIDENCE-4111"])
                    ]), added: [], removed: [])
        }
        let rule = RuleInfo(
            id: "t.retention", title: title, severity: .high, references: [], pack: "t", packVersion: "1.1.0",
            file: "packs/t/retention.lua")
        return ChangeNotification(
            title: "cadre recheck", workspace: "crm", against: "the baseline cadre.baseline.json (as of 2026-11-29)",
            asOf: try ISODate(parsing: "2026-11-29"), exitStatus: 1,
            diff: RunDiff(from: nil, to: nil, newFailures: newFailures, resolved: [], changed: []), failOn: .high,
            rules: [rule], json: "{}\n")
    }

    static func object(_ data: Data) throws -> [String: Any] {
        try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any])
    }

    @Test func theChatShapesListTenEntriesAndCountTheRest() throws {
        let notification = try Self.notification(entries: 12)
        let slack = try Self.object(notification.body(.slack))
        #expect(slack["text"] as? String == "cadre recheck on crm: 12 new failures, 0 resolved, 0 changed")
        let blocks = try #require(slack["blocks"] as? [[String: Any]])
        #expect(blocks.map { $0["type"] as? String } == ["header", "section", "section", "context"])
        let list = try #require((blocks[2]["text"] as? [String: Any])?["text"] as? String)
        #expect(list.components(separatedBy: "\n• ").count == 11, "the heading and ten entries")
        #expect(
            list.contains(
                "• *HIGH* `t.retention` — Recordings are kept six months at most on `system-0` (`systems/s0.yaml:12`): — → FAIL"
            ))
        let more = try #require((blocks[3]["elements"] as? [[String: Any]])?.first?["text"] as? String)
        #expect(more == "…and 2 more in the report.")

        let teams = try Self.object(notification.body(.teams))
        let card = try #require(
            ((teams["attachments"] as? [[String: Any]])?.first?["content"]) as? [String: Any])
        let body = try #require(card["body"] as? [[String: Any]])
        #expect(body.filter { ($0["text"] as? String)?.hasPrefix("**HIGH**") == true }.count == 10)
        #expect(body.last?["text"] as? String == "…and 2 more in the report.")

        for shape in [ChangeNotification.Shape.slack, .teams] {
            let text = String(decoding: notification.body(shape), as: UTF8.self)
            #expect(!text.contains("EVIDENCE"), "no evidence")
            #expect(!text.contains("too long"), "no finding's message")
        }
        #expect(notification.body(.json) == Data("{}\n".utf8), "json: the report's JSON as given")
    }

    @Test func slackTextIsEscaped() throws {
        let notification = try Self.notification(entries: 1, title: "Kept <b>six</b> months & more")
        let slack = try Self.object(notification.body(.slack))
        let blocks = try #require(slack["blocks"] as? [[String: Any]])
        let list = try #require((blocks[2]["text"] as? [String: Any])?["text"] as? String)
        #expect(list.contains("— Kept &lt;b&gt;six&lt;/b&gt; months &amp; more on"))
    }
}
