import ArgumentParser
import CadreEngine
import CadreHistory
import CadreModel
import Foundation

/// Output formats of the history commands.
enum ChangeFormat: String, ExpressibleByArgument, CaseIterable {
    case text, json
}

extension WorkspaceOptions {
    /// The workspace's history (`.cadre/history.sqlite`), opened; exit status 2 when it cannot be.
    func history() throws -> HistoryStore {
        do {
            return try HistoryStore.open(at: HistoryStore.file(in: root))
        } catch {
            printError("cadre: \(error)")
            throw ExitCode(2)
        }
    }

    /// The `--fail-on` threshold: the flag's, else the workspace's, else high.
    static func threshold(_ failOn: FailOn?, workspace: Workspace) -> Severity? {
        switch failOn {
        case .none?: nil
        case .severity(let severity)?: severity
        case nil: workspace.configuration.failOn ?? .high
        }
    }
}
