// swift-tools-version: 6.1
//
// cadre's benchmarks: a separate package so that `make test` never builds them.
//   make bench-stores            (from the root) — or: cd Benchmarks && swift run -c release StoreBenchmarks
import PackageDescription

let package = Package(
    name: "cadre-benchmarks",
    platforms: [.macOS(.v14)],
    dependencies: [
        .package(name: "cadre", path: ".."),
        .package(url: "https://github.com/groue/GRDB.swift", from: "7.10.0"),
    ],
    targets: [
        // Stores (issue 7): retention count vs the sqlite3 shell, detector throughput vs ripgrep,
        // peak memory of scans by table size. Its own median harness and data generators.
        .executableTarget(
            name: "StoreBenchmarks",
            dependencies: [
                .product(name: "CadreStores", package: "cadre"),
                .product(name: "GRDB", package: "GRDB.swift"),
            ]
        ),
    ],
    swiftLanguageModes: [.v6]
)
