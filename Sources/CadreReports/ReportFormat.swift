import CadreEngine
import CadreModel

/// The output formats of `cadre evaluate`.
public enum ReportFormat: String, Sendable, CaseIterable {
    /// For people: grouped by system, coloured on a terminal.
    case text
    /// For programs: every result, documented in docs/output.md.
    case json
    /// SARIF 2.1.0, for GitHub code scanning and other static-analysis viewers.
    case sarif
    /// JUnit XML, for CI test reports: a suite per system, a case per rule.
    case junit
    /// Markdown, for pull requests and wikis.
    case markdown

    /// Renders `evaluation`.
    public func render(_ evaluation: Evaluation, context: ReportContext) -> String {
        switch self {
        case .text: TextReport(evaluation: evaluation, context: context).render()
        case .json: JSONReport(evaluation: evaluation, context: context).render()
        case .sarif: SARIFReport(evaluation: evaluation, context: context).render()
        case .junit: JUnitReport(evaluation: evaluation, context: context).render()
        case .markdown: MarkdownReport(evaluation: evaluation, context: context).render()
        }
    }
}

/// What a report needs besides the evaluation.
public struct ReportContext: Sendable {
    /// cadre's version, as reports name the tool.
    public var toolVersion: String
    /// Colours (ANSI), for a terminal.
    public var colors: Bool
    /// List passing and skipped results too.
    public var verbose: Bool
    /// The `--fail-on` threshold, which the summary repeats.
    public var failOn: Severity?

    public init(toolVersion: String, colors: Bool = false, verbose: Bool = false, failOn: Severity? = .high) {
        self.toolVersion = toolVersion
        self.colors = colors
        self.verbose = verbose
        self.failOn = failOn
    }
}
