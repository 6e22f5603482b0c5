import CadreEngine
import CadreModel

/// The output formats of `cadre test`.
public enum TestReportFormat: String, Sendable, CaseIterable {
    /// For people: failures with the failing expectation's line and a diff, then the summary.
    case text
    /// For programs: `cadre-test/v1`, documented in docs/cli.md.
    case json
    /// JUnit XML for CI: a suite per test file, a case per test.
    case junit

    /// Renders `report`.
    public func render(_ report: TestReport, context: TestReportContext) -> String {
        switch self {
        case .text: TestTextReport(report: report, context: context).render()
        case .json: TestJSONReport(report: report, context: context).render()
        case .junit: TestJUnitReport(report: report, context: context).render()
        }
    }
}

/// What a test report needs besides the tests' outcomes.
public struct TestReportContext: Sendable {
    public var toolVersion: String
    /// Colours (ANSI), for a terminal.
    public var colors: Bool
    /// List passing tests too, and what every test printed.
    public var verbose: Bool
    /// Show the coverage table.
    public var coverage: Bool
    /// `--min-coverage`, in percent.
    public var minCoverage: Double?

    public init(
        toolVersion: String, colors: Bool = false, verbose: Bool = false, coverage: Bool = false,
        minCoverage: Double? = nil
    ) {
        self.toolVersion = toolVersion
        self.colors = colors
        self.verbose = verbose
        self.coverage = coverage
        self.minCoverage = minCoverage
    }
}
