import CadreEngine
import CadreHistory
import CadreModel
import CadreTestSupport
import Foundation

/// A workspace written to a fresh temporary folder, with its history: each test gets its own,
/// removed when it ends (the style of CadreEngineTests' TemporaryWorkspace).
final class HistoryWorkspace: TemporaryFiles {
    let root: URL

    init(files: [String: String]) throws {
        root = Self.freshFolder("cadre-history")
        for (path, text) in files { try write(path, text) }
    }

    deinit { try? FileManager.default.removeItem(at: root) }

    func open() throws -> Workspace { Workspace.open(at: root.path, taxonomy: try Taxonomy.bundled()) }

    func history() throws -> HistoryStore { try HistoryStore.open(at: HistoryStore.file(in: root.path)) }

    /// Re-checks the workspace as of `asOf` and records the run.
    func recheck(asOf: String, version: String = "test", jobs: Int = 1) throws -> RecheckOutcome {
        try Recheck(workspace: try open(), history: try history(), cadreVersion: version, jobs: jobs).run(
            asOf: try ISODate(parsing: asOf))
    }

    /// A full evaluation, as `cadre evaluate` makes it.
    func evaluate(asOf: String, jobs: Int = 1) throws -> Evaluation {
        Engine(workspace: try open(), jobs: jobs).evaluate(asOf: try ISODate(parsing: asOf))
    }

    /// A minimal valid descriptor; `ai` adds a chatbot.
    static func descriptor(id: String, recordings: String = "P2Y", ai: Bool = false, extra: String = "") -> String {
        TestDescriptor.minimal(id: id, recordings: recordings, extra: (ai ? TestDescriptor.chatbot : "") + "\n" + extra)
    }

    static let manifest = """
        cadre: pack/v1
        id: test
        version: 1.0.0
        title: Test pack
        api: 1
        """
}

extension Evaluation {
    /// The result of `rule` on `system`.
    func result(_ rule: String, on system: String) -> RuleResult? {
        systems.first { $0.id == system }?.results.first { $0.rule == rule }
    }
}
