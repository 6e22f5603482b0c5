import Foundation
import Testing

/// Hostile rules as a user meets them: through `cadre evaluate`, `cadre policies list` and `cadre
/// test`, measured on the `cadre` process itself. Each command ends in seconds with the limit
/// named; the process's peak memory stays within the workspace's limits plus cadre's own needs.
@Suite struct HostileRuleCommandTests {
    static let pack = "cadre: pack/v1\nid: t\nversion: 1.0.0\ntitle: T\napi: 1\n"
    static let cLoop = "table.move({}, 1, math.maxinteger - 1, 2, {})"
    /// What cadre itself holds beyond what the limits allow rules (the engine, the packs, the
    /// report): measured at about 40 MB on the example workspace; twice that, for the margin.
    static let overhead = 80 << 20

    /// A workspace of `systems` copies of a small system with the rules given.
    func workspace(_ rules: [String: String], systems: Int = 1, limits: String) throws -> TemporaryFolder {
        var files = [
            "cadre.yaml": "cadre: workspace/v1\npacks: [./pack]\nlimits: \(limits)\n", "pack/pack.yaml": Self.pack,
        ]
        for (name, source) in rules { files["pack/\(name)"] = source }
        for index in 1...systems {
            files["systems/s\(index).yaml"] = EvaluateCommandTests.descriptor.replacingOccurrences(
                of: "id: a\n", with: "id: s\(index)\n")
        }
        return try TemporaryFolder(files: files)
    }

    @Test(arguments: [["policies", "list"], ["evaluate"], ["test"]])
    func aCLoopAtARuleFilesTopLevelEndsEveryCommand(_ command: [String]) throws {
        let folder = try workspace(
            ["loop.lua": "-- loops in C\n\(Self.cLoop)\nreturn {}", "fine.lua": EvaluateCommandTests.rule("fine", "")],
            limits: "{ instructions: 1000000, deadline_ms: 2000 }")
        let run = try MeasuredRun.cadre(command, in: folder.url, timeout: 60)
        #expect(run.status == 2)
        #expect((run.stdout + run.stderr).contains("pack/loop.lua:2"), "\(run.stdout)\(run.stderr)")
        #expect((run.stdout + run.stderr).contains("instruction limit exceeded"))
        #expect(run.seconds < 30)
    }

    @Test func aReplacementBombErrsWithinItsMemory() throws {
        let folder = try workspace(
            [
                "bomb.lua": EvaluateCommandTests.rule(
                    "bomb",
                    "local r = string.rep('x', 16 << 20) local s = ('abcdefgh'):rep(64):gsub('.', r) ctx:fail('%d', #s)"
                ),
                "fine.lua": EvaluateCommandTests.rule("fine", "ctx:fail('found it')"),
            ], limits: "{ memory_mb: 48, deadline_ms: 30000 }")
        let run = try MeasuredRun.cadre(["evaluate", "--format", "json", "--jobs", "1"], in: folder.url)
        #expect(run.status == 1)
        #expect(run.stdout.contains("\"kind\" : \"memory-limit\""))
        #expect(run.stdout.contains("found it"))
        #expect(run.maxResidentKiB << 10 < (48 << 20) + Self.overhead, "peak \(run.maxResidentKiB >> 10) MiB")
    }

    @Test func fortyHugeMessagesMakeASmallReport() throws {
        let folder = try workspace(
            [
                "loud.lua": EvaluateCommandTests.rule(
                    "loud", "local m = string.rep('m', 16 << 20) for i = 1, 40 do ctx:fail(m) end"),
                "evidence.lua": EvaluateCommandTests.rule(
                    "evidence",
                    "local e = {} for i = 1, 200000 do e[i] = 'entry ' .. i end ctx:fail({node = system, evidence = e}, 'listed')"
                ),
            ], limits: "{ memory_mb: 48, instructions: 20000000, deadline_ms: 30000 }")
        for format in ["json", "text", "markdown", "sarif", "junit"] {
            let run = try MeasuredRun.cadre(["evaluate", "--format", format, "--jobs", "1"], in: folder.url)
            #expect(run.status == 1, "\(format): \(run.stderr)")
            #expect(run.stdout.utf8.count < 1 << 20, "\(format): \(run.stdout.utf8.count) bytes")
            #expect(run.stdout.contains("more bytes)"), "\(format)")
            #expect(
                run.maxResidentKiB << 10 < (48 << 20) + Self.overhead, "\(format): peak \(run.maxResidentKiB >> 10) MiB"
            )
        }
    }

    @Test func aRuleThatHoardsCannotGrowTheProcess() throws {
        // 25 MiB kept per system, 40 systems: a megabyte short of a gigabyte if nothing stopped it.
        let folder = try workspace(
            [
                "hoard.lua":
                    "kept = {}\nreturn { id = 't.hoard', title = 'hoard', severity = 'high', references = {'T 1'}, check = function(system) kept[#kept + 1] = string.rep('x', 25 << 20) .. system.id end }\n",
                "fine.lua": EvaluateCommandTests.rule("fine", "ctx:fail('found it')"),
            ], systems: 40, limits: "{ memory_mb: 48, deadline_ms: 30000 }")
        let run = try MeasuredRun.cadre(["evaluate", "--format", "json", "--jobs", "2"], in: folder.url, timeout: 300)
        #expect(run.status == 1)
        let report = try #require(try JSONSerialization.jsonObject(with: Data(run.stdout.utf8)) as? [String: Any])
        let systems = try #require(report["systems"] as? [[String: Any]])
        #expect(systems.count == 40)
        for system in systems {
            let results = try #require(system["results"] as? [[String: Any]])
            let hoard = try #require(results.first { $0["rule"] as? String == "t.hoard" })
            #expect(hoard["status"] as? String == "error")
            #expect((hoard["failure"] as? [String: Any])?["kind"] as? String == "memory-limit")
            #expect(results.first { $0["rule"] as? String == "t.fine" }?["status"] as? String == "fail")
        }
        // Two workers, each at most one call's memory and what its rules may keep.
        #expect(
            run.maxResidentKiB << 10 < 2 * ((48 << 20) + (16 << 20)) + Self.overhead,
            "peak \(run.maxResidentKiB >> 10) MiB")
    }
}
