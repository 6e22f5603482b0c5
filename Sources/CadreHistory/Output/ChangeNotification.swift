import CadreModel
import Foundation

/// What `--notify` posts to a webhook: the change report of `cadre recheck` or `cadre diff`,
/// shaped for its reader.
///
/// - ``Shape/json``: the report's JSON (`cadre-recheck/v1`, `cadre-diff/v1`) as
///   ``ChangeReportJSON`` writes it — counts, entries with rules, systems, files, findings'
///   messages and `file:line:col`, causes; never evidence.
/// - ``Shape/slack``: a Slack incoming webhook's message, `{"text", "blocks"}`: the counts and a
///   short list (``listed`` entries at most) of what is new, resolved and changed.
/// - ``Shape/teams``: a Microsoft Teams incoming webhook's message, an Adaptive Card in an
///   `attachments` envelope, with the same.
///
/// The chat shapes name rules (id and title), systems, `file:line` and causes only: no message,
/// no evidence, no store value.
public struct ChangeNotification: Sendable {
    public enum Shape: String, Sendable, Hashable, CaseIterable {
        case json, slack, teams
    }

    /// `cadre recheck` or `cadre diff`.
    public var title: String
    /// The workspace's name.
    public var workspace: String?
    /// What was compared, in words (`the baseline cadre.baseline.json (as of 2026-11-29)`).
    public var against: String
    public var asOf: ISODate?
    /// The command's exit status (recheck), nil for diff.
    public var exitStatus: Int32?
    public var diff: RunDiff
    public var failOn: Severity?
    /// The rules, by id (titles).
    public var rules: [String: RuleInfo]
    /// The report's JSON, the body of ``Shape/json``.
    public var json: String
    /// The entries the chat shapes list at most; the rest are counted.
    public var listed = 10

    public init(
        title: String, workspace: String?, against: String, asOf: ISODate?, exitStatus: Int32?, diff: RunDiff,
        failOn: Severity?, rules: [RuleInfo], json: String
    ) {
        self.title = title
        self.workspace = workspace
        self.against = against
        self.asOf = asOf
        self.exitStatus = exitStatus
        self.diff = diff
        self.failOn = failOn
        self.rules = Dictionary(rules.map { ($0.id, $0) }, uniquingKeysWith: { a, _ in a })
        self.json = json
    }

    /// The body posted for `shape`.
    public func body(_ shape: Shape) -> Data {
        switch shape {
        case .json: Data(json.utf8)
        case .slack: Self.encode(slack())
        case .teams: Self.encode(teams())
        }
    }

    // MARK: What both chat shapes say

    /// `cadre recheck on crm: 1 new failure, 0 resolved, 2 changed`.
    var headline: String {
        let count = diff.newFailures.count
        return "\(title)\(workspace.map { " on \($0)" } ?? ""): \(count) new failure\(count == 1 ? "" : "s"), "
            + "\(diff.resolved.count) resolved, \(diff.changed.count) changed"
    }

    var reworded: Int { diff.changed.filter { $0.causes.contains { $0.kind == .wording } }.count }

    /// What was compared, the date, the count at or above --fail-on and the exit status.
    var context: String {
        var text = "Compared with \(against)"
        if let asOf { text += ", as of \(asOf)" }
        text += "."
        if let failOn {
            text += " New at or above \(failOn.rawValue): \(diff.newFailureCount(at: failOn))"
            text += exitStatus.map { " (exit status \($0))." } ?? "."
        }
        if reworded > 0 { text += " Only reworded: \(reworded) (not new)." }
        return text
    }

    /// The sections listed, at most ``listed`` entries in all, and how many were left out.
    var sections: (sections: [(heading: String, entries: [RunDiff.Entry])], left: Int) {
        var room = listed
        var result: [(String, [RunDiff.Entry])] = []
        var left = 0
        for (heading, entries) in [
            ("New failures", diff.newFailures), ("Resolved", diff.resolved), ("Changed", diff.changed),
        ] where !entries.isEmpty {
            let shown = Array(entries.prefix(max(room, 0)))
            room -= shown.count
            left += entries.count - shown.count
            if !shown.isEmpty { result.append((heading, shown)) }
        }
        return (result, left)
    }

    /// The parts of an entry's line: severity, rule, title, system, `file:line`, statuses, causes.
    struct Line {
        var severity: String
        var rule: String
        var title: String?
        var system: String
        var place: String
        var statuses: String
        var causes: String?
    }

