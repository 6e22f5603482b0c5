import CadreModel
import Foundation

/// The JSON of `cadre recheck` (`cadre-recheck/v1`) and `cadre diff` (`cadre-diff/v1`), documented
/// in docs/rechecks.md. Keys are sorted; the same inputs give the same bytes.
public struct ChangeReportJSON: Sendable {
    public var diff: RunDiff
    public var failOn: Severity?

    public init(diff: RunDiff, failOn: Severity?) {
        self.diff = diff
        self.failOn = failOn
    }

    public func render(_ outcome: RecheckOutcome, workspace: String?) -> String {
        var document = Document(
            format: "cadre-recheck/v1", diff: diff, failOn: failOn, exitStatus: outcome.exitStatus(failOn: failOn))
        document.workspace = workspace
        document.asOf = outcome.run?.info.asOf.description
        document.run = outcome.recorded ? outcome.run?.info.id : nil
        document.previousRun = outcome.previous.map(Run.init)
        document.baseline = outcome.baseline.map { BaselineSummary(file: $0.source, asOf: $0.asOf.description) }
        document.pairs = outcome.plan.map { Pairs(evaluated: $0.evaluatedPairs, total: $0.totalPairs) }
        document.reasons = outcome.plan?.reasons.map {
            Reason(kind: $0.kind.rawValue, subject: $0.subject, detail: $0.detail)
        }
        document.diagnostics = outcome.diagnostics.map(\.description)
        return encode(document)
    }

    /// `cadre diff`'s JSON; with `baseline`, the diff is from it (and `from` is absent).
    public func renderDiff(baseline: Baseline? = nil) -> String {
        var document = Document(format: "cadre-diff/v1", diff: diff, failOn: failOn, exitStatus: nil)
        document.baseline = baseline.map { BaselineSummary(file: $0.source, asOf: $0.asOf.description) }
        document.from = diff.from.map(Run.init)
        document.to = diff.to.map(Run.init)
        return encode(document)
    }

    private func encode(_ document: Document) -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        encoder.keyEncodingStrategy = .convertToSnakeCase
        guard let data = try? encoder.encode(document) else { return "{}\n" }
        return String(decoding: data, as: UTF8.self) + "\n"
    }

    struct Document: Encodable {
        var format: String
        var workspace: String?
        var asOf: String?
        var run: Int64?
        var previousRun: Run?
        var baseline: BaselineSummary?
        var from: Run?
        var to: Run?
        var pairs: Pairs?
        var reasons: [Reason]?
        var failOn: String
        var exitStatus: Int32?
        var newAtOrAboveFailOn: Int
        var newFailures: [Entry]
        var resolved: [Entry]
        var changed: [Entry]
        var diagnostics: [String]?

        init(format: String, diff: RunDiff, failOn: Severity?, exitStatus: Int32?) {
            self.format = format
            self.failOn = failOn?.rawValue ?? "none"
            self.exitStatus = exitStatus
            newAtOrAboveFailOn = diff.newFailureCount(at: failOn)
            newFailures = diff.newFailures.map(Entry.init)
            resolved = diff.resolved.map(Entry.init)
            changed = diff.changed.map(Entry.init)
        }
    }

    struct Run: Encodable {
        var id: Int64
        var asOf: String
        var recordedAt: String
        var packs: [String: String]
        init(_ info: RunInfo) {
            id = info.id
            asOf = info.asOf.description
            recordedAt = info.recordedAt
            packs = Dictionary(info.packs.map { ($0.id, $0.version) }, uniquingKeysWith: { a, _ in a })
        }
    }

    struct BaselineSummary: Encodable {
        var file: String
        var asOf: String
    }

    struct Pairs: Encodable {
        var evaluated: Int
        var total: Int
    }

    struct Reason: Encodable {
        var kind: String
        var subject: String
        var detail: String
    }

    struct Outcome: Encodable {
        var status: String
        var skipReason: String?
        var failure: String?
        var findings: [Item]
        init(_ result: RuleResult) {
            status = result.status.rawValue
            skipReason = result.skipReason?.rawValue
            failure = result.failure.map { ($0.location.map { "\($0): " } ?? "") + "\($0.kind): \($0.message)" }
            findings = result.findings.map(Item.init)
        }
    }

    struct Item: Encodable {
        var level: String
        var message: String
        var location: String
        var path: String?
        init(_ finding: Finding) {
            level = finding.level.rawValue
            message = finding.message
            location = finding.location.description
            path = finding.path?.description
        }
    }

    struct Entry: Encodable {
        var system: String
        var file: String
        var rule: String
        var severity: String
        var before: Outcome?
        var after: Outcome?
        var added: [Item]
        var removed: [Item]
        var reworded: [Rewording]
        var causes: [Cause]
        init(_ entry: RunDiff.Entry) {
            system = entry.system
            file = entry.file
            rule = entry.rule
            severity = entry.severity.rawValue
            before = entry.before.map(Outcome.init)
            after = entry.after.map(Outcome.init)
            added = entry.added.map(Item.init)
            removed = entry.removed.map(Item.init)
            reworded = entry.reworded.map { Rewording(was: Item($0.was), now: Item($0.now)) }
            causes = entry.causes.map { Cause(kind: $0.kind.rawValue, detail: $0.detail) }
        }
    }

    struct Cause: Encodable {
        var kind: String
        var detail: String
    }

    struct Rewording: Encodable {
        var was: Item
        var now: Item
    }
}
