// swift-tools-version: 6.1
//
// cadre's benchmarks: a separate package so `make test` never builds them.
// Run one suite with `make bench-lua` (see the Makefile); figures go to BENCHMARKS.md.
import PackageDescription

let package = Package(
    name: "cadre-benchmarks",
    platforms: [.macOS(.v14)],
    dependencies: [
        .package(name: "cadre", path: ".."),
    ],
    targets: [
        // Timing, medians and Markdown tables shared by every suite.
        .target(name: "BenchmarkKit"),
        .executableTarget(
            name: "LuaHostBenchmarks",
            dependencies: ["BenchmarkKit", .product(name: "LuaHost", package: "cadre")]
        ),
    ],
    swiftLanguageModes: [.v6]
)
