import CadreModel
import Foundation
import LuaHost
import Testing

@testable import CadreEngine

/// What an importer's `ctx:warn`/`ctx:fail` and a pack test's `expect` hand the host is bounded as
/// a rule's findings are (`FindingSink`): each message cut to 4 KiB, at most 1,000 of them and
/// 1 MiB of their text, then one note saying how many more were not kept.
@Suite struct HostileNotesTests {
    static let limits = LuaLimits(memoryBytes: 64 << 20, instructions: 50_000_000, deadline: .seconds(5))

    func runImport(_ body: String) throws -> (ImportResult, Duration) {
        let (runtime, workspace) = try PluginImportAndReportTests().runtime(
            importer: "return {format = 'x', import = function(files, ctx) \(body) return {} end}", limits: Self.limits)
        let clock = ContinuousClock()
        var result: ImportResult?
        let elapsed = clock.measure {
            result = runtime.runImport(format: "x", paths: [workspace.root.appendingPathComponent("input.yaml").path])
        }
        return (try #require(result), elapsed)
    }

    @Test func anImportersHugeNotesAreCutAndSaySo() throws {
        let (result, elapsed) = try runImport(
            "local big = string.rep('x', 8 << 20) for i = 1, 40 do ctx:warn(files[1].data, big) end")
        #expect(elapsed < .seconds(7))
        let notes = result.diagnostics.filter { $0.code == .importNote }
        #expect(notes.count == 40)
        for note in notes {
            #expect(note.message.utf8.count < FindingSink.messageLimit + 32)
            #expect(note.message.hasSuffix("…(8,384,512 more bytes)"), "\(note.message.suffix(40))")
        }
    }

    @Test func anImporterThatWarnsInALoopKeepsAThousandNotes() throws {
        let (result, elapsed) = try runImport(
            "local big = string.rep('y', 4000) for i = 1, 200000 do pcall(ctx.warn, ctx, nil, big) end")
        #expect(elapsed < .seconds(7))
        let notes = result.diagnostics.filter { $0.code == .importNote }
        #expect(notes.count <= FindingSink.capacity + 1)
        #expect(notes.reduce(0) { $0 + $1.message.utf8.count } <= FindingSink.byteCapacity + 1_024)
        let last = try #require(notes.last)
        #expect(last.severity == .warning)
        #expect(
            last.message
                == "199,738 more notes of the importer were not kept (an importer keeps 1,000 notes and 1 MiB of their text at most)"
        )
    }

    @Test func anErrorNotePastTheCapStillFailsTheImport() throws {
        let (result, _) = try runImport("for i = 1, 1500 do ctx:warn(nil, 'w') end ctx:fail(nil, 'the last one')")
        #expect(result.files.isEmpty)
        let last = try #require(result.diagnostics.last)
        #expect(last.isError)
        #expect(last.message.hasPrefix("501 more notes of the importer were not kept"))
    }

    @Test func failingExpectationsCaughtInALoopAreBounded() throws {
        // Test code runs under ten times the deadline: 10 s.
        let limits = LuaLimits(memoryBytes: 256 << 20, instructions: 100_000_000, deadline: .seconds(1))
        let clock = ContinuousClock()
        var report: TestReport?
        let elapsed = try clock.measure {
            report = try TestRunnerTests.runTests(
                [
                    "flood_test.lua": """
                    it("floods", function()
                      local big = string.rep("z", 256 << 10)
                      for i = 1, 2 do pcall(function() expect(big):to_be(big .. "!") end) end
                      for i = 1, 5000 do pcall(function() expect(i):to_be(-i) end) end
                    end)
                    """
                ],
                limits: limits)
        }
        #expect(elapsed < .seconds(12))
        let flood = try #require(report?.cases.first)
        #expect(flood.status == .fail)
        let failures = flood.failures
        #expect(failures.count <= FindingSink.capacity + 1)
        let bytes = failures.reduce(0) {
            $0 + $1.message.utf8.count + ($1.expected?.utf8.count ?? 0) + ($1.actual?.utf8.count ?? 0)
        }
        #expect(bytes <= FindingSink.byteCapacity + 1_024)
        let first = try #require(failures.first)
        #expect(first.message.utf8.count < FindingSink.messageLimit + 32)
        #expect(first.message.hasPrefix("expected \"zzz"))
        #expect(first.message.hasSuffix("more bytes)"))
        #expect(first.expected?.hasSuffix("…(258,051 more bytes)") == true, "\(first.expected?.suffix(30) ?? "")")
        #expect(first.actual?.utf8.count ?? .max < FindingSink.messageLimit + 32)
        #expect(failures[2].message == "expected -1, got 1")
        #expect(
            failures.last?.message
                == "4,002 more failures were not kept (a test keeps 1,000 failures and 1 MiB of their text at most)")
    }
}
