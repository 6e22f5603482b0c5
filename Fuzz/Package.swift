// swift-tools-version: 6.1
//
// cadre's fuzzers: a package of its own, so that `make test` never builds them, built with
// libFuzzer (`swift build --sanitize fuzzer`, which instruments every module and links libFuzzer's
// `main`). Each fuzzer is an executable target whose entry point is `LLVMFuzzerTestOneInput`.
// Run them with `make fuzz` (a short run, as CI does) or scripts/fuzz.sh (longer); see
// docs/fuzzing.md.
import PackageDescription

// A local dependency is named after its folder: the repository's, whatever the clone is called.
let root = Context.packageDirectory.split(separator: "/").dropLast().last.map(String.init) ?? "cadre"

let package = Package(
    name: "cadre-fuzz",
    platforms: [.macOS(.v15)],
    dependencies: [.package(path: "..")],
    targets: [
        // Bytes as a descriptor file, as `cadre validate` and `cadre evaluate` load one; the parsed
        // tree through DocumentArchive and back; bytes as an archive.
        .executableTarget(
            name: "DescriptorFuzzer",
            dependencies: [.product(name: "CadreModel", package: root)]
        ),
        // Bytes as a rule file of a bundled pack, loaded and run as an evaluation does.
        .executableTarget(
            name: "RuleFuzzer",
            dependencies: [
                .product(name: "CadreEngine", package: root), .product(name: "CadreModel", package: root),
                .product(name: "LuaHost", package: root),
            ]
        ),
    ],
    swiftLanguageModes: [.v6]
)
