import ArgumentParser
import Foundation

@main
struct Cadre: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "cadre",
        abstract: "A governance workbench for AI in customer service.",
        discussion: """
            Compliance teams write obligations (GDPR, CNIL guidance, the EU AI Act) as Lua rules; \
            engineers describe each system in a YAML descriptor; cadre evaluates every rule against \
            every system and its data stores, and explains each finding with its law and its line.

            Exit status: 0 success; 1 findings at or above --fail-on (cadre evaluate), or new \
            ones (cadre recheck, cadre diff), or an entry missing from the record (cadre register \
            --strict), or no FRIA required (cadre fria); 2 invalid input: a descriptor, a rule, a \
            pack, a test file, the workspace, or a flag. cadre test exits 1 when a test fails.
            """,
        version: CadreVersion.current,
        subcommands: [
            Evaluate.self, Validate.self, RegisterCommand.self, DpiaCommand.self, FriaCommand.self, Test.self,
            Policies.self, PacksCommand.self, Plugins.self, Import.self, Init.self, Schema.self,
            RecheckCommand.self, WatchCommand.self, TimelineCommand.self, HistoryCommand.self, DiffCommand.self,
            BaselineCommand.self,
        ]
    )

    /// Runs a command; usage errors exit with 2 (invalid input), as the documented statuses say.
    static func main() {
        // A file over the size limit (`ulimit -f`) fails its write, which cadre reports and
        // cleans up after, rather than killing cadre with its temporary file left behind.
        signal(SIGXFSZ, SIG_IGN)
        do {
            var command = try parseAsRoot()
            try command.run()
        } catch {
            let code = exitCode(for: error)
            if code == .validationFailure {
                printError(fullMessage(for: error))
                Foundation.exit(2)
            }
            exit(withError: error)
        }
    }
}
