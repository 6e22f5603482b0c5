import CadreEngine
import CadreModel
import Foundation
import Testing

/// Plugins written to break cadre are contained exactly like hostile rules: a file that loops,
/// eats memory, reaches for what the sandbox removed or returns the wrong types is reported with
/// its file and line, and every other rule still runs; a detector that misbehaves during a scan
/// fails the rule that scanned as a `plugin` error at the plugin's line.
@Suite struct HostilePluginTests {
    static let descriptor = TemporaryWorkspace.descriptor(
        id: "a",
        extra: """
            stores:
              - id: crm
                engine: sqlite
                url: crm.sqlite
                tables:
                  - name: notes
                    columns: { author: user.name }
                    free_text: [body]
            """)

    static let scanRule = TemporaryWorkspace.rule(
        "scan",
        check: """
            local report = ctx:store("crm"):scan("notes", { detectors = { "badge" } })
            ctx:info("%d badges", report.detectors.badge.matches)
            """)
    static let plainRule = TemporaryWorkspace.rule("plain", check: "ctx:info('still running')")

    /// A workspace whose plugin `plug` has one detector file, `detectors.lua`, and a store of notes.
    func evaluate(detectors source: String, limits: String = "") throws -> Evaluation {
        try HostileDetectorWorkspace(
            detectors: source, rules: ["scan.lua": Self.scanRule, "plain.lua": Self.plainRule], limits: limits,
            notes: ["badge B1234 seen", "nothing", "B9999 and B1111"]
        ).evaluate()
    }

    static func detector(validate: String, redact: String? = nil) -> String {
        """
        return {
          name = "badge",
          category = "user.government_id.badge",
          pattern = "%f[%w](B%d%d%d%d)%f[%W]",
          validate = function(candidate)
            \(validate)
          end,
          \(redact.map { "redact = function(match) \($0) end," } ?? "")
        }
        """
    }

    @Test func aWellBehavedDetectorScansBesideTheNativeOnes() throws {
        let evaluation = try evaluate(detectors: Self.detector(validate: "return candidate ~= 'B1111'"))
        #expect(evaluation.diagnostics.filter(\.isError).isEmpty)
        #expect(evaluation.result("test.scan")?.findings.map(\.message) == ["2 badges"])
    }

    @Test func aLoopingValidationFunctionFailsThePluginNotTheRun() throws {
        let evaluation = try evaluate(
            detectors: Self.detector(validate: "while true do end"), limits: "limits: { instructions: 200000 }")
        let scan = try #require(evaluation.result("test.scan"))
        #expect(scan.status == .error)
        #expect(scan.failure?.kind == "plugin")
        #expect(scan.failure?.message.hasPrefix("detector `badge` of plugin plug failed:") == true)
        #expect(scan.failure?.message.contains("instruction limit exceeded") == true)
        #expect(scan.failure?.location?.file.hasSuffix("plug/detectors.lua") == true)
        #expect(scan.failure?.location?.line == 6)
        #expect(evaluation.result("test.plain")?.status == .pass)
    }

    @Test func aMemoryBombInValidateIsStopped() throws {
        let evaluation = try evaluate(
            detectors: Self.detector(validate: "local t = {} while true do t[#t + 1] = candidate:rep(1000) end"),
            limits: "limits: { memory_mb: 8 }")
        let scan = try #require(evaluation.result("test.scan"))
        #expect(scan.failure?.kind == "plugin")
        #expect(scan.failure?.message.contains("memory limit exceeded") == true)
        #expect(evaluation.result("test.plain")?.status == .pass)
    }

