// swift-tools-version: 6.1
//
// cadre's benchmarks: a package of its own, so that `make test` never builds them.
// Run a suite with `make bench-lua`, `make bench-model`… (release builds); figures go to BENCHMARKS.md.
import PackageDescription

// A local dependency is named after its folder: the repository's, whatever the clone is called.
let root = Context.packageDirectory.split(separator: "/").dropLast().last.map(String.init) ?? "cadre"

let package = Package(
    name: "cadre-benchmarks",
    platforms: [.macOS(.v14)],
    dependencies: [
        .package(path: ".."),
        // To time the YAML composer on its own, the floor under cadre's parsing.
        .package(url: "https://github.com/jpsim/Yams", from: "6.2.2"),
        // To build the stores' benchmark data.
        .package(url: "https://github.com/groue/GRDB.swift", from: "7.10.0"),
    ],
    targets: [
        // Timing, medians and Markdown tables shared by every suite.
        .target(name: "BenchmarkKit"),
        // The Lua host (issue 2): states, calls both ways, read-only trees, the cost of limits.
        .executableTarget(
            name: "LuaHostBenchmarks",
            dependencies: ["BenchmarkKit", .product(name: "LuaHost", package: root)]
        ),
        // Loading descriptors (issue 3): read, parse, validate, build the typed model.
        .executableTarget(
            name: "ModelBenchmarks",
            dependencies: [.product(name: "CadreModel", package: root), .product(name: "Yams", package: "Yams")]
        ),
        // The evaluation engine (issue 4): throughput on 1,000 and 10,000 systems, scaling, memory.
        .executableTarget(
            name: "EngineBenchmarks",
            dependencies: [
                "BenchmarkKit", .product(name: "CadreEngine", package: root),
                .product(name: "CadreModel", package: root),
            ]
        ),
        // Stores (issue 7): retention count vs the sqlite3 shell, detector throughput vs ripgrep,
        // peak memory of scans by table size. Its own median harness and data generators.
        .executableTarget(
            name: "StoreBenchmarks",
            dependencies: [
                .product(name: "CadreStores", package: root),
                .product(name: "GRDB", package: "GRDB.swift"),
            ]
        ),
        // History and re-checks (issue 9): a full run against a re-check after one rule changed,
        // on 10,000 synthetic systems and 20 rules.
        .executableTarget(
            name: "HistoryBenchmarks",
            dependencies: [
                "BenchmarkKit", .product(name: "CadreEngine", package: root),
                .product(name: "CadreHistory", package: root),
                .product(name: "CadreModel", package: root),
            ]
        ),
        // Plugins (issue 8): Lua detectors (pattern in Swift, validation in Lua) against the
        // native ones, in MB/s. The Fides comparison is plugins/fides/compare/benchmark.py.
        .executableTarget(
            name: "PluginBenchmarks",
            dependencies: [
                "BenchmarkKit",
                .product(name: "CadreEngine", package: root),
                .product(name: "CadreStores", package: root),
                .product(name: "CadreModel", package: root),
            ]
        ),
    ],
    swiftLanguageModes: [.v6]
)
