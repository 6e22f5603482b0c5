import Foundation
import Testing

#if canImport(Glibc)
    import Glibc
#endif

/// Inputs are sized before they are read and only regular files are read: a 1 GB descriptor costs
/// a read of 1 MiB, a FIFO is refused at once (docs/cli.md, "Files cadre reads").
@Suite struct InputSafetyTests {
    /// A workspace whose `systems/huge.yaml` is a sparse file of 1 GB (no disk used).
    static func workspaceWithAHugeDescriptor() throws -> TemporaryFolder {
        let workspace = try TemporaryFolder.oneFailingRule()
        let huge = workspace.url.appendingPathComponent("systems/huge.yaml").path
        #expect(FileManager.default.createFile(atPath: huge, contents: Data("cadre: system/v1\n".utf8)))
        #expect(truncate(huge, 1 << 30) == 0)
        return workspace
    }

    static let tooLarge =
        "systems/huge.yaml:1:1: error: file is larger than 1 MiB, the limit for a descriptor [file-too-large]"

    /// Quickly, and far below 100 MB of resident memory (cadre itself, with Lua and its packs,
    /// takes about 30 MB).
    static func expectCheap(_ run: MeasuredRun, _ what: String, sourceLocation: SourceLocation = #_sourceLocation) {
        #expect(run.seconds < 10, "\(what) took \(run.seconds) s", sourceLocation: sourceLocation)
        #expect(
            run.maxResidentKiB < 100 * 1024, "\(what) peaked at \(run.maxResidentKiB) KiB",
            sourceLocation: sourceLocation)
    }

    @Test func evaluateRefusesAOneGigabyteDescriptorCheaply() throws {
        let workspace = try Self.workspaceWithAHugeDescriptor()
        let run = try MeasuredRun.cadre(["evaluate", "systems/huge.yaml", "systems/a.yaml"], in: workspace.url)
        #expect(run.status == 2, "\(run.stderr)")
        #expect(run.stdout.contains(Self.tooLarge + "\n"))
        #expect(run.stdout.contains("systems/a.yaml:6:5: fail: found it"), "the other descriptor is evaluated")
        Self.expectCheap(run, "evaluate")
    }

    @Test func validateRefusesAOneGigabyteDescriptorCheaply() throws {
        let workspace = try Self.workspaceWithAHugeDescriptor()
        let run = try MeasuredRun.cadre(["validate", "systems"], in: workspace.url)
        #expect(run.status == 2)
        #expect(run.stdout.hasPrefix(Self.tooLarge + "\n"))
        Self.expectCheap(run, "validate")
    }

    @Test func recheckRefusesAOneGigabyteDescriptorCheaply() throws {
        let workspace = try Self.workspaceWithAHugeDescriptor()
        let run = try MeasuredRun.cadre(["recheck"], in: workspace.url)
        // Invalid input (the re-check's text does not list descriptors' problems; validate does).
        #expect(run.status == 2, "\(run.stderr)")
        #expect(run.stdout.contains("systems/a.yaml:6:5: fail: found it"))
        Self.expectCheap(run, "recheck")
        // A second re-check reads and hashes it again, as cheaply.
        let again = try MeasuredRun.cadre(["recheck"], in: workspace.url)
        Self.expectCheap(again, "the second recheck")
    }

    @Test func validateAndEvaluateRefuseAFIFOAtOnce() throws {
        let workspace = try TemporaryFolder.oneFailingRule()
        #expect(mkfifo(workspace.url.appendingPathComponent("systems/pipe.yaml").path, 0o600) == 0)
        let expected =
            "systems/pipe.yaml:1:1: error: is a FIFO (named pipe), not a regular file [unreadable-file]\n"
            + "    hint: cadre reads only regular files: copy the content into a file and name that file\n"
        let validate = try CadreCommand.run(["validate", "systems/pipe.yaml"], in: workspace.url, timeout: 20)
        #expect(validate.status == 2)
        #expect(validate.stdout.hasPrefix(expected))
        let evaluate = try CadreCommand.run(["evaluate", "systems/pipe.yaml"], in: workspace.url, timeout: 20)
        #expect(evaluate.status == 2)
        #expect(
            evaluate.stdout.hasPrefix(
                "systems/pipe.yaml\n" + expected.split(separator: "\n").map { "  " + $0 + "\n" }.joined()))
        // In a folder of descriptors, a FIFO is not a descriptor: the others are evaluated.
        let folder = try CadreCommand.run(["evaluate"], in: workspace.url, timeout: 20)
        #expect(folder.status == 1, "\(folder.stderr)")
    }

    @Test func aFIFOAsARuleFileOrCadreYAMLIsRefusedAtOnce() throws {
        let rule = try TemporaryFolder.oneFailingRule()
        #expect(mkfifo(rule.url.appendingPathComponent("pack/pipe.lua").path, 0o600) == 0)
        let evaluate = try CadreCommand.run(["evaluate"], in: rule.url, timeout: 20)
        #expect(evaluate.status == 2)
        #expect(
            evaluate.stdout.contains(
                "pack/pipe.lua: error: cannot read `pack/pipe.lua`: it is a FIFO (named pipe), not a regular file [unreadable-file]"
            ))

        let configuration = try TemporaryFolder.oneFailingRule()
        let file = configuration.url.appendingPathComponent("cadre.yaml").path
        try FileManager.default.removeItem(atPath: file)
        #expect(mkfifo(file, 0o600) == 0)
        let output = try CadreCommand.run(["evaluate", "--workspace", "."], in: configuration.url, timeout: 20)
        #expect(output.status == 2)
        #expect(
            (output.stdout + output.stderr).contains(
                "cadre.yaml:1:1: error: is a FIFO (named pipe), not a regular file [unreadable-file]"))
    }

    @Test func aRuleFileOverOneMebibyteIsRefused() throws {
        let padding = "-- " + String(repeating: "x", count: 1 << 20) + "\n"
        let workspace = try TemporaryFolder.oneFailingRule([
            "cadre.yaml": "cadre: workspace/v1\npacks: [./pack, ./big]\n",
            "big/pack.yaml": "cadre: pack/v1\nid: big\nversion: 1.0.0\ntitle: Big\napi: 1\n",
            "big/large.lua": padding + EvaluateCommandTests.rule("large", "ctx:fail('x')"),
        ])
        let output = try CadreCommand.run(["evaluate"], in: workspace.url)
        #expect(output.status == 2)
        #expect(
            output.stdout.contains(
                "big/large.lua: error: cannot read `big/large.lua`: it is larger than 1 MiB, the limit for a file cadre loads [file-too-large]\n"
                    + "    hint: move data out of the code, or split the file into modules (lib/)\n"))
        #expect(output.stdout.contains("systems/a.yaml:6:5: fail: found it"), "the other packs' rules run")
    }

    static let fifo = "is a FIFO (named pipe), not a regular file [unreadable-file]"

    /// A sparse file of `size` bytes at `name` in `folder`, starting with `start`.
    static func sparse(_ name: String, in folder: URL, size: Int, start: String = "{") throws -> String {
        let path = folder.appendingPathComponent(name).path
        #expect(FileManager.default.createFile(atPath: path, contents: Data(start.utf8)))
        #expect(truncate(path, off_t(size)) == 0)
        return path
    }

    @Test func aBaselineThatIsAFIFOOrTooLargeIsRefusedAtOnce() throws {
        let workspace = try TemporaryFolder.oneFailingRule()
        #expect(mkfifo(workspace.url.appendingPathComponent("pipe.json").path, 0o600) == 0)
        let pipe = try CadreCommand.run(["recheck", "--baseline", "pipe.json"], in: workspace.url, timeout: 20)
        #expect(pipe.status == 2, "\(pipe.stdout)")
        #expect(pipe.stderr.contains("pipe.json:1:1: error: \(Self.fifo)\n"), "\(pipe.stderr)")

        _ = try Self.sparse("huge.json", in: workspace.url, size: 1 << 30)
        let huge = try MeasuredRun.cadre(["recheck", "--baseline", "huge.json"], in: workspace.url)
        #expect(huge.status == 2)
        #expect(
            huge.stderr.contains(
                "huge.json:1:1: error: file is larger than 16 MiB, the limit for a baseline [file-too-large]\n"),
            "\(huge.stderr)")
        Self.expectCheap(huge, "recheck --baseline")
    }

    @Test func aCommittedBaselineLargerThanItsLimitStopsGit() throws {
        let workspace = try TemporaryFolder.oneFailingRule()
        let big = "{\"format\": \"cadre-baseline/v1\", \"pad\": \"" + String(repeating: "x", count: 64 << 20) + "\"}\n"
        try Data(big.utf8).write(to: workspace.url.appendingPathComponent("cadre.baseline.json"))
        _ = try BaselineCommandTests.git(workspace.url, "init", "-q", "-b", "main")
        _ = try BaselineCommandTests.git(workspace.url, "add", ".")
        _ = try BaselineCommandTests.git(workspace.url, "commit", "-q", "-m", "big")
        let run = try MeasuredRun.cadre(["recheck", "--since", "HEAD"], in: workspace.url)
        #expect(run.status == 2, "\(run.stdout)")
        #expect(
            run.stderr.contains(
                ":1:1: error: file is larger than 16 MiB, the limit for a baseline [file-too-large]\n"),
            "\(run.stderr)")
        // git is stopped once it has written the limit: 64 MiB are never held.
        #expect(run.seconds < 10)
        #expect(run.maxResidentKiB < 150 * 1024, "peaked at \(run.maxResidentKiB) KiB")
    }

    @Test func aLockThatIsAFIFOOrTooLargeNeverBlocksPacksUpdate() throws {
        let workspace = try TemporaryFolder.oneFailingRule()
        let lock = workspace.url.appendingPathComponent("cadre.lock").path
        #expect(mkfifo(lock, 0o600) == 0)
        let pipe = try CadreCommand.run(["packs", "update"], in: workspace.url, timeout: 20)
        #expect(pipe.status == 2)
        #expect(pipe.stderr.contains("cadre.lock:1:1: error: \(Self.fifo)\n"), "\(pipe.stderr)")

        try FileManager.default.removeItem(atPath: lock)
        _ = try Self.sparse("cadre.lock", in: workspace.url, size: 1 << 30, start: "cadre: lock/v1\n")
        let huge = try MeasuredRun.cadre(["packs", "update"], in: workspace.url)
        // Read no further than its limit, reported, then written again from cadre.yaml.
        #expect(huge.status == 0, "\(huge.stderr)")
        #expect(
            huge.stderr.contains(
                "cadre.lock:1:1: error: file is larger than 1 MiB, the limit for a descriptor [file-too-large]\n"),
            "\(huge.stderr)")
        Self.expectCheap(huge, "packs update")
        let attributes = try FileManager.default.attributesOfItem(atPath: lock)
        #expect((attributes[.size] as? Int ?? .max) < 1_024)
    }

    @Test func anOversizedCadreYAMLIsRefusedCheaply() throws {
        let workspace = try TemporaryFolder.oneFailingRule()
        try FileManager.default.removeItem(at: workspace.url.appendingPathComponent("cadre.yaml"))
        _ = try Self.sparse("cadre.yaml", in: workspace.url, size: 1 << 30, start: "cadre: workspace/v1\n")
        for arguments in [["evaluate", "--workspace", "."], ["packs", "update"]] {
            let run = try MeasuredRun.cadre(arguments, in: workspace.url)
            #expect(run.status == 2, "\(arguments)")
            #expect(
                (run.stdout + run.stderr).contains(
                    "cadre.yaml:1:1: error: file is larger than 1 MiB, the limit for a descriptor [file-too-large]"),
                "\(arguments): \(run.stderr)")
            Self.expectCheap(run, arguments.joined(separator: " "))
        }
    }
}