    func line(_ entry: RunDiff.Entry) -> Line {
        let status = { (result: RuleResult?) in result.map { $0.status.rawValue.uppercased() } ?? "—" }
        let findings =
            (entry.after?.findings ?? []).filter { $0.level != .info } + entry.added + entry.removed
            + entry.reworded.map(\.now) + (entry.before?.findings ?? [])
        let place = findings.first.map { "\($0.location.file):\($0.location.line)" } ?? entry.file
        let causes = entry.causes.map(\.detail).joined(separator: "; ")
        return Line(
            severity: entry.severity.rawValue.uppercased(), rule: entry.rule, title: rules[entry.rule]?.title,
            system: entry.system, place: place, statuses: "\(status(entry.before)) → \(status(entry.after))",
            causes: causes.isEmpty ? nil : Self.cut(causes, 300))
    }

    // MARK: Slack

    func slack() -> [String: Any] {
        func escape(_ text: String) -> String {
            text.replacingOccurrences(of: "&", with: "&amp;").replacingOccurrences(of: "<", with: "&lt;")
                .replacingOccurrences(of: ">", with: "&gt;")
        }
        func code(_ text: String) -> String { "`" + escape(text.replacingOccurrences(of: "`", with: "'")) + "`" }
        var blocks: [[String: Any]] = [
            ["type": "header", "text": ["type": "plain_text", "text": Self.cut(headline, 150)]],
            ["type": "section", "text": ["type": "mrkdwn", "text": Self.cut(escape(context), 3000)]],
        ]
        let (sections, left) = sections
        for (heading, entries) in sections {
            let items = entries.map { entry in
                let line = line(entry)
                var text = "• *\(line.severity)* \(code(line.rule))"
                if let title = line.title { text += " — \(escape(Self.cut(title, 120)))" }
                text += " on \(code(line.system)) (\(code(line.place))): \(line.statuses)"
                if let causes = line.causes { text += "\n    why: \(escape(causes))" }
                return text
            }
            blocks.append([
                "type": "section",
                "text": ["type": "mrkdwn", "text": Self.cut("*\(heading)*\n" + items.joined(separator: "\n"), 3000)],
            ])
        }
        if left > 0 {
            blocks.append([
                "type": "context", "elements": [["type": "mrkdwn", "text": "…and \(left) more in the report."]],
            ])
        }
        return ["text": escape(headline), "blocks": blocks]
    }

    // MARK: Microsoft Teams

    func teams() -> [String: Any] {
        var body: [[String: Any]] = [
            ["type": "TextBlock", "size": "Medium", "weight": "Bolder", "text": headline, "wrap": true],
            ["type": "TextBlock", "text": context, "wrap": true, "isSubtle": true],
            [
                "type": "FactSet",
                "facts": [
                    ["title": "New failures", "value": "\(diff.newFailures.count)"],
                    ["title": "Resolved", "value": "\(diff.resolved.count)"],
                    ["title": "Changed", "value": "\(diff.changed.count)"],
                    ["title": "Only reworded", "value": "\(reworded)"],
                ],
            ],
        ]
        let (sections, left) = sections
        for (heading, entries) in sections {
            body.append(["type": "TextBlock", "text": heading, "weight": "Bolder", "wrap": true, "spacing": "Medium"])
            for entry in entries {
                let line = line(entry)
                var text = "**\(line.severity)** `\(line.rule)`"
                if let title = line.title { text += " — \(Self.cut(title, 120))" }
                text += " on `\(line.system)` (`\(line.place)`): \(line.statuses)"
                if let causes = line.causes { text += " — why: \(causes)" }
                body.append(["type": "TextBlock", "text": text, "wrap": true])
            }
        }
        if left > 0 {
            body.append([
                "type": "TextBlock", "text": "…and \(left) more in the report.", "wrap": true, "isSubtle": true,
            ])
        }
        let card: [String: Any] = [
            "$schema": "http://adaptivecards.io/schemas/adaptive-card.json", "type": "AdaptiveCard",
            "version": "1.4", "body": body, "msteams": ["width": "Full"],
        ]
        return [
            "type": "message",
            "attachments": [
                ["contentType": "application/vnd.microsoft.card.adaptive", "contentUrl": NSNull(), "content": card]
            ],
        ]
    }

    // MARK: Writing

    static func encode(_ object: [String: Any]) -> Data {
        let data = try? JSONSerialization.data(withJSONObject: object, options: [.sortedKeys, .withoutEscapingSlashes])
        return (data ?? Data("{}".utf8)) + Data("\n".utf8)
    }

    /// `text` cut to `limit` characters, ending `…` when cut.
    static func cut(_ text: String, _ limit: Int) -> String {
        text.count <= limit ? text : String(text.prefix(limit - 1)) + "…"
    }
}
