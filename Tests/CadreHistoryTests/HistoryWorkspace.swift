import CadreEngine
import CadreHistory
import CadreModel
import Foundation

/// A workspace written to a fresh temporary folder, with its history: each test gets its own,
/// removed when it ends (the style of CadreEngineTests' TemporaryWorkspace).
final class HistoryWorkspace {
    let root: URL

    init(files: [String: String]) throws {
        root = FileManager.default.temporaryDirectory.appendingPathComponent("cadre-history-\(UUID().uuidString)")
        for (path, text) in files { try write(path, text) }
    }

    deinit { try? FileManager.default.removeItem(at: root) }

    func write(_ path: String, _ text: String) throws {
        let url = root.appendingPathComponent(path)
        try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
        try Data(text.utf8).write(to: url)
    }

    func read(_ path: String) throws -> String {
        try String(contentsOf: root.appendingPathComponent(path), encoding: .utf8)
    }

    func remove(_ path: String) throws { try FileManager.default.removeItem(at: root.appendingPathComponent(path)) }

    func exists(_ path: String) -> Bool {
        FileManager.default.fileExists(atPath: root.appendingPathComponent(path).path)
    }

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

    /// A minimal valid descriptor.
    static func descriptor(id: String, recordings: String = "P2Y", ai: Bool = false, extra: String = "") -> String {
        """
        cadre: system/v1
        id: \(id)
        name: System \(id)
        owner: team@example.com
        purposes:
          - id: support
            description: Answer customers
            legal_basis: contract
            uses: [essential.service.operations.support]
        data:
          - category: user.contact.email
            subjects: [customer]
            purposes: [support]
            retention: { period: P1Y, from: collection }
          - category: user.content.call_recording
            subjects: [customer]
            purposes: [support]
            retention: { period: \(recordings), from: collection }
        \(ai ? """
        ai:
          - id: bot
            kind: chatbot
            interacts_with: [customer]
            discloses_ai: on_request
            decides: none
            effect: none
        """ : "")
        \(extra)
        """
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
