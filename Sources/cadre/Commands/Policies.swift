import ArgumentParser
import CadreEngine
import CadreModel
import Foundation

/// `cadre policies`: the rules of the workspace's packs.
struct Policies: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "List, describe and document the rules of the workspace's packs.",
        subcommands: [List.self, Show.self, Doc.self],
        defaultSubcommand: List.self)

    /// Loads the workspace's rules, printing every problem; exit status 2 when there is no
    /// workspace (saying to pass --workspace) or a pack or rule is invalid.
    static func rules(_ options: WorkspaceOptions) throws -> (Workspace, [RuleInfo]) {
        try options.requireConfiguration()
        let workspace = try options.open()
        let (loadedRules, diagnostics) = Engine(workspace: workspace).loadRules()
        let rules = loadedRules.map(workspace.files.shown)
        for diagnostic in diagnostics { printError(workspace.files.shown(diagnostic).description) }
        if diagnostics.containsErrors { throw ExitCode(2) }
        return (workspace, rules)
    }

    struct List: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract:
                "List every pack (id, version, where it comes from) and every rule: id, severity, dates in force, title.",
            discussion: """
                A pack comes from cadre's bundled packs, from a folder of CADRE_PATH, or from a \
                folder of the workspace. Exit status: 0, or 2 when a pack or a rule file is invalid.
                """)

        @OptionGroup var workspace: WorkspaceOptions

        func run() throws {
            let (loaded, rules) = try Policies.rules(workspace)
            for pack in loaded.packs {
                let origin = loaded.origin(ofPack: pack.id) ?? .workspace
                print(
                    TerminalText.line(
                        "\(pack.id) \(pack.version) — \(pack.manifest.title) (\(origin): \(loaded.files.path(pack.folder)); digest \(pack.digest.prefix(12)))"
                    ))
            }
            if !loaded.packs.isEmpty { print("") }
            let width = rules.map(\.id.count).max() ?? 0
            for rule in rules {
                let window = [rule.effectiveFrom.map { "from \($0)" }, rule.effectiveTo.map { "to \($0)" }].compactMap {
                    $0
                }.joined(separator: " ")
                print(
                    TerminalText.line(
                        rule.id.padding(toLength: width, withPad: " ", startingAt: 0) + "  "
                            + rule.severity.rawValue.padding(toLength: 8, withPad: " ", startingAt: 0) + "  "
                            + rule.title
                            + (window.isEmpty ? "" : "  [\(window)]")))
            }
            print("\n\(rules.count) rules in \(loaded.packs.count) packs")
        }
    }

    struct Show: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Describe one rule: its obligation, severity, references, dates, pack and file.",
            discussion: "Exit status: 0, or 2 when the rule does not exist or a pack is invalid.")

        @Argument(help: "The rule's id (cnil.recording.retention).")
        var id: String

        @OptionGroup var workspace: WorkspaceOptions

        func run() throws {
            let (_, rules) = try Policies.rules(workspace)
            guard let rule = rules.first(where: { $0.id == id }) else {
                let hint = Suggestion.hint(for: id, among: rules.map(\.id)).map { " (\($0))" } ?? ""
                printError("cadre: no rule `\(id)` in the workspace's packs\(hint)")
                throw ExitCode(2)
            }
            var lines = [rule.id, rule.title, ""]
            if let description = rule.description { lines += description.components(separatedBy: "\n") + [""] }
            lines.append("severity:    \(rule.severity.rawValue)")
            lines.append("confidence:  \(rule.confidence.rawValue)")
            for (index, reference) in rule.references.enumerated() {
                let label = index == 0 ? "references:  " : "             "
                lines.append(label + reference.citation + (reference.url.map { " <\($0)>" } ?? ""))
            }
            lines.append(
                "in force:    \(rule.effectiveFrom.map { "from \($0)" } ?? "always")\(rule.effectiveTo.map { " to \($0)" } ?? "")"
            )
            if let reviewed = rule.reviewed { lines.append("reviewed:    \(reviewed)") }
            if let remediation = rule.remediation { lines.append("to comply:   \(remediation)") }
            if !rule.tags.isEmpty { lines.append("tags:        \(rule.tags.joined(separator: ", "))") }
            lines.append("pack:        \(rule.pack) \(rule.packVersion)")
            lines.append("file:        \(rule.file)")
            print(lines.map(TerminalText.line).joined(separator: "\n"))
        }
    }
}
