import Foundation
import Testing

#if canImport(Glibc)
import Glibc
#endif

/// A run killed with `kill -9` while it is being recorded leaves the history readable, with every
/// earlier run intact: a run is written in one transaction, in WAL mode.
@Suite struct CrashSafetyTests {
    /// Copies of the example descriptors, so that recording a run takes a while.
    static func addSystems(_ count: Int, to scratch: ScratchWorkspace) throws {
        let folder = scratch.folder.appendingPathComponent("examples/systems")
        let originals = try FileManager.default.contentsOfDirectory(atPath: folder.path).filter { $0.hasSuffix(".yaml") }.sorted()
        for index in 0..<count {
            let name = originals[index % originals.count]
            let text = try String(contentsOf: folder.appendingPathComponent(name), encoding: .utf8)
            let id = "copy-\(index)-" + name.dropLast(5)
            let copy = text.split(separator: "\n", omittingEmptySubsequences: false).map { line in
                line.hasPrefix("id: ") ? "id: \(id)" : String(line)
            }.joined(separator: "\n")
            try scratch.write("examples/systems/copies/\(id).yaml", copy)
        }
    }

    @Test func aRunKilledWhileRecordingLeavesEarlierRunsIntact() throws {
        let scratch = try ScratchWorkspace()
        try Self.addSystems(120, to: scratch)
        let first = try scratch.cadre("recheck", "-w", "examples", "--as-of", "2026-11-29")
        #expect(first.status == 1)
        let baseline = try scratch.cadre("diff", "1", "1", "-w", "examples")
        #expect(baseline.stdout.hasSuffix("no result changed\n0 new failures, 0 resolved, 0 changed; new at or above high: 0\n"))
        var recorded = 1
        var killedMidway = 0
        var generator = SystemRandomNumberGenerator()
        for round in 0..<8 {
            // Every round changes the retention rule's message: every system's result changes.
            try scratch.replace(
                round == 0 ? "six months at most\"" : "six months at most (\(round - 1))\"", with: "six months at most (\(round))\"",
                in: "policies/cnil/recording-retention.lua")
            let (output, wasKilled) = try Self.runAndKill(scratch, afterMilliseconds: Int.random(in: 0...400, using: &generator))
            if wasKilled { killedMidway += 1 }
            let check = try scratch.cadre("history", "--check", "--format", "json", "-w", "examples")
            #expect(check.status == 0, "round \(round): \(check.stderr)")
            #expect(check.stderr.hasSuffix("history.sqlite: ok\n"))
            let listing = try #require(try JSONSerialization.jsonObject(with: Data(check.stdout.utf8)) as? [String: Any])
            let ids = ((listing["runs"] as? [[String: Any]]) ?? []).compactMap { $0["id"] as? Int }
            // Killed before the commit: nothing recorded; after it: the whole run.
            #expect(ids == Array((1...(wasKilled ? recorded : recorded + 1)).reversed()), "round \(round), killed \(wasKilled): \(ids), \(output)")
            recorded = ids.first ?? recorded
            // Every run can still be read back in full.
            let diff = try scratch.cadre("diff", "1", "last", "-w", "examples")
            #expect(diff.status == 0 || diff.status == 1, "round \(round): \(diff.stderr)")
            #expect(diff.stdout.hasPrefix("from run 1 (as of 2026-11-29) to run \(recorded)"))
        }
        #expect(killedMidway >= 3, "only \(killedMidway) of 8 runs were killed while recording")
        let last = try scratch.cadre("recheck", "-w", "examples", "--as-of", "2026-11-29")
        #expect(last.stdout.contains("recorded run \(recorded + 1):"))
    }

    /// Starts `cadre recheck` with recording slowed down, waits until recording starts, waits
    /// `milliseconds` more and kills it with SIGKILL; says whether it was killed before finishing.
    static func runAndKill(_ scratch: ScratchWorkspace, afterMilliseconds milliseconds: Int) throws -> (String, Bool) {
        let process = Process()
        process.executableURL = try CadreCommand.binary()
        process.arguments = ["recheck", "-w", "examples", "--as-of", "2026-11-29"]
        process.currentDirectoryURL = scratch.folder
        process.environment = EvaluateCommandTests.environment.merging(["CADRE_HISTORY_ROW_PAUSE_MS": "3"]) { $1 }
        let stderrURL = scratch.folder.appendingPathComponent("stderr-\(UUID().uuidString)")
        _ = FileManager.default.createFile(atPath: stderrURL.path, contents: nil)
        defer { try? FileManager.default.removeItem(at: stderrURL) }
        let stderr = try FileHandle(forWritingTo: stderrURL)
        process.standardError = stderr
        process.standardOutput = FileHandle.nullDevice
        try process.run()
        let deadline = Date().addingTimeInterval(120)
        while Date() < deadline, process.isRunning {
            if (try? String(contentsOf: stderrURL, encoding: .utf8))?.contains("recording run") == true { break }
            Thread.sleep(forTimeInterval: 0.005)
        }
        Thread.sleep(forTimeInterval: Double(milliseconds) / 1000)
        let killed = process.isRunning
        kill(process.processIdentifier, SIGKILL)
        process.waitUntilExit()
        try stderr.close()
        let text = (try? String(contentsOf: stderrURL, encoding: .utf8)) ?? ""
        return (text, killed && process.terminationReason == .uncaughtSignal)
    }
}
