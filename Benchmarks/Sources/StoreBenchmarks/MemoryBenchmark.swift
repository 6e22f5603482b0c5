import CadreStores
import Foundation

/// (c) Peak resident memory (VmHWM) of scans and counts, by table size: each measured in a fresh
/// child process so one measurement cannot inherit another's peak.
enum MemoryBenchmark {
    static func run(sizes: [Int], recordings: Int) throws -> String {
        var table = Table("operation", "rows", "text scanned", "peak RSS (VmHWM)", "time")
        for size in sizes {
            let (_, database) = try Generators.corpus(messages: size)
            try measure(["scan", database, "chats", "message"], rows: size, into: &table)
        }
        let recordingsPath = try Generators.recordingsDatabase(rows: recordings)
        try measure(["scan", recordingsPath, "recordings", "caller_phone"], rows: recordings, into: &table)
        try measure(["count", recordingsPath, "recordings", "recorded_at"], rows: recordings, into: &table)
        let baseline = try child(["idle"])
        return """
            Peak resident memory of one operation in a fresh process (the process alone, idle: \(baseline.peak >> 20) MiB).

            \(table.markdown)
            """
    }

    static func measure(_ arguments: [String], rows: Int, into table: inout Table) throws {
        let result = try child(arguments)
        let operation =
            arguments[0] == "scan"
            ? "scan \(arguments[2]).\(arguments[3]), 7 detectors" : "retention count \(arguments[2]).\(arguments[3])"
        table.add(
            operation, rows.formatted(), result.bytes > 0 ? "\(result.bytes >> 20) MiB" : "–",
            "\(result.peak >> 20) MiB", String(format: "%.1f s", result.seconds))
    }

    /// Runs this executable as `--memory-child …` and reads `peak bytes seconds` from it.
    static func child(_ arguments: [String]) throws -> (peak: Int, bytes: Int, seconds: Double) {
        let output = try Harness.run(CommandLine.arguments[0], ["--memory-child"] + arguments)
        let parts = output.split(separator: " ").map { String($0).trimmingCharacters(in: .whitespacesAndNewlines) }
        guard parts.count == 3, let peak = Int(parts[0]), let bytes = Int(parts[1]), let seconds = Double(parts[2])
        else {
            throw BenchmarkFailure("unexpected child output: \(output)")
        }
        return (peak, bytes, seconds)
    }

    /// In the child: do one operation, print `peak bytes seconds`.
    static func childMain(_ arguments: [String]) throws {
        let started = ContinuousClock.now
        var bytes = 0
        if arguments.first == "scan" || arguments.first == "count", arguments.count == 4 {
            let store = try SQLiteStore(
                endpoint: StoreEndpoint(id: "bench", engine: .sqlite, url: arguments[1]), environment: [:])
            if arguments[0] == "scan" {
                let report = try store.scan(
                    arguments[2], columns: [arguments[3]], detectors: .standard,
                    limits: ScanLimits(rowCap: Int.max, timeLimit: .seconds(3600)))
                bytes = report.bytesScanned
            } else {
                _ = try store.count(in: arguments[2], olderThan: RetentionBenchmark.cutoff, by: arguments[3])
            }
            store.close()
        }
        let seconds = (ContinuousClock.now - started).seconds
        print("\(Harness.memory().peak) \(bytes) \(seconds)")
    }
}
