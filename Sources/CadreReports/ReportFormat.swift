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

    /// Renders `evaluation`, whose files are named in the workspace (``WorkspaceFiles``): the
    /// formats for people show them from where cadre runs (`context.files`), those for CI tools
    /// from the repository's root (`context.sourceRoot`).
    public func render(_ evaluation: Evaluation, context: ReportContext) -> String {
        switch self {
        case .text: TextReport(evaluation: evaluation.shown(in: context.files), context: context).render()
        case .json: JSONReport(evaluation: evaluation.shown(in: context.files), context: context).render()
        case .sarif: SARIFReport(evaluation: evaluation, context: context).render()
        case .junit: JUnitReport(evaluation: evaluation.shown(in: context.files), context: context).render()
        case .markdown: MarkdownReport(evaluation: evaluation.shown(in: context.files), context: context).render()
        case .github: GitHubReport(evaluation: evaluation, context: context).render()
        case .gitlab: GitLabReport(evaluation: evaluation, context: context).render()
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
    /// The workspace's files: how reports for people show them.
    public var files: WorkspaceFiles
    /// The folder CI formats (SARIF, GitHub, GitLab) name files from; without one, they name
    /// them as the reports for people show them.
    public var sourceRoot: SourceRoot?
    /// `--quiet`: the text report holds only the problems with the inputs and the summary.
    public var quiet: Bool

    public init(
        toolVersion: String, colors: Bool = false, verbose: Bool = false, failOn: Severity? = .high,
        files: WorkspaceFiles = WorkspaceFiles(root: "."), sourceRoot: SourceRoot? = nil, quiet: Bool = false
    ) {
        self.toolVersion = toolVersion
        self.colors = colors
        self.verbose = verbose
        self.failOn = failOn
        self.files = files
        self.sourceRoot = sourceRoot
        self.quiet = quiet
    }

    /// Where CI tools find the files of the evaluation.
    var rooted: RootedFiles { RootedFiles(root: sourceRoot, files: files) }
}
