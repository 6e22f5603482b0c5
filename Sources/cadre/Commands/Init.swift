import ArgumentParser
import CadreEngine
import CadreModel
import Foundation

/// `cadre init`: starts a workspace.
struct Init: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Start a workspace: cadre.yaml, systems/ with a first descriptor, waivers.yaml.",
        discussion: """
            Never overwrites a file: run it in an empty folder, or one without cadre.yaml.
            Exit status: 0, or 2 when a file already exists or cannot be written.
            """)

    @Argument(help: "The folder of the new workspace (created if needed).")
    var folder: String = "."

    @Option(
        help: ArgumentHelp("Pack folders the workspace evaluates (relative to it); repeatable.", valueName: "folder"))
    var pack: [String] = []

    func run() throws {
        let files: [(String, String)] = [
            (WorkspaceConfiguration.fileName, Self.configuration(packs: pack)),
            ("systems/example-chatbot.yaml", Self.descriptor),
            ("waivers.yaml", Self.waivers),
            (".gitignore", ".cadre/\n"),
        ]
        let workspace = OutputFolder(folder)
        // A file, or a dangling symbolic link, already there is never overwritten.
        for (name, _) in files where FileKind.of(workspace.path(of: name), followingLinks: false) != nil {
            printError("cadre: \(workspace.path(of: name)) already exists; init never overwrites a file")
            throw ExitCode(2)
        }
        do {
            for (name, _) in files { try workspace.check(name) }
            for (name, text) in files { try workspace.write(text, to: name) }
        } catch {
            printError("cadre: \(error)")
            throw ExitCode(2)
        }
        print(
            "created a workspace in \(TerminalText.line(folder)): cadre.yaml, systems/example-chatbot.yaml, waivers.yaml"
        )
        print("next: describe your systems in systems/, list packs in cadre.yaml, then run `cadre evaluate`")
    }

    static func configuration(packs: [String]) -> String {
        let list =
            packs.isEmpty
            ? "[]            # pack folders, e.g. [../policies/gdpr, ../policies/cnil]"
            : "[\(packs.joined(separator: ", "))]"
        return """
            cadre: workspace/v1
            name: My customer service
            systems: [systems]           # descriptor files and folders
            packs: \(list)
            waivers: [waivers.yaml]
            # settings: { ai-act: { calendar: omnibus } }
            limits: { memory_mb: 64, instructions: 10000000, deadline_ms: 2000 }
            evaluate: { fail_on: high }

            """
    }

    static let descriptor = """
        # yaml-language-server: $schema=https://cadre.invalid/schema/system-v1.schema.json
        cadre: system/v1
        id: example-chatbot
        name: Web chatbot
        owner: customer-service@example.com
        organisation: { name: Example SAS, country: FR, employees: 250 }
        role: deployer
        purposes:
          - id: support
            description: Answer customers' questions about their contracts
            legal_basis: contract
            uses: [essential.service.operations.support]
        data:
          - category: user.contact.email
            subjects: [customer]
            purposes: [support]
            retention: { period: P1Y, from: collection }
        ai:
          - id: assistant
            kind: chatbot
            interacts_with: [customer]
            discloses_ai: at_start
            decides: none
            effect: none

        """

    static let waivers = """
        cadre: waivers/v1
        waivers: []
        # - rule: gdpr.retention.defined
        #   system: example-chatbot
        #   reason: Why the exception is accepted
        #   approved_by: dpo@example.com
        #   expires: 2027-01-31

        """
}
