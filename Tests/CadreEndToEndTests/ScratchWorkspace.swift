import Foundation
import Testing

/// A copy of the repository's example workspace (with its generated stores) and packs in a fresh
/// temporary folder, so a test can edit guidance, descriptors and data and keep a history of its
/// own. Removed when the test ends.
final class ScratchWorkspace {
    let folder: URL

    init() throws {
        try EvaluateCommandTests.ensureStores()
        folder = FileManager.default.temporaryDirectory.appendingPathComponent("cadre-scratch-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        for name in ["examples", "policies"] {
            try FileManager.default.copyItem(
                at: CadreCommand.repositoryRoot.appendingPathComponent(name), to: folder.appendingPathComponent(name))
        }
        // A report left by `make example` is not part of the workspace.
        try? FileManager.default.removeItem(at: folder.appendingPathComponent("examples/report.md"))
        try? FileManager.default.removeItem(at: folder.appendingPathComponent("examples/.cadre"))
    }

    deinit { try? FileManager.default.removeItem(at: folder) }

    func read(_ path: String) throws -> String {
        try String(contentsOf: folder.appendingPathComponent(path), encoding: .utf8)
    }

    func write(_ path: String, _ text: String) throws {
        let url = folder.appendingPathComponent(path)
        try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
        try Data(text.utf8).write(to: url)
    }

    /// Replaces `old` by `new` in `path`; the text must hold `old`.
    func replace(_ old: String, with new: String, in path: String) throws {
        let text = try read(path)
        guard text.contains(old) else { throw CadreCommand.CommandError(description: "\(path) does not hold \(old)") }
        try write(path, text.replacingOccurrences(of: old, with: new))
    }

    /// Runs `cadre arguments` in the scratch folder, with the environment the example stores need.
    func cadre(_ arguments: String..., timeout: TimeInterval = 120) throws -> CadreCommand.Output {
        try CadreCommand.run(arguments, in: folder, environment: EvaluateCommandTests.environment, timeout: timeout)
    }
}
