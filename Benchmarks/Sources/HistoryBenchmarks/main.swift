// Benchmarks of history and re-checks (issue 9): on 10,000 systems, the bundled packs and 16
// synthetic rules, a full run against a re-check after one rule changed. Prints a Markdown
// section for BENCHMARKS.md.
// Stores are not read (the copies' stores do not exist): the figures are those of files.
import BenchmarkKit
import CadreEngine
import CadreHistory
import CadreModel
import Foundation

func option(_ name: String, default value: Int) -> Int {
    guard let index = CommandLine.arguments.firstIndex(of: name), index + 1 < CommandLine.arguments.count,
        let parsed = Int(CommandLine.arguments[index + 1])
    else { return value }
    return parsed
}

let count = option("--systems", default: 10_000)
let samples = option("--samples", default: 5)
let asOf = ISODate(year: 2026, month: 11, day: 29) ?? ISODate.epoch
let taxonomy = try Taxonomy.bundled()

FileHandle.standardError.write(Data("writing \(count) descriptors…\n".utf8))
let workspace = try SyntheticWorkspace(systems: count)
defer { workspace.remove() }

func open() -> Workspace { Workspace.open(at: workspace.root, taxonomy: taxonomy) }

/// Processor time of the process (every thread, user and system), in nanoseconds: on a machine
/// shared with others' builds, steadier than the wall clock.
func processorTime() -> Double {
    var usage = rusage()
    getrusage(Int32(RUSAGE_SELF.rawValue), &usage)
    let user = Double(usage.ru_utime.tv_sec) * 1e9 + Double(usage.ru_utime.tv_usec) * 1e3
    let system = Double(usage.ru_stime.tv_sec) * 1e9 + Double(usage.ru_stime.tv_usec) * 1e3
    return user + system
}

/// Processor-time medians, by benchmark name.
var processor: [String: BenchmarkResult] = [:]

/// One sample: `prepare` (untimed), then `body` timed (wall clock, and processor time aside).
@MainActor func sample(_ name: String, samples: Int, prepare: () throws -> Void = {}, measure body: () throws -> Void)
    rethrows -> BenchmarkResult
{
    var times: [Double] = []
    var cpu: [Double] = []
    for _ in 0..<samples {
        try prepare()
        let start = now()
        let startCPU = processorTime()
        try body()
        times.append(Double(now() - start))
        cpu.append(processorTime() - startCPU)
        FileHandle.standardError.write(
            Data("  \(name): \(formatDuration(times.last ?? 0)) (processor \(formatDuration(cpu.last ?? 0)))\n".utf8))
    }
    processor[name] = BenchmarkResult(name: name, samples: cpu.sorted(), iterationsPerSample: 1)
    return BenchmarkResult(name: name, samples: times.sorted(), iterationsPerSample: 1)
}

@MainActor func cpuRatio(_ a: BenchmarkResult, _ b: BenchmarkResult) -> String {
    guard let x = processor[a.name]?.median, let y = processor[b.name]?.median else { return "?" }
    return String(format: "%.2f", x / y)
}

let opened = open()
let rules = Engine(workspace: opened).loadRules().rules.count
guard opened.diagnostics.isEmpty, rules > 16 else {
    fatalError("the synthetic workspace is wrong: \(opened.diagnostics), \(rules) rules")
}
let pairs = count * rules

// `--profile N`: a first re-check, then N re-checks after a typical rule changed (with
// `--costliest`, the costliest rule), nothing else (to run under `perf record`).
if let profile = CommandLine.arguments.firstIndex(of: "--profile").map({ _ in option("--profile", default: 3) }) {
    let costliest = CommandLine.arguments.contains("--costliest")
    let history = try HistoryStore.open(at: HistoryStore.file(in: workspace.root))
    _ = try Recheck(workspace: open(), history: history, cadreVersion: "bench", readsStores: false).run(asOf: asOf)
    for round in 0..<profile {
        if costliest {
            try workspace.write(
                "bench/retention-0.lua", SyntheticWorkspace.retention(0, message: "kept %s (profile \(round))"))
        } else {
            try workspace.write("bench/basis-0.lua", SyntheticWorkspace.basis(0, note: "profile \(round)"))
        }
        let start = processorTime()
        let clock = ContinuousClock.now
        _ = try Recheck(workspace: open(), history: history, cadreVersion: "bench", readsStores: false).run(asOf: asOf)
        let wall = ContinuousClock.now - clock
        let rule = costliest ? "the costliest rule" : "a typical rule"
        FileHandle.standardError.write(
            Data(
                "  re-check after \(rule) changed: processor \(formatDuration(processorTime() - start)), wall clock \(wall)\n"
                    .utf8))
    }
    exit(0)
}

