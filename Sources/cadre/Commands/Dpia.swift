import ArgumentParser
import CadreReports

/// `cadre dpia SYSTEM`: a draft DPIA of one system, for the CNIL's PIA tool or in Markdown.
struct DpiaCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "dpia",
        abstract: "Draft a data protection impact assessment (GDPR Art. 35) of a system.",
        discussion: """
            Evaluates the system as cadre evaluate does, then drafts its DPIA in the structure of the \
            CNIL's PIA method: the processing, its data, purposes, legal bases, retention, recipients, \
            the measures the descriptor declares, the findings of the rules on the questions they \
            concern, and why a DPIA is required (Art. 35(3), the EDPB's criteria, the CNIL's list, as \
            the gdpr pack's rules find them). What the descriptor cannot tell is left as questions. \
            json (the default) is a file the PIA tool imports; markdown is for reading.

            Exit status: 0 when the draft is written; 2 when an input is invalid (the workspace, a \
            pack, the descriptor, a flag) or no system has that id.
            """)

    enum Format: String, ExpressibleByArgument, CaseIterable {
        case json, markdown
    }

    @OptionGroup var options: AssessmentOptions

    @Option(help: "Output format: json (the PIA tool's import) or markdown.")
    var format: Format = .json

    func run() throws {
        let draft = DPIADraft.draft(try options.source(askingDPIACases: true))
        try options.write(format == .json ? PIAExport.json(draft) : AssessmentMarkdown.render(draft))
    }
}
