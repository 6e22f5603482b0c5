import ArgumentParser
import CadreReports

/// `cadre fria SYSTEM`: a draft fundamental rights impact assessment (AI Act Art. 27) of one system.
struct FriaCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "fria",
        abstract: "Draft a fundamental rights impact assessment (AI Act Art. 27) of a system.",
        discussion: """
            For a deployer of a high-risk system of Annex III that Art. 27(1) concerns (as the ai-act \
            pack's rule ai-act.fria.required says, whatever the date), drafts the assessment's points \
            (a)-(f) from the descriptor and the findings of the rules; what the descriptor cannot tell \
            is left as questions. For any other system it writes no draft and says why.

            Exit status: 0 when the draft is written; 1 when Art. 27 does not require a FRIA of the \
            system (no draft; the reason on standard error); 2 when an input is invalid (the \
            workspace, a pack, the descriptor, a flag), no system has that id, or no rule of the \
            workspace says whether Art. 27 applies.
            """)

    enum Format: String, ExpressibleByArgument, CaseIterable {
        case markdown, json
    }

    @OptionGroup var options: AssessmentOptions

    @Option(help: "Output format: markdown or json.")
    var format: Format = .markdown

    func run() throws {
        let source = try options.source()
        switch FRIADraft.scope(source) {
        case .applies:
            let draft = FRIADraft.draft(source)
            try options.write(format == .json ? draft.json() : AssessmentMarkdown.render(draft))
        case .doesNotApply(let reason):
            printError("cadre: no FRIA drafted: \(reason)")
            throw ExitCode(1)
        case .unknown(let reason):
            printError("cadre: \(reason)")
            throw ExitCode(2)
        }
    }
}
