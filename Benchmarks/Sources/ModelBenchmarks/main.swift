import CadreModel
import Foundation
import Yams

// Loads many descriptors of typical size — copies of the example portfolio, each with its own id —
// and reports the median time per 1,000 over several runs.
//
//   swift run -c release --package-path Benchmarks ModelBenchmarks [--count N] [--runs R]

func option(_ name: String, default value: Int) -> Int {
    guard let index = CommandLine.arguments.firstIndex(of: name), index + 1 < CommandLine.arguments.count,
        let parsed = Int(CommandLine.arguments[index + 1]), parsed > 0
    else { return value }
    return parsed
}

let count = option("--count", default: 10_000)
let runs = option("--runs", default: 5)
let examples = URL(fileURLWithPath: #filePath)
    .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    .appendingPathComponent("examples/systems")

// The corpus: the examples, copied round-robin with a fresh id each.
let templates = try FileManager.default.contentsOfDirectory(atPath: examples.path)
    .filter { $0.hasSuffix(".yaml") || $0.hasSuffix(".json") }.sorted()
    .map { try String(contentsOf: examples.appendingPathComponent($0), encoding: .utf8) }
guard !templates.isEmpty else { fatalError("no examples in \(examples.path)") }
let folder = FileManager.default.temporaryDirectory.appendingPathComponent("cadre-bench-\(UUID().uuidString)")
try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
defer { try? FileManager.default.removeItem(at: folder) }
var files: [String] = []
var bytes = 0
var lines = 0
for index in 0..<count {
    var text = templates[index % templates.count]
    for (old, new) in [("id: ", "id: n\(index)-"), ("\"id\": \"", "\"id\": \"n\(index)-")] {
        if let range = text.range(of: "\n" + old) { text.replaceSubrange(range, with: "\n" + new) }
    }
    let file = folder.appendingPathComponent(
        String(format: "system-%05d.%@", index, text.hasPrefix("{") ? "json" : "yaml"))
    try text.write(to: file, atomically: false, encoding: .utf8)
    files.append(file.path)
    bytes += text.utf8.count
    lines += text.split(separator: "\n", omittingEmptySubsequences: false).count
}

let taxonomy = try Taxonomy.bundled()
let loader = DescriptorLoader(taxonomy: taxonomy)

// Sanity: every copy must load without error, or the timings mean nothing.
let invalid = files.filter { !loader.load(fileAt: $0).isValid }
guard invalid.isEmpty else { fatalError("\(invalid.count) generated descriptors are invalid, first: \(invalid[0])") }

func perThousand(_ seconds: Double) -> String { String(format: "%.3f s", seconds * 1000 / Double(count)) }

let parseOnly = try Measurement.of(runs: runs) {
    let parser = DocumentParser()
    for file in files { _ = try parser.parse(fileAt: file) }
}
let sequential = Measurement.of(runs: runs) {
    for file in files { _ = loader.load(fileAt: file) }
}
let parallel = Measurement.of(runs: runs) {
    _ = DescriptorSet.load(paths: [folder.path], with: loader, jobs: ProcessInfo.processInfo.activeProcessorCount)
}

// Where the time goes, in memory (no file system): the same texts, round-robin.
let texts = (0..<count).map { templates[$0 % templates.count] }
let composeOnly = try Measurement.of(runs: runs) {
    for text in texts { _ = try Yams.Parser(yaml: text, resolver: .basic, encoding: .utf8).singleRoot() }
}
let parseInMemory = try Measurement.of(runs: runs) {
    let parser = DocumentParser()
    for text in texts { _ = try parser.parse(text, file: "memory.yaml") }
}
let roots = try templates.map { try DocumentParser().parse($0, file: "memory.yaml") }
let validateOnly = Measurement.of(runs: runs) {
    for index in 0..<count { _ = loader.load(roots[index % roots.count], file: "memory.yaml") }
}

print(
    """
    Descriptors: \(count) (copies of the \(templates.count) examples), \(bytes / count) bytes and \(lines / count) lines on average
    Runs: \(runs) after one warm-up; \(ProcessInfo.processInfo.activeProcessorCount) cores

    | what | median per 1,000 | fastest | slowest |
    |---|---|---|---|
    | parse only (read, YAML → located tree) | \(perThousand(parseOnly.median)) | \(perThousand(parseOnly.fastest)) | \(perThousand(parseOnly.slowest)) |
    | load (parse, validate, typed model), one thread | \(perThousand(sequential.median)) | \(perThousand(sequential.fastest)) | \(perThousand(sequential.slowest)) |
    | load a folder with `DescriptorSet`, \(ProcessInfo.processInfo.activeProcessorCount) jobs | \(perThousand(parallel.median)) | \(perThousand(parallel.fastest)) | \(perThousand(parallel.slowest)) |

    In memory, one thread:

    | what | median per 1,000 | fastest | slowest |
    |---|---|---|---|
    | Yams composer alone (the floor) | \(perThousand(composeOnly.median)) | \(perThousand(composeOnly.fastest)) | \(perThousand(composeOnly.slowest)) |
    | `DocumentParser.parse` (checks, composer, located tree) | \(perThousand(parseInMemory.median)) | \(perThousand(parseInMemory.fastest)) | \(perThousand(parseInMemory.slowest)) |
    | validation and typed model of a parsed tree | \(perThousand(validateOnly.median)) | \(perThousand(validateOnly.fastest)) | \(perThousand(validateOnly.slowest)) |
    """)
