import Foundation
import Testing

#if canImport(FoundationXML)
    import FoundationXML
#endif

/// `cadre evaluate`, run as a user and a CI job run it: every format, exit statuses, determinism,
/// rules that misbehave, and no personal data from the stores in any output.
@Suite(.serialized) struct EvaluateCommandTests {
    static let asOf = "2026-11-29"
    /// The voicebot's store is named by an environment variable, as in production.
    static let environment = ["VOICEBOT_DB_URL": "stores/voicebot.sqlite"]

    /// The example stores, generated once from their seed (make test does it too).
    static func ensureStores() throws {
        let marker = CadreCommand.repositoryRoot.appendingPathComponent("examples/stores/seeded-values.txt")
        guard !FileManager.default.fileExists(atPath: marker.path) else { return }
        let output = try CadreCommand.runProgram("python3", ["scripts/generate-example-stores.py"])
        #expect(output.status == 0, "\(output.stderr)")
    }

    func evaluate(_ arguments: [String], in directory: URL = CadreCommand.repositoryRoot) throws -> CadreCommand.Output
    {
        try Self.ensureStores()
        return try CadreCommand.run(
            ["evaluate", "--workspace", "examples", "--as-of", Self.asOf] + arguments, in: directory,
            environment: Self.environment)
    }

