import Foundation
import Testing

/// What CI tools read: SARIF that code scanning ties to the repository's files, GitHub workflow
/// annotations, GitLab Code Quality, JUnit valid against its schema, the GitHub Action and the
/// pre-commit hooks, each run as CI would run it.
@Suite(.serialized) struct CIIntegrationTests {
    func evaluate(_ arguments: [String], in directory: URL = CadreCommand.repositoryRoot) throws -> CadreCommand.Output
    {
        try EvaluateCommandTests.ensureStores()
        return try CadreCommand.run(
            ["evaluate", "--as-of", EvaluateCommandTests.asOf] + arguments, in: directory,
            environment: EvaluateCommandTests.environment)
    }

    static func json(_ text: String) throws -> Any { try JSONSerialization.jsonObject(with: Data(text.utf8)) }

    /// The repository's root as cadre finds it (symbolic links resolved).
    static var root: String {
        URL(fileURLWithPath: CadreCommand.repositoryRoot.path).resolvingSymlinksInPath().path
    }

    static func check(_ script: String, _ text: String, suffix: String) throws -> CadreCommand.Output {
        let file = FileManager.default.temporaryDirectory.appendingPathComponent(
            "cadre-ci-\(UUID().uuidString).\(suffix)")
        try Data(text.utf8).write(to: file)
        defer { try? FileManager.default.removeItem(at: file) }
        return try CadreCommand.runProgram("python3", ["Tests/CadreEndToEndTests/Scripts/\(script)", file.path])
    }

    // MARK: SARIF

