import Foundation
import Testing

#if canImport(Glibc)
    import Glibc
#endif

/// `cadre watch` as a user runs it: started, a file edited, the change printed, stopped with Ctrl-C.
@Suite struct WatchCommandTests {
    @Test(arguments: [[], ["--poll", "--interval", "100"]])
    func watchPrintsWhatChangedAndStopsOnControlC(options: [String]) throws {
        let scratch = try ScratchWorkspace()
        let watch = try RunningCommand(
            ["watch", "-w", "examples", "--as-of", "2026-11-29", "--debounce", "200"] + options, in: scratch.folder)
        defer { watch.kill() }
        let started = try watch.waitForOutput(containing: "recorded run 1:")
        #expect(
            started.hasPrefix(
                "watching examples (\(options.isEmpty ? "inotify" : "polling every 100 ms")); press Ctrl-C to stop\n"))
        #expect(started.contains("re-evaluated 990 of 990 pairs"))

        // An engineer shortens the recordings of call-recording-quality to six months.
        try scratch.replace(
            "retention: { period: P3Y, from: collection }", with: "retention: { period: P6M, from: collection }",
            in: "examples/systems/call-recording-quality.yaml")
        let second = try watch.waitForOutput(containing: "recorded run 2:")
        let report = String(second.dropFirst(started.count))
        #expect(
            report == """
                re-checked examples as of 2026-11-29 against run 1 (as of 2026-11-29): re-evaluated 150 of 990 pairs
                  5 rules read stores, whose data may have changed (cnil.prospecting.consent-in-store, cnil.recording.card-data, cnil.recording.store-retention, and 2 more): on every system that declares stores
                  examples/systems/call-recording-quality.yaml: descriptor changed: every rule
                changed findings (1):
                  FAIL → FAIL  high  cnil.recording.retention on call-recording-quality
                      - examples/systems/call-recording-quality.yaml:36:18: fail: recordings kept P3Y; P6M at most (setting `recording_retention`, from CNIL NS-57 guidance)
                recorded run 2: 0 new failures, 0 resolved, 1 changed; new at or above high: 0

                """)

        // A change that changes no result prints nothing (the run is still recorded).
        try scratch.write(
            "examples/systems/call-recording-quality.yaml",
            try scratch.read("examples/systems/call-recording-quality.yaml") + "\n# reviewed\n")
        Thread.sleep(forTimeInterval: 1.5)
        #expect(watch.output() == second)

        kill(watch.process.processIdentifier, SIGINT)
        let status = try watch.wait(timeout: 20)
        #expect(status == 0)
        #expect(watch.output().hasSuffix("stopped watching examples\n"))
        let history = try scratch.cadre("history", "--format", "json", "-w", "examples")
        let runs =
            (try JSONSerialization.jsonObject(with: Data(history.stdout.utf8)) as? [String: Any])?["runs"]
            as? [[String: Any]]
        #expect(runs?.count == 3)
    }
}

/// A `cadre` process left running, its output going to a file the test reads as it grows.
final class RunningCommand {
    let process = Process()
    let outputURL: URL
    private let handle: FileHandle

    init(_ arguments: [String], in directory: URL) throws {
        outputURL = directory.appendingPathComponent("output-\(UUID().uuidString)")
        _ = FileManager.default.createFile(atPath: outputURL.path, contents: nil)
        handle = try FileHandle(forWritingTo: outputURL)
        process.executableURL = try CadreCommand.binary()
        process.arguments = arguments
        process.currentDirectoryURL = directory
        process.environment = EvaluateCommandTests.environment
        process.standardOutput = handle
        process.standardError = handle
        process.standardInput = FileHandle.nullDevice
        try process.run()
    }

    func output() -> String { (try? String(contentsOf: outputURL, encoding: .utf8)) ?? "" }

    /// Waits until the output holds `text`, and returns the output.
    func waitForOutput(containing text: String, timeout: TimeInterval = 60) throws -> String {
        let deadline = Date().addingTimeInterval(timeout)
        while Date() < deadline {
            let output = output()
            if output.contains(text) { return output }
            if !process.isRunning { break }
            Thread.sleep(forTimeInterval: 0.02)
        }
        throw CadreCommand.CommandError(
            description: "no `\(text)` in the output of \(process.arguments ?? []): \(output())")
    }

    func wait(timeout: TimeInterval) throws -> Int32 {
        let deadline = Date().addingTimeInterval(timeout)
        while process.isRunning && Date() < deadline { Thread.sleep(forTimeInterval: 0.02) }
        guard !process.isRunning else {
            throw CadreCommand.CommandError(description: "\(process.arguments ?? []) did not stop")
        }
        return process.terminationStatus
    }

    func kill() {
        if process.isRunning { process.terminate() }
        try? handle.close()
    }
}
