import Foundation

/// A Markdown table of measurements, with a target column where one is set.
public struct Report {
    public struct Row {
        let measurement: BenchmarkResult
        let target: String
        let verdict: String
    }

    public let title: String
    private(set) var rows: [Row] = []
    private(set) var notes: [String] = []

    public init(title: String) { self.title = title }

    /// Adds a measurement; with `targetNanoseconds`, says whether the median meets it.
    public mutating func add(_ measurement: BenchmarkResult, targetNanoseconds: Double? = nil) {
        var target = ""
        var verdict = ""
        if let targetNanoseconds {
            target = "≤ " + formatDuration(targetNanoseconds)
            verdict = measurement.median <= targetNanoseconds ? "met" : "**missed**"
        }
        rows.append(Row(measurement: measurement, target: target, verdict: verdict))
        FileHandle.standardError.write(
            "  \(measurement.name): \(formatDuration(measurement.median))\n".data(using: .utf8)!)
    }

    public mutating func note(_ line: String) { notes.append(line) }

    public var markdown: String {
        var lines = [
            "### \(title)", "",
            "| benchmark | median | p10 | p90 | target | |",
            "|---|---:|---:|---:|---|---|",
        ]
        for row in rows {
            let m = row.measurement
            lines.append(
                "| \(m.name) | \(formatDuration(m.median)) | \(formatDuration(m.p10)) | \(formatDuration(m.p90)) | \(row.target) | \(row.verdict) |"
            )
        }
        if !notes.isEmpty { lines.append("") }
        lines.append(contentsOf: notes)
        return lines.joined(separator: "\n")
    }

    /// A line saying where and when the figures were taken, and how (`medians of 21 samples`).
    public static func machineLine(samples: String = "medians of 21 samples") -> String {
        let cores = ProcessInfo.processInfo.activeProcessorCount
        let memory = ProcessInfo.processInfo.physicalMemory >> 30
        var name = utsname()
        uname(&name)
        let kernel = withUnsafeBytes(of: name.release) {
            String(decoding: $0.prefix(while: { $0 != 0 }), as: UTF8.self)
        }
        let date = ISO8601DateFormatter().string(from: Date()).prefix(10)
        return "Measured \(date) on \(cores) cores, \(memory) GiB, Linux \(kernel), release build; \(samples)."
    }
}
