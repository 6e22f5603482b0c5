// swift-tools-version: 6.1
//
// cadre — a governance workbench for AI in customer service.
// The targets follow the layers of docs/architecture.md; imports only point down:
//   cadre → CadreReports, CadreHistory → CadreEngine → CadreStores, LuaHost → CadreModel / CLua
import PackageDescription

let package = Package(
    name: "cadre",
    platforms: [.macOS(.v14)],
    products: [
        .executable(name: "cadre", targets: ["cadre"]),
        .library(name: "LuaHost", targets: ["LuaHost"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
    ],
    targets: [
        // Lua 5.4 from the system (Debian: liblua5.4-dev), plus the few pieces that must be C.
        .systemLibrary(
            name: "CLua",
            pkgConfig: "lua5.4",
            providers: [.apt(["liblua5.4-dev", "pkg-config"]), .brew(["lua"])]
        ),
        // A sandboxed, limited Lua state. Knows nothing of compliance.
        .target(
            name: "LuaHost",
            dependencies: ["CLua"]
        ),
        // The command line: thin, parses flags and calls the targets above.
        .executableTarget(
            name: "cadre",
            dependencies: [
                "LuaHost",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]
        ),
        .testTarget(name: "LuaHostTests", dependencies: ["LuaHost", "CLua"]),
    ],
    swiftLanguageModes: [.v6]
)
