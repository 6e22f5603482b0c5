import Foundation

// StoreBenchmarks — the figures of BENCHMARKS.md, "Stores (issue 7)".
//   swift run -c release StoreBenchmarks [retention|detectors|memory|all] [--rows N] [--messages N] [--runs N]
// Generated data is kept in Benchmarks/.cache (CADRE_BENCH_CACHE to move it).

let arguments = Array(CommandLine.arguments.dropFirst())
if arguments.first == "--memory-child" {
    do { try MemoryBenchmark.childMain(Array(arguments.dropFirst())) } catch {
        FileHandle.standardError.write(Data("memory child: \(error)\n".utf8))
        exit(1)
    }
    exit(0)
}

func option(_ name: String, default value: Int) -> Int {
    guard let k = arguments.firstIndex(of: name), k + 1 < arguments.count, let n = Int(arguments[k + 1]) else {
        return value
    }
    return n
}

let which = arguments.first { !$0.hasPrefix("--") && Int($0) == nil } ?? "all"
let rows = option("--rows", default: 10_000_000)
let messages = option("--messages", default: 250_000)
let runs = option("--runs", default: 5)

print("# Stores (issue 7) — \(ProcessInfo.processInfo.activeProcessorCount) cores, \(Date().formatted(.iso8601))\n")
do {
    if which == "all" || which == "retention" {
        print("## Retention count\n\n" + (try RetentionBenchmark.run(rows: rows, runs: runs)) + "\n")
    }
    if which == "all" || which == "detectors" {
        print("## Detectors\n\n" + (try DetectorBenchmark.run(messages: messages, runs: runs)) + "\n")
    }
    if which == "all" || which == "memory" {
        print(
            "## Memory\n\n"
                + (try MemoryBenchmark.run(sizes: [messages / 10, messages, messages * 4], recordings: rows)) + "\n")
    }
} catch {
    FileHandle.standardError.write(Data("benchmark failed: \(error)\n".utf8))
    exit(1)
}
