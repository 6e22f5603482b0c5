import ArgumentParser
import CadreEngine
import CadreModel
import Foundation

/// `--workspace DIR`: the workspace to use; by default, the nearest folder with `cadre.yaml`
/// from the current one upward.
struct WorkspaceOptions: ParsableArguments {
    @Option(
        name: .shortAndLong,
        help: ArgumentHelp("The workspace folder (default: the nearest with cadre.yaml, upward).", valueName: "dir"))
    var workspace: String?

    /// The workspace's folder, as shown to users.
    var root: String {
        if let workspace { return workspace }
        return Workspace.discover() ?? "."
    }

    /// Exits with status 2 when there is no workspace: no `cadre.yaml` in the folder --workspace
    /// names, or, without it, in the current folder or one above; the message says to pass
    /// --workspace. For commands that need the workspace's packs (`cadre policies`).
    func requireConfiguration() throws {
        let configurationFile = WorkspaceConfiguration.fileName
        if let workspace {
            guard !FileManager.default.fileExists(atPath: WorkspaceFiles.join(workspace, configurationFile)) else {
                return
            }
            printError(
                TerminalText.line(
                    "cadre: `\(workspace)` is not a workspace (no \(configurationFile) in it): pass --workspace the folder that holds \(configurationFile)"
                ))
        } else {
            guard Workspace.discover() == nil else { return }
            printError(
                "cadre: no workspace here: no \(configurationFile) in the current folder or a folder above it; run it inside a workspace, or pass --workspace DIR"
            )
        }
        throw ExitCode(2)
    }

    /// Opens the workspace (descriptors replaced by `systems` when given).
    func open(systems: [String]? = nil) throws -> Workspace {
        let taxonomy = try TaxonomyOptions.bundled()
        return Workspace.open(at: root, systems: systems, taxonomy: taxonomy)
    }
}

/// `--allow-empty`: without it, a workspace that loads no pack is an error (status 2), since a
/// run with no rule would pass having checked nothing.
struct AllowEmptyOption: ParsableArguments {
    @Flag(help: "Run even when the workspace loads no pack (no rule runs: nothing can fail).")
    var allowEmpty = false

    /// Exits with status 2, saying why, when `workspace` loads no pack and --allow-empty is not given.
    func check(_ workspace: Workspace) throws {
        guard !allowEmpty, let problem = workspace.noPackProblem else { return }
        printError(workspace.files.shown(problem).description)
        throw ExitCode(2)
    }
}

/// A `--fail-on` value: a severity, or `none`.
enum FailOn: ExpressibleByArgument, Equatable {
    case severity(Severity)
    case none

    init?(argument: String) {
        if argument == "none" {
            self = .none
        } else if let severity = Severity(rawValue: argument) {
            self = .severity(severity)
        } else {
            return nil
        }
    }

    static var allValueStrings: [String] { Severity.words + ["none"] }
}

extension ISODate: ExpressibleByArgument {
    public init?(argument: String) { self.init(argument) }

    /// An `--as-of` value, or the error that says what is wrong and the form expected.
    static func option(_ text: String) throws -> ISODate {
        do {
            return try ISODate(parsing: text)
        } catch {
            throw ValidationError("\(error.description); expected a date as YYYY-MM-DD, such as 2026-11-29")
        }
    }
}
