import ArgumentParser
import CadreEngine
import CadreModel
import Foundation

/// `cadre init`: starts a workspace.
struct Init: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Start a workspace: cadre.yaml, systems/ with a first descriptor, waivers.yaml.",
        discussion: """
            The workspace evaluates the bundled packs (gdpr, cnil, ai-act) unless --pack names \
            others. Never overwrites a file: run it in an empty folder, or one without cadre.yaml.
            Exit status: 0, or 2 when a pack does not exist, or a file already exists or cannot \
            be written.
            """)

    @Argument(help: "The folder of the new workspace (created if needed).")
    var folder: String = "."

    @Option(
        help: ArgumentHelp(
            "A pack the workspace evaluates: an id (gdpr, cnil, ai-act, or one in a CADRE_PATH folder) or a folder relative to the workspace (./policies/mine); repeatable (default: gdpr, cnil, ai-act).",
            valueName: "pack"))
    var pack: [String] = []

    /// The packs a new workspace evaluates when --pack names none: the bundled ones.
    static let defaultPacks = ["gdpr", "cnil", "ai-act"]

    func run() throws {
        let packs = pack.isEmpty ? Self.defaultPacks : pack
        try Self.check(packs, in: folder)
        let files: [(String, String)] = [
            (WorkspaceConfiguration.fileName, Self.configuration(packs: packs)),
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
        print("packs: \(packs.joined(separator: ", ")) (`cadre policies list` describes their rules)")
        print("next: describe your systems in systems/, then run `cadre evaluate`")
    }

    /// Exits with status 2, saying why, when a pack of `packs` does not exist: an id no folder
    /// cadre searches holds, or a folder (relative to the new workspace) without pack.yaml.
    static func check(_ packs: [String], in folder: String) throws {
        let files = WorkspaceFiles(root: folder)
        let resolver = PackResolver.standard()
        var failed = false
        for value in packs {
            let source = PackSource(parsing: value, at: .whole("--pack"))
            switch resolver.resolve(source, as: .pack, in: files) {
            case .success(let found):
                let manifest = files.path(WorkspaceFiles.join(found.folder, "pack.yaml"))
                if FileKind.of(manifest) != .regular {
                    printError(
                        "cadre: error: --pack \(TerminalText.line(value)): not a pack: there is no pack.yaml in `\(TerminalText.line(files.path(found.folder)))` [\(DiagnosticCode.unknownPack)]"
                    )
                    failed = true
                }
            case .failure(let problem):
                printError(
                    "cadre: error: --pack \(TerminalText.line(value)): \(TerminalText.line(problem.message)) [\(problem.code)]"
                )
                if let hint = problem.hint { printError("    hint: \(TerminalText.line(hint))") }
                failed = true
            }
        }
        if failed { throw ExitCode(2) }
    }

    /// `value` as an element of a YAML flow list: plain when it is only letters, digits and
    /// `._/-` and YAML reads it as a string, else double-quoted.
    static func flowScalar(_ value: String) -> String {
        let plain = value.unicodeScalars.allSatisfy {
            ("a"..."z").contains($0) || ("A"..."Z").contains($0) || ("0"..."9").contains($0)
                || "._/-".unicodeScalars.contains($0)
        }
        let reserved = ["true", "false", "null", "yes", "no", "on", "off", "~", ".nan", ".inf"]
        if plain, !value.isEmpty, Double(value) == nil, !reserved.contains(value.lowercased()) { return value }
        var quoted = "\""
        for scalar in value.unicodeScalars {
            switch scalar {
            case "\"": quoted += "\\\""
            case "\\": quoted += "\\\\"
            case _ where scalar.value < 0x20 || scalar.value == 0x7F:
                quoted += String(format: "\\x%02X", scalar.value)
            default: quoted.unicodeScalars.append(scalar)
            }
        }
        return quoted + "\""
    }

    static func configuration(packs: [String]) -> String {
        """
        cadre: workspace/v1
        name: My customer service
        systems: [systems]           # descriptor files and folders
        packs: [\(packs.map(Self.flowScalar).joined(separator: ", "))]   # by id, or folders: ./policies/mine
        # plugins: [pii-fr]          # French identifiers in store scans (cadre plugins list)
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
