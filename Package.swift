// swift-tools-version: 6.1
//
// cadre — a governance workbench for AI in customer service.
// The targets follow the layers of docs/architecture.md; imports only point down:
//   cadre → CadreReports, CadreHistory (→ CZstd) → CadreEngine → CadreStores, LuaHost → CadreModel / CLua
import PackageDescription

let package = Package(
    name: "cadre",
    platforms: [.macOS(.v15)],
    products: [
        .executable(name: "cadre", targets: ["cadre"]),
        .library(name: "LuaHost", targets: ["LuaHost"]),
        .library(name: "CadreModel", targets: ["CadreModel"]),
        .library(name: "CadreEngine", targets: ["CadreEngine"]),
        .library(name: "CadreStores", targets: ["CadreStores"]),
        .library(name: "CadreHistory", targets: ["CadreHistory"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
        .package(url: "https://github.com/jpsim/Yams", from: "6.2.2"),
        .package(url: "https://github.com/apple/swift-crypto", "3.12.3"..<"5.0.0"),
        .package(url: "https://github.com/groue/GRDB.swift", from: "7.10.0"),
        .package(url: "https://github.com/vapor/postgres-nio", from: "1.33.2"),
        .package(url: "https://github.com/apple/swift-nio", from: "2.101.2"),
        .package(url: "https://github.com/apple/swift-nio-ssl", from: "2.37.6"),
        .package(url: "https://github.com/apple/swift-log", from: "1.16.2"),
    ],
    targets: [
        // Lua 5.4 from the system (Debian: liblua5.4-dev), plus the few pieces that must be C.
        .systemLibrary(
            name: "CLua",
            pkgConfig: "lua5.4",
            providers: [.apt(["liblua5.4-dev", "pkg-config"]), .brew(["lua"])]
        ),
        // Zstandard from the system (Debian: libzstd-dev): the history compresses what it records.
        .systemLibrary(
            name: "CZstd",
            pkgConfig: "libzstd",
            providers: [.apt(["libzstd-dev", "pkg-config"]), .brew(["zstd"])]
        ),
        // A sandboxed, limited Lua state. Knows nothing of compliance.
        .target(
            name: "LuaHost",
            dependencies: ["CLua"]
        ),
        // The vocabulary: descriptors, taxonomy, dates and durations, source locations, diagnostics.
        .target(
            name: "CadreModel",
            dependencies: ["Yams"],
            resources: [.copy("Resources/taxonomy.yaml")]
        ),
        // Packs, rules, the `cadre` Lua API, waivers, the evaluation pool.
        .target(
            name: "CadreEngine",
            dependencies: [
                "LuaHost", "CadreModel", "CadreStores", "Yams", .product(name: "Crypto", package: "swift-crypto"),
            ],
            resources: [.copy("Resources/prelude.lua"), .copy("Resources/test-prelude.lua")]
        ),
        // The run history (.cadre/history.sqlite), re-checks of what changed, diffs between runs,
        // the timeline of obligations, watching a workspace, posting to webhooks (NIO, NIOSSL).
        .target(
            name: "CadreHistory",
            dependencies: [
                "CadreEngine", "CadreModel", "CadreReports", "CZstd",
                .product(name: "GRDB", package: "GRDB.swift"),
                .product(name: "Crypto", package: "swift-crypto"),
                .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "NIOPosix", package: "swift-nio"),
                .product(name: "NIOSSL", package: "swift-nio-ssl"),
            ]
        ),
        // Output formats: text, JSON, SARIF 2.1.0, JUnit XML, Markdown, HTML.
        .target(name: "CadreReports", dependencies: ["CadreEngine", "CadreModel"]),
        // Store connectors (SQLite, PostgreSQL, CSV/JSONL), pushdown queries, streaming scans,
        // personal-data detectors, redaction. Knows nothing of Lua; takes the vocabulary (store
        // engines, `${VAR}` templates, the calendar) from CadreModel.
        .target(
            name: "CadreStores",
            dependencies: [
                "CadreModel",
                .product(name: "GRDB", package: "GRDB.swift"),
                .product(name: "GRDBSQLite", package: "GRDB.swift"),
                .product(name: "PostgresNIO", package: "postgres-nio"),
                .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "NIOPosix", package: "swift-nio"),
                .product(name: "NIOConcurrencyHelpers", package: "swift-nio"),
                .product(name: "NIOSSL", package: "swift-nio-ssl"),
                .product(name: "Logging", package: "swift-log"),
            ]
        ),
        // The command line: thin, parses flags and calls the targets above.
        .executableTarget(
            name: "cadre",
            dependencies: [
                "LuaHost",
                "CadreModel",
                "CadreEngine",
                "CadreReports",
                "CadreHistory",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]
        ),
        .testTarget(name: "LuaHostTests", dependencies: ["LuaHost", "CLua"]),
        .testTarget(
            name: "CadreModelTests",
            dependencies: ["CadreModel", "CadreTestSupport"],
            resources: [.copy("Fixtures")]
        ),
        // What several test targets share: temporary workspaces' files, the descriptors they write.
        .target(name: "CadreTestSupport", path: "Tests/CadreTestSupport"),
        .testTarget(
            name: "CadreEngineTests",
            dependencies: [
                "CadreEngine", "CadreReports", "LuaHost", "CadreTestSupport",
                .product(name: "GRDB", package: "GRDB.swift"),
            ]
        ),
        .testTarget(name: "CadreReportsTests", dependencies: ["CadreReports", "CadreEngine", "CadreModel"]),
        .testTarget(
            name: "CadreHistoryTests",
            dependencies: [
                "CadreHistory", "CadreEngine", "CadreTestSupport", .product(name: "GRDB", package: "GRDB.swift"),
            ]
        ),
        // Runs the built `cadre` binary (swift build builds it before the tests), and reads the
        // history it writes as cadre reads it.
        .testTarget(
            name: "CadreEndToEndTests",
            dependencies: ["CadreTestSupport", "CadreHistory", .product(name: "GRDB", package: "GRDB.swift")],
            resources: [.copy("Scripts")]
        ),
        .testTarget(
            name: "CadreStoresTests",
            dependencies: [
                "CadreStores", "CadreModel", "CadreTestSupport",
                .product(name: "GRDB", package: "GRDB.swift"),
                .product(name: "PostgresNIO", package: "postgres-nio"),
                .product(name: "NIOPosix", package: "swift-nio"),
                .product(name: "Logging", package: "swift-log"),
            ]
        ),
    ],
    swiftLanguageModes: [.v6]
)
