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
    /// GitHub Actions workflow commands: an annotation per finding.
    case github
    /// GitLab Code Quality JSON: an issue per finding.
    case gitlab
    /// One self-contained HTML page, for people who do not read terminals (docs/output.md).
    case html

    /// Writes the report of `evaluation` to `output`, one system at a time, and finishes it.
    /// Files are named in the workspace (``WorkspaceFiles``): the formats for people show them
    /// from where cadre runs (`context.files`), those for CI tools from the repository's root
    /// (`context.sourceRoot`).
    ///
    /// - Throws: what `output`'s destination throws, or what reading a spooled system back does.
    public func write(_ evaluation: any ReportedEvaluation, context: ReportContext, to output: ReportOutput) throws {
        switch self {
        case .text: try TextReport(evaluation: evaluation.showing(context.files), context: context).write(to: output)
        case .json: try JSONReport(evaluation: evaluation.showing(context.files), context: context).write(to: output)
        case .sarif: try SARIFReport(evaluation: evaluation, context: context).write(to: output)
        case .junit: try JUnitReport(evaluation: evaluation.showing(context.files), context: context).write(to: output)
        case .markdown:
            try MarkdownReport(evaluation: evaluation.showing(context.files), context: context).write(to: output)
        case .github: try GitHubReport(evaluation: evaluation, context: context).write(to: output)
        case .gitlab: try GitLabReport(evaluation: evaluation, context: context).write(to: output)
        case .html: try HTMLReport(evaluation: evaluation.showing(context.files), context: context).write(to: output)
        }
        try output.finish()
    }

    /// The report of `evaluation`, whole, as text.
    ///
    /// - Throws: what reading a spooled system back throws (never, for an ``Evaluation``).
    public func text(of evaluation: any ReportedEvaluation, context: ReportContext) throws -> String {
        var bytes: [UInt8] = []
        try write(evaluation, context: context, to: ReportOutput { bytes += $0 })
        return String(decoding: bytes, as: UTF8.self)
    }

    /// The report of `evaluation` (in memory), whole, as text.
    public func render(_ evaluation: Evaluation, context: ReportContext) -> String {
        // An evaluation in memory has nothing to read back, and the destination never throws.
        (try? text(of: evaluation, context: context)) ?? ""
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
    /// The workspace's files: how reports for people show them.
    public var files: WorkspaceFiles
    /// The folder CI formats (SARIF, GitHub, GitLab) name files from; without one, they name
    /// them as the reports for people show them.
    public var sourceRoot: SourceRoot?
    /// `--quiet`: the text report holds only the problems with the inputs and the summary.
    public var quiet: Bool
    /// The obligations to come, which the HTML report draws (nil: none worked out).
    public var timeline: ReportTimeline?
    /// The history's runs, which the HTML report draws (nil: no history).
    public var trend: ReportTrend?

    public init(
        toolVersion: String, colors: Bool = false, verbose: Bool = false, failOn: Severity? = .high,
        files: WorkspaceFiles = WorkspaceFiles(root: "."), sourceRoot: SourceRoot? = nil, quiet: Bool = false,
        timeline: ReportTimeline? = nil, trend: ReportTrend? = nil
    ) {
        self.toolVersion = toolVersion
        self.colors = colors
        self.verbose = verbose
        self.failOn = failOn
        self.files = files
        self.sourceRoot = sourceRoot
        self.quiet = quiet
        self.timeline = timeline
        self.trend = trend
    }

    /// Where CI tools find the files of the evaluation.
    var rooted: RootedFiles { RootedFiles(root: sourceRoot, files: files) }
}