var report = Report(title: "History and re-checks (issue 9)")
let full = try sample("full evaluation (`cadre evaluate`: \(count) systems × \(rules) rules)", samples: samples) {
    blackHole(Engine(workspace: open(), readsStores: false).evaluate(asOf: asOf))
}
report.add(full)

let historyFile = HistoryStore.file(in: workspace.root)
func freshHistory() throws -> HistoryStore {
    for suffix in ["", "-wal", "-shm"] { try? FileManager.default.removeItem(atPath: historyFile + suffix) }
    return try HistoryStore.open(at: historyFile)
}

let first = try sample("first re-check: everything evaluated and recorded", samples: samples) {
    blackHole(
        try Recheck(workspace: open(), history: try freshHistory(), cadreVersion: "bench", readsStores: false).run(
            asOf: asOf))
}
report.add(first)

let history = try HistoryStore.open(at: historyFile)
let unchanged = try sample("re-check, nothing changed (0 pairs evaluated)", samples: samples) {
    blackHole(
        try Recheck(workspace: open(), history: history, cadreVersion: "bench", readsStores: false).run(asOf: asOf))
}
report.add(unchanged)

var round = 0
var evaluated = 0
/// A re-check after the rule of `file` changed (its message, so its results change too).
@MainActor func oneRuleChanged(_ label: String, file: String, text: @escaping (Int) -> String) throws -> BenchmarkResult
{
    try sample(
        "re-check after one rule changed: \(label) (\(count) pairs evaluated)", samples: samples,
        prepare: {
            round += 1
            try workspace.write(file, text(round))
        },
        measure: {
            let outcome = try Recheck(workspace: open(), history: history, cadreVersion: "bench", readsStores: false)
                .run(
                    asOf: asOf)
            evaluated = outcome.plan?.evaluatedPairs ?? -1
        })
}
let typical = try oneRuleChanged("a typical rule (legal bases)", file: "bench/basis-0.lua") {
    SyntheticWorkspace.basis(0, note: "round \($0)")
}
report.add(typical)
let costly = try oneRuleChanged("the costliest rule (duration comparisons)", file: "bench/retention-0.lua") {
    SyntheticWorkspace.retention(0, message: "kept %s (\($0))")
}
report.add(costly)

let descriptor = workspace.folder.appendingPathComponent("workspace/systems/system-00000.yaml")
let oneSystem = try sample(
    "re-check after one descriptor changed (\(rules) pairs evaluated)", samples: samples,
    prepare: {
        round += 1
        let text = try String(contentsOf: descriptor, encoding: .utf8)
        try (text + "\n# edit \(round)\n").write(to: descriptor, atomically: false, encoding: .utf8)
    },
    measure: {
        blackHole(
            try Recheck(workspace: open(), history: history, cadreVersion: "bench", readsStores: false).run(asOf: asOf))
    })
report.add(oneSystem)

let size = ((try? FileManager.default.attributesOfItem(atPath: historyFile))?[.size] as? Int ?? 0) >> 20
report.note(
    "- \(count) systems × \(rules) rules = \(pairs) pairs; after one rule changed a re-check evaluated \(evaluated) pairs (\(String(format: "%.1f", 100 * Double(evaluated) / Double(pairs))) %)."
)
report.note(
    "- Re-check after one rule changed / full evaluation (medians): **\(String(format: "%.2f", typical.median / full.median))** for a typical rule, \(String(format: "%.2f", costly.median / full.median)) for the costliest; against the first re-check (which also records everything): \(String(format: "%.2f", typical.median / first.median)) and \(String(format: "%.2f", costly.median / first.median))."
)
report.note("")
report.note("Processor time (every thread, user and system; steadier than the wall clock on a shared machine):")
report.note("")
report.note("| benchmark | median processor time | / full evaluation |")
report.note("|---|---:|---:|")
for result in [full, first, unchanged, typical, costly, oneSystem] {
    report.note(
        "| \(result.name) | \(formatDuration(processor[result.name]?.median ?? 0)) | \(cpuRatio(result, full)) |")
}
report.note("")
report.note(
    "- Re-check with nothing changed / full evaluation: \(String(format: "%.2f", unchanged.median / full.median)); after one descriptor changed: \(String(format: "%.2f", oneSystem.median / full.median))."
)
report.note(
    "- History file after \(1 + 4 * samples) runs (the last first run, then the re-checks): \(size) MiB (unchanged results are stored once)."
)
report.note("- " + Report.machineLine(samples: "medians of \(samples) samples"))
print(report.markdown)
