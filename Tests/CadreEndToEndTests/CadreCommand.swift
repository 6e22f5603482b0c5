import Foundation
import Testing

/// Runs the built `cadre` binary and captures what a user would see, like argument-parser's
/// `AssertExecuteCommand`. A run that outlives its timeout is stopped and recorded as a failure.
struct CadreCommand {
    /// What one run printed and returned.
    struct Output {
        var status: Int32
        var stdout: String
        var stderr: String
    }

    /// The repository's root, found from this file's path.
    static let repositoryRoot = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    /// The `cadre` binary next to the test products (`swift build` builds it with the tests);
    /// `CADRE_BINARY` overrides it.
    static func binary() throws -> URL {
        var candidates: [URL] = []
        if let override = ProcessInfo.processInfo.environment["CADRE_BINARY"] {
            candidates.append(URL(fileURLWithPath: override))
        }
        if let runner = Bundle.main.executableURL {
            candidates.append(runner.deletingLastPathComponent().appendingPathComponent("cadre"))
        }
        candidates.append(Bundle.module.bundleURL.deletingLastPathComponent().appendingPathComponent("cadre"))
        candidates.append(repositoryRoot.appendingPathComponent(".build/debug/cadre"))
        guard let found = candidates.first(where: { FileManager.default.isExecutableFile(atPath: $0.path) }) else {
            throw CommandError(description: "no cadre binary in \(candidates.map(\.path)); run `swift build` first")
        }
        return found
    }

    /// Runs `cadre arguments` in `directory` (the repository by default), with no environment
    /// but `environment`, and waits at most `timeout` seconds.
    static func run(
        _ arguments: [String], in directory: URL = repositoryRoot, environment: [String: String] = [:],
        timeout: TimeInterval = 60, sourceLocation: SourceLocation = #_sourceLocation
    ) throws -> Output {
        let process = Process()
        process.executableURL = try binary()
        process.arguments = arguments
        process.currentDirectoryURL = directory
        process.environment = environment
        return try capture(process, timeout: timeout, sourceLocation: sourceLocation)
    }

    /// Runs any program the same way (the schema checker in Python).
    static func runProgram(
        _ path: String, _ arguments: [String], timeout: TimeInterval = 120,
        sourceLocation: SourceLocation = #_sourceLocation
    ) throws -> Output {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = [path] + arguments
        process.currentDirectoryURL = repositoryRoot
        return try capture(process, timeout: timeout, sourceLocation: sourceLocation)
    }

    /// Output goes to files, not pipes, so a large output can never block the child.
    private static func capture(_ process: Process, timeout: TimeInterval, sourceLocation: SourceLocation) throws
        -> Output
    {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("cadre-e2e-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let stdoutURL = folder.appendingPathComponent("stdout")
        let stderrURL = folder.appendingPathComponent("stderr")
        _ = FileManager.default.createFile(atPath: stdoutURL.path, contents: nil)
        _ = FileManager.default.createFile(atPath: stderrURL.path, contents: nil)
        let stdout = try FileHandle(forWritingTo: stdoutURL)
        let stderr = try FileHandle(forWritingTo: stderrURL)
        process.standardOutput = stdout
        process.standardError = stderr
        process.standardInput = FileHandle.nullDevice
        let exited = DispatchSemaphore(value: 0)
        process.terminationHandler = { _ in exited.signal() }
        try process.run()
        if exited.wait(timeout: .now() + timeout) == .timedOut {
            process.terminate()
            _ = exited.wait(timeout: .now() + 5)
            Issue.record(
                "`\(process.arguments?.joined(separator: " ") ?? "")` did not finish in \(Int(timeout)) s",
                sourceLocation: sourceLocation)
        }
        try stdout.close()
        try stderr.close()
        return Output(
            status: process.terminationStatus,
            stdout: try String(contentsOf: stdoutURL, encoding: .utf8),
            stderr: try String(contentsOf: stderrURL, encoding: .utf8))
    }

    struct CommandError: Error, CustomStringConvertible {
        var description: String
    }
}
