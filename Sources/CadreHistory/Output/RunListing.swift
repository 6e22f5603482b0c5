import CadreModel
import Foundation

/// `cadre history`'s listing of runs, newest first.
public struct RunListing: Sendable {
    public var runs: [RunInfo]

    public init(runs: [RunInfo]) { self.runs = runs }

    public func text() -> String {
        guard !runs.isEmpty else { return "no run recorded yet: run `cadre recheck`\n" }
        var rows = [
            [
                "run", "recorded (UTC)", "trigger", "commit", "branch", "as of", "kind", "evaluated", "fail", "warn",
                "error", "waived", "packs",
            ]
        ]
        for run in runs {
            rows.append([
                "\(run.id)", run.recordedAt, run.origin.trigger?.rawValue ?? "—",
                run.origin.commit.map { String($0.prefix(12)) } ?? "—", TerminalText.line(run.origin.branch ?? "—"),
                "\(run.asOf)", run.kind.rawValue,
                "\(run.evaluatedPairs)/\(run.totalPairs)",
                "\(run.counts[.fail] ?? 0)", "\(run.counts[.warn] ?? 0)", "\(run.counts[.error] ?? 0)",
                "\(run.counts[.waived] ?? 0)",
                TerminalText.line(run.packs.map { "\($0.id) \($0.version)" }.joined(separator: ", ")),
            ])
        }
        let widths = (0..<rows[0].count).map { column in rows.map { $0[column].count }.max() ?? 0 }
        return rows.map { row in
            row.enumerated().map { column, cell in
                column == row.count - 1 ? cell : cell.padding(toLength: widths[column], withPad: " ", startingAt: 0)
            }.joined(separator: "  ")
        }.joined(separator: "\n") + "\n"
    }

    /// `cadre-history/v1`.
    public func json() -> String {
        struct Document: Encodable {
            var format = "cadre-history/v1"
            var runs: [Run]
        }
        struct Run: Encodable {
            var id: Int64
            var recordedAt: String
            var asOf: String
            var cadreVersion: String
            var workspace: String?
            var kind: String
            var trigger: String?
            var commit: String?
            var branch: String?
            var previousRun: Int64?
            var evaluatedPairs: Int
            var totalPairs: Int
            var counts: [String: Int]
            var packs: [String: String]
        }
        let document = Document(
            runs: runs.map { run in
                Run(
                    id: run.id, recordedAt: run.recordedAt, asOf: run.asOf.description, cadreVersion: run.cadreVersion,
                    workspace: run.workspace,
                    kind: run.kind.rawValue, trigger: run.origin.trigger?.rawValue, commit: run.origin.commit,
                    branch: run.origin.branch, previousRun: run.previousRun, evaluatedPairs: run.evaluatedPairs,
                    totalPairs: run.totalPairs,
                    counts: Dictionary(
                        uniqueKeysWithValues: RuleResult.Status.allCases.map { ($0.rawValue, run.counts[$0] ?? 0) }),
                    packs: Dictionary(run.packs.map { ($0.id, $0.version) }, uniquingKeysWith: { a, _ in a }))
            })
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        encoder.keyEncodingStrategy = .convertToSnakeCase
        return ((try? encoder.encode(document)).map { String(decoding: $0, as: UTF8.self) } ?? "{}") + "\n"
    }
}
