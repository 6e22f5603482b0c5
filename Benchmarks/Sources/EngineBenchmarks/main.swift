// Benchmarks of the evaluation engine (issue 4): rule evaluations per second on synthetic
// workspaces of 1,000 and 10,000 systems against the bundled packs, scaling from 1 to 2 jobs,
// peak memory, and the wall time of `cadre evaluate` on one system.
//
//   make bench-engine
//   EngineBenchmarks                 the whole suite (prints a Markdown section for BENCHMARKS.md)
//   EngineBenchmarks memory N JOBS   one evaluation of N systems; prints the peak resident memory
import BenchmarkKit
import CadreEngine
import CadreModel
import Foundation

let repository = URL(fileURLWithPath: #filePath)
    .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

/// A workspace of `count` systems: the examples, copied round-robin, each with its own id.
func syntheticWorkspace(count: Int) throws -> URL {
    let examples = repository.appendingPathComponent("examples/systems")
    let templates = try FileManager.default.contentsOfDirectory(atPath: examples.path)
        .filter { $0.hasSuffix(".yaml") || $0.hasSuffix(".json") }.sorted()
        .map { try String(contentsOf: examples.appendingPathComponent($0), encoding: .utf8) }
    let folder = FileManager.default.temporaryDirectory.appendingPathComponent(
        "cadre-engine-bench-\(count)-\(UUID().uuidString)")
    let systems = folder.appendingPathComponent("systems")
    try FileManager.default.createDirectory(at: systems, withIntermediateDirectories: true)
    for index in 0..<count {
        var text = templates[index % templates.count]
        if let range = text.range(of: #"(?m)^id: |^  "id": ""#, options: .regularExpression) {
            text.replaceSubrange(range, with: text[range] + "n\(index)-")
        }
        let name = String(format: "system-%05d.%@", index, text.hasPrefix("{") ? "json" : "yaml")
        try text.write(to: systems.appendingPathComponent(name), atomically: false, encoding: .utf8)
    }
    let packs = ["gdpr", "cnil", "ai-act"].map { repository.appendingPathComponent("policies/\($0)").path }
    try """
    cadre: workspace/v1
    systems: [systems]
    packs: [\(packs.joined(separator: ", "))]
    """.write(to: folder.appendingPathComponent("cadre.yaml"), atomically: false, encoding: .utf8)
    return folder
}

func evaluate(_ folder: URL, jobs: Int) throws -> Evaluation {
    let workspace = Workspace.open(at: folder.path, taxonomy: try Taxonomy.bundled())
    let evaluation = Engine(workspace: workspace, jobs: jobs, readsStores: false).evaluate(
        asOf: ISODate(year: 2026, month: 11, day: 29)!)
    guard !evaluation.hasInvalidInput else {
        FileHandle.standardError.write(
            "invalid input: \(evaluation.diagnostics.first.map { "\($0)" } ?? "a descriptor")\n".data(using: .utf8)!)
        exit(1)
    }
    return evaluation
}

/// The peak resident memory of this process (VmHWM), in bytes.
func peakMemory() -> Int {
    guard let status = try? String(contentsOfFile: "/proc/self/status", encoding: .utf8),
        let line = status.split(separator: "\n").first(where: { $0.hasPrefix("VmHWM:") }),
        let kb = Int(line.split(separator: " ").dropFirst().first { !$0.isEmpty } ?? "")
    else { return 0 }
    return kb * 1024
}

/// Runs this program again (a fresh process, so its peak memory is the evaluation's own).
func peakMemoryInFreshProcess(count: Int, jobs: Int) throws -> Int {
    let process = Process()
    process.executableURL = URL(fileURLWithPath: CommandLine.arguments[0])
    process.arguments = ["memory", String(count), String(jobs)]
    let pipe = Pipe()
    process.standardOutput = pipe
    try process.run()
    process.waitUntilExit()
    let text = String(decoding: pipe.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
    return Int(text.trimmingCharacters(in: .whitespacesAndNewlines)) ?? 0
}

/// Runs `program` with its output discarded and waits for it with `waitpid`: Foundation's
/// `Process.waitUntilExit` polls every 50 ms on Linux, which would be measured too.
func runToExit(_ program: String, _ arguments: [String]) {
    var actions = posix_spawn_file_actions_t()
    posix_spawn_file_actions_init(&actions)
    defer { posix_spawn_file_actions_destroy(&actions) }
    posix_spawn_file_actions_addopen(&actions, 1, "/dev/null", O_WRONLY, 0)
    posix_spawn_file_actions_addopen(&actions, 2, "/dev/null", O_WRONLY, 0)
    let argv = ([program] + arguments).map { strdup($0) } + [nil]
    defer { for argument in argv { free(argument) } }
    var pid: pid_t = 0
    guard posix_spawn(&pid, program, &actions, nil, argv, environ) == 0 else { return }
    var status: Int32 = 0
    _ = waitpid(pid, &status, 0)
}

func run() throws {
    var report = Report(title: "Evaluation engine (issue 4)")
    var notes: [String] = []
    for count in [1_000, 10_000] {
        let folder = try syntheticWorkspace(count: count)
        defer { try? FileManager.default.removeItem(at: folder) }
        // A first evaluation warms the file cache and gives the counts; it is dropped before the
        // samples, as no earlier evaluation is alive when `cadre evaluate` runs.
        let (pairs, ran, ruleCount) = try {
            let warm = try evaluate(folder, jobs: 2)
            return (warm.summary.results, warm.summary.results - warm.summary.count(.skipped), warm.rules.count)
        }()
        var medians: [Int: Double] = [:]
        for jobs in [1, 2] {
            let result = measure(
                "\(count) systems × \(ruleCount) rules, \(jobs) job\(jobs == 1 ? "" : "s") (load + evaluate)",
                iterations: 1, samples: count >= 10_000 ? 3 : 5
            ) {
                blackHole(try? evaluate(folder, jobs: jobs))
            }
            report.add(result)
            medians[jobs] = result.median
            let perSecond = Double(pairs) / (result.median / 1e9)
            notes.append(
                String(
                    format:
                        "- %d systems, %d job%@: %.0f rule evaluations per second (%d pairs, %d of them run, the rest skipped by dates or `applies`), %.2f ms per system.",
                    count, jobs, jobs == 1 ? "" : "s", perSecond, pairs, ran, result.median / 1e6 / Double(count)))
        }
        if let one = medians[1], let two = medians[2] {
            notes.append(String(format: "- %d systems: 2 jobs are %.2f× as fast as 1.", count, one / two))
        }
    }
    let memory = try peakMemoryInFreshProcess(count: 10_000, jobs: 2)
    notes.append(
        String(
            format: "- Peak resident memory evaluating 10,000 systems with 2 jobs: %.0f MiB (target under 300 MB).",
            Double(memory) / 1_048_576))

    // `cadre evaluate` on one system, the release binary, as a user runs it.
    let cadre = repository.appendingPathComponent(".build/release/cadre")
    if FileManager.default.isExecutableFile(atPath: cadre.path) {
        let folder = try syntheticWorkspace(count: 1)
        defer { try? FileManager.default.removeItem(at: folder) }
        report.add(
            measure(
                "`cadre evaluate` on one system (release binary, process start to exit)", iterations: 1, samples: 21
            ) {
                runToExit(cadre.path, ["evaluate", "--workspace", folder.path, "--no-stores", "--format", "json"])
            }, targetNanoseconds: 150_000_000)
    } else {
        notes.append("- `cadre evaluate` on one system: build the release binary first (`make build`).")
    }
    for note in notes { report.note(note) }
    report.note(
        "- " + Report.machineLine(samples: "medians of 5 samples (1,000 systems), 3 (10,000 systems), 21 (one system)"))
    print(report.markdown)
}

let arguments = CommandLine.arguments
if arguments.count == 3, arguments[1] == "generate", let count = Int(arguments[2]) {
    // A synthetic workspace left on disk, for profiling: prints its folder.
    print(try syntheticWorkspace(count: count).path)
} else if arguments.count >= 4, arguments[1] == "evaluate-folder", let jobs = Int(arguments[3]) {
    // One evaluation of a folder (for a process of its own), or REPEAT of them in this process,
    // each timed on standard error.
    let repeats = arguments.count >= 5 ? Int(arguments[4]) ?? 1 : 1
    for _ in 0..<repeats {
        let start = DispatchTime.now().uptimeNanoseconds
        blackHole(try evaluate(URL(fileURLWithPath: arguments[2]), jobs: jobs))
        if repeats > 1 {
            FileHandle.standardError.write(
                Data(String(format: "%.2f s\n", Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9).utf8))
        }
    }
} else if arguments.count == 4, arguments[1] == "profile", let count = Int(arguments[2]), let jobs = Int(arguments[3]) {
    // One evaluation, for callgrind: `valgrind --tool=callgrind EngineBenchmarks profile 200 1`.
    let folder = try syntheticWorkspace(count: count)
    defer { try? FileManager.default.removeItem(at: folder) }
    blackHole(try evaluate(folder, jobs: jobs))
} else if arguments.count == 4, arguments[1] == "memory", let count = Int(arguments[2]), let jobs = Int(arguments[3]) {
    let folder = try syntheticWorkspace(count: count)
    defer { try? FileManager.default.removeItem(at: folder) }
    blackHole(try evaluate(folder, jobs: jobs))
    print(peakMemory())
} else {
    try run()
}
