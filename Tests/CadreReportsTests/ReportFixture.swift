import CadreModel
import Foundation

@testable import CadreEngine
@testable import CadreReports

/// A small run the report tests share: two valid systems and an invalid one, three rules, one
/// result of each status, a waiver, a rule error, a problem of the workspace, and text from
/// outside cadre that each format must escape (`<`, `&`, quotes, a line break, a control character).
enum ReportFixture {
    static let tricky = "a <b> & \"c\" 'd'"
    static let asOf = ISODate(year: 2026, month: 11, day: 29)!

    static let rules = [
        RuleInfo(
            id: "gdpr.retention", title: "Retention is \(tricky)", severity: .high,
            references: ["GDPR Art. 5(1)(e)"], remediation: "Set a retention period", pack: "gdpr",
            packVersion: "1.2.0", file: "../policies/gdpr/retention.lua"),
        RuleInfo(
            id: "cnil.cookies", title: "Cookies", severity: .medium, references: ["CNIL cookies"], pack: "cnil",
            packVersion: "2.0.0", file: "../policies/cnil/cookies.lua"),
        RuleInfo(
            id: "ai.log", title: "Logs", severity: .low, references: [], pack: "ai", packVersion: "0.1.0",
            file: "../policies/ai/log.lua"),
    ]

    static func location(_ file: String, _ line: Int, _ column: Int = 3) -> SourceLocation {
        SourceLocation(file: file, line: line, column: column)
    }

    /// `crm` (systems/a.yaml): a failure with two findings, a waived result, a pass; `bot`
    /// (systems/b.yaml): a rule error, a warning, a skipped rule; systems/broken.yaml: invalid.
    static func evaluation() -> Evaluation {
        let a = "systems/a.yaml"
        let b = "systems/b.yaml"
        let crm = SystemEvaluation(
            file: a, id: "crm", name: "CRM", digest: "sha256:a",
            results: [
                RuleResult(rule: "ai.log", system: "crm", status: .pass, severity: .low),
                RuleResult(
                    rule: "cnil.cookies", system: "crm", status: .waived, severity: .medium,
                    findings: [Finding(level: .fail, message: "no consent banner", location: location(a, 9))],
                    waiver: .init(
                        reason: "banner ships in March", approvedBy: "dpo@example.com",
                        expires: ISODate(year: 2027, month: 3, day: 31)!, location: location(a, 20))),
                RuleResult(
                    rule: "gdpr.retention", system: "crm", status: .fail, severity: .high,
                    findings: [
                        Finding(
                            level: .fail, message: "no retention for \(tricky)\nsecond line\u{1B}[2J",
                            location: location(a, 4), evidence: ["tickets.email = ****"]),
                        Finding(level: .fail, message: "no retention for calls", location: location(a, 7)),
                    ]),
            ], diagnostics: [])
        let bot = SystemEvaluation(
            file: b, id: "bot", name: nil, digest: "sha256:b",
            results: [
                RuleResult(
                    rule: "ai.log", system: "bot", status: .skipped, severity: .low, skipReason: .notApplicable),
                RuleResult(
                    rule: "cnil.cookies", system: "bot", status: .warn, severity: .medium,
                    findings: [Finding(level: .warn, message: "cookie lifetime unknown", location: location(b, 5))]),
                RuleResult(
                    rule: "gdpr.retention", system: "bot", status: .error, severity: .high,
                    failure: .init(
                        kind: .runtime, message: "attempt to index a nil value",
                        location: location("../policies/gdpr/retention.lua", 12, 1))),
            ], diagnostics: [])
        let broken = SystemEvaluation(
            file: "systems/broken.yaml", id: nil, name: nil, digest: "sha256:c", results: [],
            diagnostics: [
                .error(
                    .missingField, at: location("systems/broken.yaml", 1, 1), "missing field `id`",
                    hint: "every system has an id")
            ])
        let pack = { (id: String, version: String) in
            Evaluation.PackSummary(
                id: id, version: version, title: "Pack \(id)", folder: "../policies/\(id)", digest: "sha256:\(id)",
                settings: [:], files: [:])
        }
        return Evaluation(
            asOf: asOf, workspace: "examples",
            packs: [pack("ai", "0.1.0"), pack("cnil", "2.0.0"), pack("gdpr", "1.2.0")],
            rules: rules, systems: [crm, bot, broken],
            diagnostics: [.warning(.engine, at: location("cadre.yaml", 2, 1), "a workspace warning")])
    }

    /// The report of ``evaluation()`` in `format`.
    static func report(
        _ format: ReportFormat, verbose: Bool = false, failOn: Severity? = .high, sourceRoot: SourceRoot? = nil
    ) -> String {
        format.render(
            evaluation(),
            context: ReportContext(toolVersion: "9.9.9", verbose: verbose, failOn: failOn, sourceRoot: sourceRoot))
    }

    /// `text`, parsed as JSON.
    static func json(_ text: String) throws -> Any {
        try JSONSerialization.jsonObject(with: Data(text.utf8))
    }
}
