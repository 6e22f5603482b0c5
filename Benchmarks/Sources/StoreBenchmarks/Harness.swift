import Foundation

/// A small, honest timing harness: wall-clock durations of whole runs, one warm-up run
/// discarded, the median of the rest; contenders measured in alternation so that whatever else
/// the machine does weighs on all of them alike.
enum Harness {
    /// Medians of `runs` timed runs of each contender, in alternation, after one warm-up of each.
    static func medians(runs: Int, _ contenders: [(name: String, body: () throws -> Void)]) throws -> [String: Duration]
    {
        for contender in contenders { try contender.body() }  // warm-up: page cache, code
        var samples: [String: [Duration]] = [:]
        for _ in 0..<runs {
            for contender in contenders {
                let started = ContinuousClock.now
                try contender.body()
                samples[contender.name, default: []].append(ContinuousClock.now - started)
            }
        }
        return samples.mapValues(median)
    }

    static func median(_ values: [Duration]) -> Duration {
        let sorted = values.sorted()
        guard !sorted.isEmpty else { return .zero }
        return sorted.count % 2 == 1
            ? sorted[sorted.count / 2] : (sorted[sorted.count / 2 - 1] + sorted[sorted.count / 2]) / 2
    }

    /// Runs a program, returns its standard output; fails on a non-zero exit.
    @discardableResult
    static func run(_ program: String, _ arguments: [String]) throws -> String {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: program)
        process.arguments = arguments
        let output = Pipe()
        process.standardOutput = output
        process.standardError = FileHandle.standardError
        try process.run()
        let data = output.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        guard process.terminationStatus == 0 else {
            throw BenchmarkFailure("\(program) exited with \(process.terminationStatus)")
        }
        return String(decoding: data, as: UTF8.self)
    }

    /// The full path of a program on the PATH.
    static func which(_ name: String) -> String? {
        for dir in (ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin").split(separator: ":") {
            let path = "\(dir)/\(name)"
            if FileManager.default.isExecutableFile(atPath: path) { return path }
        }
        return nil
    }

    /// Peak and current resident memory of this process, from /proc/self/status (bytes).
    static func memory() -> (peak: Int, current: Int) {
        let status = (try? String(contentsOfFile: "/proc/self/status", encoding: .utf8)) ?? ""
        func field(_ name: String) -> Int {
            guard let line = status.split(separator: "\n").first(where: { $0.hasPrefix(name) }) else { return 0 }
            return (Int(line.split(separator: " ").dropFirst().first { !$0.isEmpty } ?? "") ?? 0) * 1024
        }
        return (field("VmHWM:"), field("VmRSS:"))
    }
}

struct BenchmarkFailure: Error, CustomStringConvertible {
    let description: String
    init(_ description: String) { self.description = description }
}

extension Duration {
    var seconds: Double {
        let (s, atto) = components
        return Double(s) + Double(atto) / 1e18
    }

    /// `1.234 s` or `56.7 ms`.
    var formatted: String {
        seconds >= 1 ? String(format: "%.3f s", seconds) : String(format: "%.1f ms", seconds * 1000)
    }
}

/// A Markdown table, printed as the results come.
struct Table {
    let header: [String]
    var rows: [[String]] = []

    init(_ header: String...) { self.header = header }

    mutating func add(_ cells: String...) { rows.append(cells) }

    var markdown: String {
        let lines = [header, header.map { _ in "---" }] + rows
        return lines.map { "| " + $0.joined(separator: " | ") + " |" }.joined(separator: "\n")
    }
}
