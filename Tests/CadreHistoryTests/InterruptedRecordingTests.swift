import CadreEngine
import CadreModel
import Foundation
import Testing

@testable import CadreHistory

/// A process killed while it records a run — `kill -9` included — leaves the history as it was
/// before that run: readable, every earlier run intact, nothing of the run it was recording. A
/// run is written in one transaction, in WAL mode.
///
/// The test copies the history's files at every point of a recording (after each system's row,
/// inside the transaction): the files a process killed at that moment leaves, since what it wrote
/// is on disk and nothing more will be. Each copy is then opened and read back in full.
@Suite struct InterruptedRecordingTests {
    /// The history's files (the database and SQLite's companions), copied into `folder`.
    static func copyHistory(of root: URL, to folder: URL) throws {
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        let file = HistoryStore.file(in: root.path)
        for suffix in [""] + HistoryStore.companionSuffixes where FileManager.default.fileExists(atPath: file + suffix)
        {
            try FileManager.default.copyItem(
                atPath: file + suffix, toPath: folder.appendingPathComponent("history.sqlite" + suffix).path)
        }
    }

    @Test func aRunInterruptedWhileRecordingLeavesEarlierRunsIntact() throws {
        var model = WorkspaceModel()
        let workspace = try HistoryWorkspace(files: model.files())
        _ = try workspace.recheck(asOf: "2026-11-29")
        let first = try #require(try workspace.history().lastRun())
        // The retention rule's message changes: the next run records new results.
        model.retentionMessage = "kept %s: too long"
        for (path, text) in model.files() { try workspace.write(path, text) }

        let snapshots = FileManager.default.temporaryDirectory.appendingPathComponent(
            "cadre-interrupted-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: snapshots) }
        let root = workspace.root
        let failures = Failures()
        var history = try workspace.history()
        history.systemRecorded = { rows in
            do {
                try Self.copyHistory(of: root, to: snapshots.appendingPathComponent("\(rows)"))
            } catch {
                failures.add("\(error)")
            }
        }
        let outcome = try Recheck(workspace: try workspace.open(), history: history, cadreVersion: "test", jobs: 1)
            .run(asOf: try ISODate(parsing: "2026-11-29"))
        #expect(outcome.recorded)
        try Self.copyHistory(of: root, to: snapshots.appendingPathComponent("committed"))
        #expect(failures.all.isEmpty, "\(failures.all)")

        let points = try FileManager.default.contentsOfDirectory(atPath: snapshots.path).sorted()
        #expect(points == ["1", "2", "3", "committed"])
        for point in points {
            let copy = try HistoryStore.open(at: snapshots.appendingPathComponent("\(point)/history.sqlite").path)
            #expect(try copy.integrityCheck() == "ok", "\(point)")
            let runs = try copy.runs().map(\.id)
            #expect(runs == (point == "committed" ? [2, 1] : [1]), "\(point): \(runs)")
            // Every run there can be read back in full.
            let earliest = try #require(try copy.run(.id(1)), "\(point)")
            #expect(earliest.systems.map(\.results) == first.systems.map(\.results), "\(point)")
            #expect(try copy.evaluation(of: earliest).systems.count == 3, "\(point)")
            if point == "committed" {
                let last = try #require(try copy.lastRun())
                #expect(last.systems.map(\.results) == (try #require(outcome.run)).systems.map(\.results))
            }
        }
    }
}

/// Problems met on the thread that records, read by the test afterwards (`@unchecked`: a lock
/// guards the list).
private final class Failures: @unchecked Sendable {
    private let lock = NSLock()
    private var problems: [String] = []
    /// Notes a problem.
    func add(_ problem: String) { lock.withLock { problems.append(problem) } }
    /// Every problem noted.
    var all: [String] { lock.withLock { problems } }
}