    @Test func sarifNamesFilesFromTheRepositoryRootWhateverTheCurrentFolder() throws {
        let fromRoot = try evaluate(["--workspace", "examples", "--format", "sarif"])
        let fromInside = try evaluate(
            ["--workspace", "..", "--format", "sarif"],
            in: CadreCommand.repositoryRoot.appendingPathComponent("examples/systems"))
        #expect(fromRoot.status == 1)
        #expect(fromRoot.stdout == fromInside.stdout, "the same SARIF from any folder")
        let check = try Self.check("check_sarif.py", fromRoot.stdout, suffix: "sarif")
        #expect(check.status == 0, "\(check.stdout)\(check.stderr)")

        let document = try #require(try Self.json(fromRoot.stdout) as? [String: Any])
        let run = try #require((document["runs"] as? [[String: Any]])?.first)
        let bases = try #require(run["originalUriBaseIds"] as? [String: [String: Any]])
        #expect(bases["SRCROOT"]?["uri"] as? String == "file://\(Self.root)/")
        let results = try #require(run["results"] as? [[String: Any]])
        let artifacts = results.compactMap {
            (($0["locations"] as? [[String: Any]])?.first?["physicalLocation"] as? [String: Any])?["artifactLocation"]
                as? [String: Any]
        }
        #expect(artifacts.count == results.count)
        #expect(artifacts.allSatisfy { $0["uriBaseId"] as? String == "SRCROOT" })
        #expect(artifacts.contains { $0["uri"] as? String == "examples/systems/call-recording-quality.yaml" })
        #expect(artifacts.allSatisfy { ($0["uri"] as? String)?.hasPrefix("examples/") == true })

        // Every rule ranks as its severity says in code scanning.
        let rules = try #require(
            ((run["tool"] as? [String: Any])?["driver"] as? [String: Any])?["rules"] as? [[String: Any]])
        #expect(rules.count > 70)
        for rule in rules {
            let properties = rule["properties"] as? [String: Any]
            #expect(["9.5", "8.0", "5.5", "3.0", "1.0"].contains(properties?["security-severity"] as? String ?? ""))
            #expect((properties?["tags"] as? [String])?.isEmpty == false)
        }
        let retention = try #require(rules.first { $0["id"] as? String == "cnil.recording.retention" })
        #expect((retention["properties"] as? [String: Any])?["security-severity"] as? String == "8.0")
    }

    @Test func sarifRootChoosesTheFolder() throws {
        let output = try evaluate(["--workspace", "examples", "--format", "sarif", "--sarif-root", "examples"])
        #expect(output.stdout.contains(#""uri" : "systems/call-recording-quality.yaml""#))
        let missing = try evaluate(["--workspace", "examples", "--format", "sarif", "--sarif-root", "no/such/folder"])
        #expect(missing.status == 2)
        #expect(missing.stderr.contains("--sarif-root no/such/folder: no such folder"))
    }

    @Test func sarifOutsideARepositoryNamesFilesFromTheWorkspace() throws {
        let folder = try TemporaryFolder.oneFailingRule()
        let output = try CadreCommand.run(
            ["evaluate", "--workspace", folder.url.path, "--format", "sarif"],
            in: FileManager.default.temporaryDirectory)
        #expect(output.status == 1)
        #expect(output.stdout.contains(#""uri" : "systems/a.yaml""#))
        let real = folder.url.resolvingSymlinksInPath().path
        #expect(output.stdout.contains(#""uri" : "file://\#(real)/""#))
    }

    @Test func storeErrorsPointAtTheStoresURL() throws {
        let output = try evaluate(["--workspace", "examples", "--format", "sarif"])
        let document = try #require(try Self.json(output.stdout) as? [String: Any])
        let results = try #require((document["runs"] as? [[String: Any]])?.first?["results"] as? [[String: Any]])
        let errors = results.filter { $0["ruleId"] as? String == "cadre.rule-error" }
        #expect(errors.count == 2)
        let descriptor = try String(
            contentsOf: CadreCommand.repositoryRoot.appendingPathComponent(
                "examples/systems/credit-offer-assistant.yaml"),
            encoding: .utf8)
        let urlLine = try #require(
            descriptor.split(separator: "\n", omittingEmptySubsequences: false).firstIndex {
                $0.contains("url: postgres://")
            })
        for error in errors {
            let physical = (error["locations"] as? [[String: Any]])?.first?["physicalLocation"] as? [String: Any]
            #expect(
                (physical?["artifactLocation"] as? [String: Any])?["uri"] as? String
                    == "examples/systems/credit-offer-assistant.yaml")
            #expect((physical?["region"] as? [String: Any])?["startLine"] as? Int == urlLine + 1)
        }
    }

    @Test func helpUriIsTheFirstReferencesAddress() throws {
        let folder = try TemporaryFolder.oneFailingRule([
            "pack/fine.lua": """
            return { id = 't.fine', title = 'fine', severity = 'medium',
              references = { { 'GDPR Art. 5(1)(e)', url = 'https://eur-lex.europa.eu/eli/reg/2016/679/oj' }, 'T 2' },
              check = function(system, ctx) ctx:fail(system.purposes[1], 'found it') end }
            """,
            "pack/plain.lua": EvaluateCommandTests.rule("plain", "ctx:fail(system.purposes[1], 'found it too')"),
        ])
        let output = try CadreCommand.run(["evaluate", "--format", "sarif"], in: folder.url)
        #expect(output.status == 1, "\(output.stderr)")
        let check = try Self.check("check_sarif.py", output.stdout, suffix: "sarif")
        #expect(check.status == 0, "\(check.stdout)\(check.stderr)")
        let document = try #require(try Self.json(output.stdout) as? [String: Any])
        let driver = (document["runs"] as? [[String: Any]])?.first?["tool"] as? [String: Any]
        let rules = try #require((driver?["driver"] as? [String: Any])?["rules"] as? [[String: Any]])
        let fine = try #require(rules.first { $0["id"] as? String == "t.fine" })
        #expect(fine["helpUri"] as? String == "https://eur-lex.europa.eu/eli/reg/2016/679/oj")
        #expect((fine["properties"] as? [String: Any])?["security-severity"] as? String == "5.5")
        #expect((fine["properties"] as? [String: Any])?["references"] as? [String] == ["GDPR Art. 5(1)(e)", "T 2"])
        let plain = try #require(rules.first { $0["id"] as? String == "t.plain" })
        #expect(plain["helpUri"] == nil, "no address, no helpUri")

        let bad = try TemporaryFolder.oneFailingRule([
            "pack/fine.lua": """
            return { id = 't.fine', title = 'fine', severity = 'medium',
              references = { { 'GDPR', url = 'http://eur-lex.europa.eu/' } },
              check = function(system, ctx) end }
            """
        ])
        let refused = try CadreCommand.run(["evaluate"], in: bad.url)
        #expect(refused.status == 2)
        #expect(refused.stdout.contains("reference 1: url `http://eur-lex.europa.eu/` is not an https address"))
    }

    // MARK: GitHub and GitLab

    @Test func githubAnnotationsAreWorkflowCommands() throws {
        let output = try evaluate(["--workspace", "examples", "--format", "github"])
        #expect(output.status == 1)
        let lines = output.stdout.split(separator: "\n").map(String.init)
        #expect(
            lines.contains {
                $0.hasPrefix(
                    "::error file=examples/systems/call-recording-quality.yaml,line=36,col=18,title=cnil.recording.retention (high)::recordings kept P3Y; P6M at most (setting `recording_retention`, from CNIL NS-57 guidance)%0A"
                )
            })
        #expect(lines.contains { $0.hasPrefix("::warning file=") })
        #expect(
            lines.dropLast().allSatisfy {
                $0.hasPrefix("::error ") || $0.hasPrefix("::warning ") || $0.hasPrefix("::notice ")
            })
        #expect(lines.last?.hasPrefix("cadre: as of \(EvaluateCommandTests.asOf): 9 systems") == true)
    }

    @Test func githubEscapesWhatWouldEndAPropertyOrACommand() throws {
        let folder = try TemporaryFolder.oneFailingRule([
            "pack/fine.lua": EvaluateCommandTests.rule(
                "fine", #"ctx:fail(system.purposes[1], '100%\r\nnext, line: x')"#),
            "systems/a, b: c.yaml": EvaluateCommandTests.descriptor,
            "systems/a.yaml": "",
        ])
        try FileManager.default.removeItem(at: folder.url.appendingPathComponent("systems/a.yaml"))
        let output = try CadreCommand.run(["evaluate", "--format", "github"], in: folder.url)
        #expect(output.status == 1, "\(output.stderr)")
        #expect(
            output.stdout.hasPrefix(
                "::error file=systems/a%2C b%3A c.yaml,line=6,col=5,title=t.fine (high)::100%25\\r\\nnext, line: x%0Afine"
            ),
            "control characters shown, the parts on lines of their own: \(output.stdout)")
    }

    @Test func gitlabCodeQualityIsStable() throws {
        let output = try evaluate(["--workspace", "examples", "--format", "gitlab"])
        #expect(output.status == 1)
        let issues = try #require(try Self.json(output.stdout) as? [[String: Any]])
        #expect(!issues.isEmpty)
        let severities: Set<String> = ["info", "minor", "major", "critical", "blocker"]
        for issue in issues {
            #expect(issue["type"] as? String == "issue")
            #expect(!(issue["description"] as? String ?? "").isEmpty)
            #expect(!(issue["check_name"] as? String ?? "").isEmpty)
            #expect(severities.contains(issue["severity"] as? String ?? ""))
            let location = issue["location"] as? [String: Any]
            #expect((location?["path"] as? String)?.hasPrefix("examples/systems/") == true)
            #expect(((location?["lines"] as? [String: Any])?["begin"] as? Int ?? 0) >= 1)
        }
        let fingerprints = issues.compactMap { $0["fingerprint"] as? String }
        #expect(Set(fingerprints).count == issues.count, "each fingerprint once")
        #expect(
            issues.contains {
                $0["check_name"] as? String == "cnil.recording.retention" && $0["severity"] as? String == "critical"
            })
        // The same findings from another folder, or after an edit moves lines, keep their fingerprints.
        let again = try evaluate(
            ["--workspace", "..", "--format", "gitlab"],
            in: CadreCommand.repositoryRoot.appendingPathComponent("examples/systems"))
        #expect(again.stdout == output.stdout)
    }

    // MARK: JUnit

    @Test func junitIsValidAgainstTheJUnitSchema() throws {
        let output = try evaluate(["--workspace", "examples", "--format", "junit"])
        #expect(output.status == 1)
        let check = try Self.check("check_junit.py", output.stdout, suffix: "xml")
        #expect(check.status == 0, "\(check.stdout)\(check.stderr)")
        #expect(output.stdout.contains(#"<testsuites name="cadre as of 2026-11-29""#))
        #expect(
            !output.stdout.contains("<testsuites name=\"cadre as of 2026-11-29\" tests=\"")
                || !output.stdout.split(separator: "\n")[1].contains("skipped="))
        #expect(output.stdout.contains(#"time="0""#))

        let broken = try Self.check(
            "check_junit.py",
            #"<testsuites skipped="1"><testsuite name="x" tests="1" failures="0" errors="0"/></testsuites>"#,
            suffix: "xml")
        #expect(broken.status == 1, "the checker refuses what the schema does")
    }

    @Test func testReportJUnitIsValidAgainstTheJUnitSchema() throws {
        let output = try CadreCommand.run(["test", "policies/cnil", "--format", "junit"])
        #expect(output.status == 0, "\(output.stderr)")
        let check = try Self.check("check_junit.py", output.stdout, suffix: "xml")
        #expect(check.status == 0, "\(check.stdout)\(check.stderr)")
    }

    // MARK: The GitHub Action and the pre-commit hooks

    /// A release tarball as `make dist` lays it out (`cadre-VERSION/bin/cadre`, beside its
    /// resource bundles), from the binary the tests run.
    static func tarball(in folder: URL) throws -> URL {
        let binary = try CadreCommand.binary()
        let top = folder.appendingPathComponent("cadre-0.1.0")
        let bin = top.appendingPathComponent("bin")
        try FileManager.default.createDirectory(at: bin, withIntermediateDirectories: true)
        try FileManager.default.copyItem(at: binary, to: bin.appendingPathComponent("cadre"))
        let built = binary.deletingLastPathComponent()
        for name in try FileManager.default.contentsOfDirectory(atPath: built.path)
        where name.hasPrefix("cadre_") && name.hasSuffix(".resources") {
            try FileManager.default.copyItem(
                at: built.appendingPathComponent(name), to: bin.appendingPathComponent(name))
        }
        let tarball = folder.appendingPathComponent("cadre-0.1.0-linux.tar.gz")
        let tar = try CadreCommand.runProgram("tar", ["-czf", tarball.path, "-C", folder.path, "cadre-0.1.0"])
        #expect(tar.status == 0, "\(tar.stderr)")
        return tarball
    }

    @Test func theGitHubActionInstallsEvaluatesAndWritesSARIF() throws {
        try EvaluateCommandTests.ensureStores()
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("cadre-action-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let tarball = try Self.tarball(in: folder)
        let sarif = folder.appendingPathComponent("cadre.sarif").path
        let run = try CadreCommand.runProgram(
            "python3",
            [
                "Tests/CadreEndToEndTests/Scripts/run_action.py", "action.yml", tarball.path, "examples", folder.path,
                "sarif-file=\(sarif)", "args=--as-of \(EvaluateCommandTests.asOf) --no-stores",
            ])
        #expect(run.status == 0, "\(run.stdout)\(run.stderr)")
        #expect(run.stdout.hasPrefix("ok 1"), "findings at or above high: \(run.stdout)")
        let check = try CadreCommand.runProgram("python3", ["Tests/CadreEndToEndTests/Scripts/check_sarif.py", sarif])
        #expect(check.status == 0, "\(check.stdout)\(check.stderr)")

        let none = try CadreCommand.runProgram(
            "python3",
            [
                "Tests/CadreEndToEndTests/Scripts/run_action.py", "action.yml", tarball.path, "examples", folder.path,
                "sarif-file=\(sarif)", "fail-on=none", "args=--no-stores",
            ])
        #expect(none.stdout.hasPrefix("ok 0"), "\(none.stdout)\(none.stderr)")
    }

    @Test func thePreCommitHooksRunInARepository() throws {
        let version = try CadreCommand.runProgram("python3", ["-m", "pre_commit", "--version"])
        #expect(version.status == 0, "needs pre-commit from PyPI (scripts/install-deps.sh): \(version.stderr)")
        let folder = try TemporaryFolder.oneFailingRule([
            "pack/tests/fine_test.lua": """
            it("fails", function() expect(run("t.fine", system{ purposes = {{ id = "support", description = "x", legal_basis = "contract", uses = { "essential.service.operations.support" } }} })):to_fail() end)
            """,
            "systems/b.yaml": "cadre: system/v1\nid: b\n",
        ])
        let repository = folder.url.path
        let hooks = CadreCommand.repositoryRoot.appendingPathComponent(".pre-commit-hooks.yaml")
        let manifest = try String(contentsOf: hooks, encoding: .utf8)
        // The hooks as a repository of hooks declares them, used from the repository itself
        // (`repo: local`), running the cadre under test.
        let local =
            "repos:\n  - repo: local\n    hooks:\n"
            + manifest.split(separator: "\n", omittingEmptySubsequences: false)
            .filter { !$0.hasPrefix("#") && !$0.isEmpty }
            .map { "      " + $0 }.joined(separator: "\n") + "\n"
        try Data(local.utf8).write(to: folder.url.appendingPathComponent(".pre-commit-config.yaml"))
        let binary = try CadreCommand.binary().deletingLastPathComponent().path
        let script = """
            set -e
            cd "\(repository)"
            git init -q . && git config user.email t@example.com && git config user.name t
            export PATH="\(binary):$PATH" HOME="\(repository)/.home" PRE_COMMIT_HOME="\(repository)/.cache"
            git add -A
            python3 -m pre_commit run --files systems/a.yaml pack/fine.lua > ok.log 2>&1 || { cat ok.log; exit 10; }
            if python3 -m pre_commit run --files systems/b.yaml > bad.log 2>&1; then cat bad.log; exit 11; fi
            cat bad.log
            """
        let run = try CadreCommand.runProgram("bash", ["-c", script], timeout: 300)
        #expect(run.status == 0, "\(run.stdout)\(run.stderr)")
        #expect(run.stdout.contains("cadre validate"))
        #expect(run.stdout.contains("systems/b.yaml"))
    }
}
