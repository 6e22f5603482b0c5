import ArgumentParser
import CadreEngine
import CadreModel
import CadreReports
import Foundation

/// `cadre register`: the GDPR Art. 30 record of processing activities the descriptors make.
struct RegisterCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "register",
        abstract: "Write the record of processing activities (GDPR Art. 30) the descriptors make.",
        discussion: """
            One entry per purpose of each system, in the layout of the CNIL's template: the \
            controller, its representative and DPO; the purpose and its legal basis; the categories \
            of people and of data; recipients and processors; transfers outside the EEA with their \
            safeguard; retention periods; the security measures the descriptor records. Then the \
            entries a descriptor does not give, as gdpr.record.complete and the rules it defers to \
            (gdpr.purposes.declared, gdpr.transfers.mechanism, gdpr.retention.defined) report them. \
            Only the descriptors are read: no store is opened, and no store address is shown.

            Exit status: 0 when the record is written; 1 with --strict when an entry is missing \
            (warnings do not count); 2 when an input is invalid (the workspace, a descriptor, a \
            system named that does not exist, a flag) or the record cannot be written.
            """)

    @OptionGroup var workspace: WorkspaceOptions

    @Option(
        name: .customLong("system"),
        help: ArgumentHelp("Only this system (its id; repeat for several; default: every system).", valueName: "id"))
    var systems: [String] = []

    @Option(
        help: ArgumentHelp(
            "Output format: \(RegisterFormat.allCases.map(\.rawValue).joined(separator: ", ")).", valueName: "format"))
    var format: RegisterFormat = .markdown

    @Option(
        name: .shortAndLong,
        help: ArgumentHelp("Write the record to this file instead of standard output.", valueName: "file"))
    var output: String?

    @Flag(help: "Exit with status 1 when the descriptors leave an entry of the record missing.")
    var strict = false

    @Flag(name: .shortAndLong, help: "Print no note on standard error.")
    var quiet = false

    func run() throws {
        let workspace = try self.workspace.open()
        let files = workspace.files
        var diagnostics = workspace.diagnostics
        var records: [SystemRecord] = []
        var seen: [String: SourceLocation] = [:]
        let loader = DescriptorLoader(taxonomy: workspace.taxonomy, extensions: workspace.descriptorExtensions)
        for file in workspace.systemFiles {
            let load = loader.load(fileAt: files.path(file), as: file)
            diagnostics += load.diagnostics.filter(\.isError)
            guard let document = load.document else { continue }
            let id = document.descriptor.id
            if let earlier = seen[id.value] {
                diagnostics.append(
                    .error(
                        .duplicateSystemID, at: id.location, "system id `\(id.value)` is already used by \(earlier)",
                        hint: "each descriptor describes one system with its own id"))
                continue
            }
            seen[id.value] = id.location
            records.append(SystemRecord(document))
        }
        for diagnostic in diagnostics where diagnostic.isError { printError(files.shown(diagnostic).description) }
        if diagnostics.containsErrors { throw ExitCode(2) }
        if !systems.isEmpty {
            let ids = records.map(\.id)
            let unknown = systems.filter { !ids.contains($0) }
            for name in unknown {
                let hint = Suggestion.hint(for: name, among: ids).map { " (\($0))" } ?? ""
                printError("cadre: no system `\(name)` in the workspace\(hint)")
            }
            if !unknown.isEmpty { throw ExitCode(2) }
            records = records.filter { systems.contains($0.id) }
        }
        let record = ProcessingRecord(workspace: workspace.configuration.name, systems: records).shown(in: files)
        try Terminal.writeReport(to: output) { try format.write(record, to: $0) }
        let missing = record.gaps.filter { $0.level == .fail }.count
        if let output, !quiet, Terminal.stderrIsTerminal { printError("wrote \(output)") }
        if strict, missing > 0 {
            if !quiet {
                printError("cadre: \(Plural.count(missing, "entry", plural: "entries")) of the record missing")
            }
            throw ExitCode(1)
        }
    }
}

extension RegisterFormat: ExpressibleByArgument {}
