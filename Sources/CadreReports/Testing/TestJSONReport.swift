import CadreEngine
import CadreModel
import Foundation

/// `cadre test --format json`: the `cadre-test/v1` document (docs/cli.md). Keys are sorted; the
/// same tests give the same bytes.
struct TestJSONReport {
    let report: TestReport
    let context: TestReportContext

    func render() -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        guard let data = try? encoder.encode(Document(report, context: context)) else { return "{}\n" }
        return String(decoding: data, as: UTF8.self) + "\n"
    }

    struct Document: Encodable {
        let format = "cadre-test/v1"
        let tool: JSONReport.Tool
        let filter: String?
        let exitStatus: Int32
        let summary: Summary
        let packs: [Pack]
        let tests: [Test]
        let coverage: Coverage
        let diagnostics: [JSONReport.Problem]

        enum CodingKeys: String, CodingKey {
            case format, tool, filter, summary, packs, tests, coverage, diagnostics
            case exitStatus = "exit_status"
        }

        init(_ report: TestReport, context: TestReportContext) {
            tool = JSONReport.Tool(name: "cadre", version: context.toolVersion)
            filter = report.filter
            exitStatus = report.exitStatus(minCoverage: context.minCoverage)
            let s = report.summary
            summary = Summary(tests: s.total, passed: s.passed, failed: s.failed, errors: s.errors)
            packs = report.packs.map { Pack(id: $0.id, folder: $0.folder) }
            tests = report.cases.map(Test.init)
            coverage = Coverage(
                report.coverage, minimum: context.minCoverage, below: report.isBelow(minCoverage: context.minCoverage))
            diagnostics = report.diagnostics.map(JSONReport.Problem.init)
        }
    }

    struct Summary: Encodable {
        let tests: Int
        let passed: Int
        let failed: Int
        let errors: Int
    }

    struct Pack: Encodable {
        let id: String
        let folder: String
    }

    struct Test: Encodable {
        let pack: String
        let file: String
        let line: Int
        let name: String
        let status: String
        let expectations: Int
        let failures: [Failure]
        let output: [String]

        init(_ t: TestCase) {
            pack = t.pack
            file = t.file
            line = t.line
            name = t.name
            status = t.status.rawValue
            expectations = t.expectations
            failures = t.failures.map(Failure.init)
            output = t.output
        }
    }

    struct Failure: Encodable {
        let kind: String
        let message: String
        let location: JSONReport.Location?
        let expected: String?
        let actual: String?
        let errorKind: String?

        enum CodingKeys: String, CodingKey {
            case kind, message, location, expected, actual
            case errorKind = "error_kind"
        }

        init(_ f: TestFailure) {
            kind = f.kind.rawValue
            message = f.message
            location = f.location.map(JSONReport.Location.init)
            expected = f.expected
            actual = f.actual
            errorKind = f.errorKind
        }
    }

    struct Coverage: Encodable {
        let rules: [Rule]
        let covered: Int
        let percent: Double
        let minimum: Double?
        let belowMinimum: Bool

        enum CodingKeys: String, CodingKey {
            case rules, covered, percent, minimum
            case belowMinimum = "below_minimum"
        }

        init(_ c: RuleCoverage, minimum: Double?, below: Bool) {
            rules = c.rules.map(Rule.init)
            covered = c.covered
            percent = (c.percent * 10).rounded(.down) / 10
            self.minimum = minimum
            belowMinimum = below
        }
    }

    struct Rule: Encodable {
        let id: String
        let pack: String
        let file: String
        let failing: Bool
        let passing: Bool
        let covered: Bool

        init(_ r: RuleCoverage.Rule) {
            id = r.id
            pack = r.pack
            file = r.file
            failing = r.failing
            passing = r.passing
            covered = r.isCovered
        }
    }
}