    /// Each plugin's detectors run in a state of their own: a detector that keeps memory until its
    /// state is full fails its own scans, and another plugin's detector (the bundled `pii-fr`
    /// plates) still works in the same worker.
    @Test func aHoardingDetectorFailsItselfNotAnotherPlugins() throws {
        let hoarder = """
            local hoard, calls = {}, 0
            local sizes = { 1 << 20, 1 << 16, 1 << 12, 1 << 8, 16 }
            return {
              name = "mail",
              category = "user.contact.email",
              pattern = "[%w.]+@[%w.]+%.%a+",
              validate = function(candidate)
                -- Fills the state to the last bytes: larger blocks first, smaller ones each call.
                calls = calls + 1
                local size = sizes[calls] or 16
                while true do hoard[#hoard + 1] = string.rep("x", size) .. #hoard end
              end,
            }
            """
        let hoarding = TemporaryWorkspace.rule(
            "hoarded",
            check: """
                for i = 1, 8 do pcall(function() ctx:store("crm"):scan("notes", { detectors = { "mail" } }) end) end
                """)
        let platesRule = TemporaryWorkspace.rule(
            "plates",
            check: """
                local report = ctx:store("crm"):scan("notes", { detectors = { "immatriculation" } })
                ctx:info("%d found", report.detectors.immatriculation.matches)
                """)
        let workspace = try HostileDetectorWorkspace(
            detectors: hoarder, rules: ["hoarded.lua": hoarding, "plates.lua": platesRule],
            limits: "limits: { memory_mb: 8, instructions: 20000000, deadline_ms: 60000 }")
        let bundled = BundledPluginDetectorTests.repository.appendingPathComponent("plugins/pii-fr")
        for file in ["plugin.yaml", "detectors.lua", "taxonomy.yaml", "lib/checksums.lua"] {
            try workspace.workspace.write(
                "pii-fr/\(file)", try String(contentsOf: bundled.appendingPathComponent(file), encoding: .utf8))
        }
        try workspace.workspace.write(
            "cadre.yaml",
            PluginTests.workspace.replacingOccurrences(of: "[./plug]", with: "[./plug, ./pii-fr]")
                + "\nlimits: { memory_mb: 8, instructions: 20000000, deadline_ms: 60000 }")
        let evaluation = try workspace.evaluate()
        #expect(evaluation.diagnostics.filter(\.isError).isEmpty, "\(evaluation.diagnostics)")
        let hoarded = try #require(evaluation.result("test.hoarded"))
        #expect(hoarded.status == .error)
        #expect(hoarded.failure?.kind == "plugin")
        #expect(hoarded.failure?.message.hasPrefix("detector `mail` of plugin plug failed:") == true)
        #expect(hoarded.failure?.message.contains("memory limit exceeded") == true, "\(hoarded.failure?.message ?? "")")
        let plates = try #require(evaluation.result("test.plates"))
        #expect(plates.status == .pass, "\(plates.failure?.message ?? "")")
        #expect(plates.findings.map(\.message) == ["1 found"])
    }

    @Test func wrongReturnTypesAreThePluginsError() throws {
        let evaluation = try evaluate(detectors: Self.detector(validate: "return 'yes'"))
        let scan = try #require(evaluation.result("test.scan"))
        #expect(scan.failure?.kind == "plugin")
        #expect(
            scan.failure?.message
                == "detector `badge` of plugin plug failed: validate must return true or false, not a string")
        #expect(scan.failure?.location?.line == 5)

        let leaking = try evaluate(
            detectors: Self.detector(validate: "return true", redact: "return 'badge ' .. match"))
        #expect(
            leaking.result("test.scan")?.failure?.message.contains(
                "redact returned text that is not the match with letters and digits kept or replaced by `*` in place")
                == true)
    }

    @Test(arguments: [
        ("return io.open('/etc/passwd')", "undefined global 'io'", 1),
        ("local x = os.execute('true')", "undefined global 'os'", 1),
        ("local f = load('return 1')", "undefined global 'load'", 1),
        ("return debug.getinfo(1)", "undefined global 'debug'", 1),
        ("local m = require('os')", "module 'os' not found", 1),
        ("local m = require('../../etc/passwd')", "module '../../etc/passwd' not found", 1),
        ("string.dump(print)", "attempt to call a nil value (field 'dump')", 1),
        ("\n\nwhile true do end", "instruction limit exceeded", 3),
        ("local s = 'x' while true do s = s .. s end", "memory limit exceeded", 1),
        ("return 42", "a detector file returns a detector", 1),
    ])
    func hostileDetectorFilesAreReportedAndTheRestRuns(source: String, message: String, line: Int) throws {
        let evaluation = try evaluate(detectors: source, limits: "limits: { instructions: 200000, memory_mb: 16 }")
        let problem = try #require(evaluation.diagnostics.first { $0.isError })
        #expect(problem.message.contains(message))
        #expect(problem.location.file.hasSuffix("plug/detectors.lua"))
        #expect(problem.location.line == line)
        // The other rules run; the rule asking for the missing detector errs on its own.
        #expect(evaluation.result("test.plain")?.status == .pass)
        #expect(evaluation.result("test.scan")?.status == .error)
    }
}
