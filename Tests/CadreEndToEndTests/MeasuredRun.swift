import Foundation
import Testing

/// Runs the built `cadre` and measures it as `/usr/bin/time -v` would: wall time, and the peak
/// resident memory of that process alone (`wait4`'s `ru_maxrss`, read by Scripts/measure.py,
/// which forks cadre from a small process so that the test process's memory is not counted).
struct MeasuredRun {
    var status: Int32
    var seconds: Double
    /// Peak resident memory, in KiB.
    var maxResidentKiB: Int
    var stdout: String
    var stderr: String

    /// Runs `cadre arguments` in `directory`; stops it (and records an issue) after `timeout` seconds.
    static func cadre(
        _ arguments: [String], in directory: URL, timeout: Double = 60,
        sourceLocation: SourceLocation = #_sourceLocation
    ) throws -> MeasuredRun {
        let outputs = FileManager.default.temporaryDirectory.appendingPathComponent(
            "cadre-measured-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: outputs, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: outputs) }
        let stdout = outputs.appendingPathComponent("stdout").path
        let stderr = outputs.appendingPathComponent("stderr").path
        let script = try #require(Bundle.module.url(forResource: "Scripts/measure", withExtension: "py"))
        let measured = try CadreCommand.runProgram(
            "python3",
            [script.path, directory.path, String(timeout), stdout, stderr, try CadreCommand.binary().path] + arguments,
            timeout: timeout + 30, sourceLocation: sourceLocation)
        struct Report: Decodable {
            var status: Int32
            var seconds: Double
            var maxResidentKiB: Int
            var timedOut: Bool

            enum CodingKeys: String, CodingKey {
                case status, seconds
                case maxResidentKiB = "max_resident_kib"
                case timedOut = "timed_out"
            }
        }
        let report = try JSONDecoder().decode(Report.self, from: Data(measured.stdout.utf8))
        if report.timedOut {
            Issue.record(
                "`cadre \(arguments.joined(separator: " "))` did not finish in \(Int(timeout)) s",
                sourceLocation: sourceLocation)
        }
        return MeasuredRun(
            status: report.status, seconds: report.seconds, maxResidentKiB: report.maxResidentKiB,
            stdout: (try? String(contentsOfFile: stdout, encoding: .utf8)) ?? "",
            stderr: (try? String(contentsOfFile: stderr, encoding: .utf8)) ?? "")
    }
}