    @Test func textReportGroupsFindingsBySystem() throws {
        let output = try evaluate([])
        #expect(output.status == 1)
        #expect(output.stdout.contains("call-recording-quality  examples/systems/call-recording-quality.yaml"))
        #expect(
            output.stdout.contains(
                "examples/systems/call-recording-quality.yaml:36:18: fail: recordings kept P3Y; P6M at most (setting `recording_retention`, from CNIL NS-57 guidance)"
            ))
        #expect(
            output.stdout.contains(
                "CNIL délibération n° 2014-474 (NS-57) · CNIL, guidance on listening to and recording calls at work · GDPR Art. 5(1)(e)"
            ))
        #expect(output.stdout.contains("as of \(Self.asOf): 9 systems"))
        #expect(!output.stdout.contains("\u{1B}["), "no colours when the output is not a terminal")
        #expect(output.stderr.isEmpty, "progress goes to stderr on a terminal only: \(output.stderr)")
    }

    @Test func jsonReportIsComplete() throws {
        let output = try evaluate(["--format", "json"])
        #expect(output.status == 1)
        let document = try #require(try JSONSerialization.jsonObject(with: Data(output.stdout.utf8)) as? [String: Any])
        #expect(document["format"] as? String == "cadre-evaluation/v1")
        #expect(document["as_of"] as? String == Self.asOf)
        #expect(document["exit_status"] as? Int == 1)
        let systems = try #require(document["systems"] as? [[String: Any]])
        #expect(systems.count == 9)
        #expect(systems.map { $0["id"] as? String ?? "" } == systems.map { $0["id"] as? String ?? "" }.sorted())
        let rules = try #require(document["rules"] as? [[String: Any]])
        #expect(
            rules.contains {
                $0["id"] as? String == "cnil.recording.retention" && ($0["references"] as? [String])?.isEmpty == false
            })
        let results = systems.flatMap { $0["results"] as? [[String: Any]] ?? [] }
        let failed = results.filter { $0["status"] as? String == "fail" }
        #expect(!failed.isEmpty)
        for result in failed {
            let findings = try #require(result["findings"] as? [[String: Any]])
            #expect(findings.allSatisfy { (($0["location"] as? [String: Any])?["line"] as? Int ?? 0) > 0 })
        }
    }

    @Test func sarifLoadsInCodeScanning() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("cadre-sarif-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let file = folder.appendingPathComponent("cadre.sarif").path
        let output = try evaluate(["--format", "sarif", "--output", file])
        #expect(output.status == 1)
        #expect(output.stdout.isEmpty)
        let check = try CadreCommand.runProgram("python3", ["Tests/CadreEndToEndTests/Scripts/check_sarif.py", file])
        #expect(check.status == 0, "\(check.stdout)\(check.stderr)")
        let text = try String(contentsOfFile: file, encoding: .utf8)
        #expect(text.contains("\"uri\" : \"examples/systems/call-recording-quality.yaml\""))
        #expect(text.contains("\"startLine\" : 36"))
    }

    @Test func sarifCheckerCatchesABrokenFile() throws {
        let file = FileManager.default.temporaryDirectory.appendingPathComponent("broken-\(UUID().uuidString).sarif")
            .path
        try Data(
            #"{"version": "2.1.0", "runs": [{"tool": {"driver": {"name": "x", "rules": []}}, "results": [{"ruleId": "missing", "message": {"text": "m"}, "level": "fatal"}]}]}"#
                .utf8
        )
        .write(to: URL(fileURLWithPath: file))
        defer { try? FileManager.default.removeItem(atPath: file) }
        let check = try CadreCommand.runProgram("python3", ["Tests/CadreEndToEndTests/Scripts/check_sarif.py", file])
        #expect(check.status == 1)
        #expect(check.stdout.contains("names no rule"))
    }

    @Test func junitIsWellFormedXML() throws {
        let output = try evaluate(["--format", "junit"])
        #expect(output.status == 1)
        let parser = XMLParser(data: Data(output.stdout.utf8))
        let counter = ElementCounter()
        parser.delegate = counter
        #expect(parser.parse(), "\(parser.parserError.map { "\($0)" } ?? "")")
        #expect(counter.counts["testsuite"] == 9)
        #expect((counter.counts["failure"] ?? 0) > 0)
        #expect(counter.counts["testcase"] ?? 0 >= 9)
    }

    @Test func markdownHasTheSummaryAndTheFindings() throws {
        let output = try evaluate(["--format", "markdown"])
        #expect(output.status == 1)
        #expect(output.stdout.hasPrefix("# cadre — evaluation as of \(Self.asOf)"))
        #expect(output.stdout.contains("| system | failed | warned | errors | waived | passed | skipped |"))
        #expect(output.stdout.contains("`examples/systems/call-recording-quality.yaml:36:18`"))
    }

    @Test(arguments: ["text", "json", "sarif", "junit", "markdown", "html"])
    func outputIsTheSameWhateverTheNumberOfJobs(_ format: String) throws {
        let one = try evaluate(["--format", format, "--jobs", "1"])
        let two = try evaluate(["--format", format, "--jobs", "2"])
        #expect(one.stdout == two.stdout)
        #expect(one.status == two.status)
    }

    @Test func exitStatusFollowsFailOn() throws {
        #expect(try evaluate(["--fail-on", "none"]).status == 0)
        #expect(
            try evaluate(["--fail-on", "critical"]).status == 1,
            "speech analytics reads agents' emotions: a critical failure")
        #expect(try evaluate(["--fail-on", "info"]).status == 1)
        // The call-recording system's worst failures are high; the compliant chatbot fails nothing.
        let recording = "examples/systems/call-recording-quality.yaml"
        #expect(try evaluate([recording, "--fail-on", "critical"]).status == 0)
        #expect(try evaluate([recording, "--fail-on", "high"]).status == 1)
        #expect(try evaluate(["examples/systems/chatbot-web.yaml", "--fail-on", "low"]).status == 0)
    }

    @Test(arguments: [
        (["--as-of", "2026-13-01"], "--as-of"), (["--format", "pdf"], "--format"),
        (["--fail-on", "severe"], "--fail-on"),
        (["--jobs", "-2"], "--jobs"),
    ])
    func badFlagsExitWithTwo(_ flags: [String], _ named: String) throws {
        try Self.ensureStores()
        let output = try CadreCommand.run(["evaluate", "--workspace", "examples"] + flags)
        #expect(output.status == 2)
        #expect(output.stderr.contains(named) || output.stderr.contains("jobs"), "\(output.stderr)")
    }

    @Test func noPersonalDataFromTheStoresReachesAnyOutput() throws {
        try Self.ensureStores()
        let seeded = try String(
            contentsOf: CadreCommand.repositoryRoot.appendingPathComponent("examples/stores/seeded-values.txt"),
            encoding: .utf8
        )
        .split(separator: "\n").map(String.init).filter { !$0.isEmpty }
        #expect(seeded.count >= 50)
        for format in ["text", "json", "sarif", "junit", "markdown", "html"] {
            let output = try evaluate(["--format", format, "--verbose"])
            for value in seeded {
                #expect(!output.stdout.contains(value), "\(format) shows \(value)")
                #expect(
                    !output.stdout.contains(value.replacingOccurrences(of: " ", with: "")), "\(format) shows \(value)")
                #expect(!output.stderr.contains(value))
            }
        }
    }

    @Test func noStoresSkipsTheRulesThatReadThem() throws {
        let output = try evaluate(["--no-stores", "--format", "json"])
        #expect(output.stdout.contains("\"skip_reason\" : \"stores-not-read\""))
        #expect(!output.stdout.contains("recordings older than P6M in"))
    }

    @Test func aRuleThatLoopsOrEatsMemoryDoesNotStopTheOthers() throws {
        let workspace = try TemporaryFolder(files: [
            "cadre.yaml":
                "cadre: workspace/v1\npacks: [./pack]\nlimits: { memory_mb: 8, instructions: 500000, deadline_ms: 5000 }\n",
            "pack/pack.yaml": "cadre: pack/v1\nid: t\nversion: 1.0.0\ntitle: T\napi: 1\n",
            "pack/loop.lua": Self.rule("loop", "while true do end"),
            "pack/bomb.lua": Self.rule("bomb", "local t = {} while true do t[#t + 1] = string.rep('x', 1000) end"),
            "pack/fine.lua": Self.rule("fine", "ctx:fail(system.purposes[1], 'found it')"),
            "systems/a.yaml": Self.descriptor,
        ])
        let output = try CadreCommand.run(["evaluate", "--format", "json"], in: workspace.url)
        #expect(output.status == 1)
        #expect(output.stdout.contains("\"kind\" : \"instruction-limit\""))
        #expect(output.stdout.contains("\"kind\" : \"memory-limit\""))
        #expect(output.stdout.contains("\"message\" : \"found it\""))
    }

    @Test func aSyntaxErrorInARuleNamesItsFileAndLine() throws {
        let workspace = try TemporaryFolder(files: [
            "cadre.yaml": "cadre: workspace/v1\npacks: [./pack]\n",
            "pack/pack.yaml": "cadre: pack/v1\nid: t\nversion: 1.0.0\ntitle: T\napi: 1\n",
            "pack/broken.lua": "return {\n  id = 't.broken',\n  title = 'Broken'\n  severity = 'high',\n}\n",
            "pack/fine.lua": Self.rule("fine", "ctx:fail('found it')"),
            "systems/a.yaml": Self.descriptor,
        ])
        let output = try CadreCommand.run(["evaluate"], in: workspace.url)
        #expect(output.status == 2)
        #expect(
            output.stdout.contains(
                "pack/broken.lua:4:1: error: syntax error: '}' expected (to close '{' at line 1) near 'severity' [rule-syntax]"
            ))
        #expect(output.stdout.contains("found it"), "the other rules still run")
    }

    static func rule(_ id: String, _ check: String) -> String {
        "return { id = 't.\(id)', title = '\(id)', severity = 'high', references = {'T 1'}, check = function(system, ctx) \(check) end }\n"
    }

    static let descriptor = """
        cadre: system/v1
        id: a
        name: A
        owner: team@example.com
        purposes:
          - { id: support, description: Answer customers, legal_basis: contract, uses: [essential.service.operations.support] }
        """
}

/// A folder of files for one test, removed afterwards.
final class TemporaryFolder {
    let url: URL
    init(files: [String: String]) throws {
        url = FileManager.default.temporaryDirectory.appendingPathComponent("cadre-e2e-\(UUID().uuidString)")
        for (path, text) in files {
            let file = url.appendingPathComponent(path)
            try FileManager.default.createDirectory(
                at: file.deletingLastPathComponent(), withIntermediateDirectories: true)
            try Data(text.utf8).write(to: file)
        }
    }
    deinit { try? FileManager.default.removeItem(at: url) }
}

/// Counts XML elements by name.
final class ElementCounter: NSObject, XMLParserDelegate {
    var counts: [String: Int] = [:]
    func parser(
        _ parser: XMLParser, didStartElement name: String, namespaceURI: String?, qualifiedName: String?,
        attributes: [String: String] = [:]
    ) {
        counts[name, default: 0] += 1
    }
}
