import CadreTestSupport
import Foundation
import Testing

/// `cadre validate`, run as a user runs it.
@Suite struct ValidateCommandTests {
    static let malformed = "Tests/CadreModelTests/Fixtures/malformed"

    @Test func theExamplePortfolioIsValid() throws {
        let output = try CadreCommand.run(["validate", "examples/systems"])
        #expect(output.status == 0)
        #expect(output.stdout == "9 files checked: 9 valid, 0 invalid (0 errors, 0 warnings)\n")
        #expect(output.stderr.isEmpty)
    }

    @Test func everyMalformedFileGetsALocatedErrorAndTheOthersAreStillChecked() throws {
        let files = try FileManager.default.contentsOfDirectory(
            atPath: CadreCommand.repositoryRoot.appendingPathComponent(Self.malformed).path)
        #expect(files.count >= 30)
        // A valid file before and after the corpus: both are still checked.
        let output = try CadreCommand.run([
            "validate", "examples/systems/agent-assist.yaml", Self.malformed, "examples/systems/voicebot-support.yaml",
        ])
        #expect(output.status == 2)
        let lines = output.stdout.split(separator: "\n").map(String.init)
        for file in files {
            let errors = lines.filter { $0.hasPrefix("\(Self.malformed)/\(file):") }
            #expect(errors.count == 1, "\(file): \(errors)")
            let pattern = /^[^:]+:[1-9][0-9]*:[1-9][0-9]*: error: .+ \[[a-z0-9-]+\]$/
            #expect(errors.allSatisfy { $0.wholeMatch(of: pattern) != nil }, "\(errors)")
        }
        #expect(!output.stdout.contains("agent-assist.yaml:"))
        #expect(
            lines.last
                == "\(files.count + 2) files checked: 2 valid, \(files.count) invalid (\(files.count) errors, 0 warnings)"
        )
    }

    @Test func hintsFollowOnAnIndentedLine() throws {
        let output = try CadreCommand.run(["validate", "\(Self.malformed)/unknown-key.yaml"])
        #expect(output.status == 2)
        #expect(
            output.stdout == """
                \(Self.malformed)/unknown-key.yaml:7:5: error: unknown key `legal_bases` in purpose [unknown-key]
                    hint: did you mean `legal_basis`?

                1 file checked: 0 valid, 1 invalid (1 error, 0 warnings)

                """)
    }

    @Test func hostileInputsNeitherCrashNorHang() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("cadre-hostile-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        func write(_ name: String, _ bytes: [UInt8]) throws {
            try Data(bytes).write(to: folder.appendingPathComponent(name))
        }
        var generator = SplitMix(seed: 2025)
        try write("garbage.yaml", (0..<65_536).map { _ in UInt8(truncatingIfNeeded: generator.next()) })
        try write("huge.yaml", Array(repeating: UInt8(ascii: "x"), count: 8 << 20))
        try write("brackets.yaml", Array(("cadre: system/v1\nx: " + String(repeating: "[", count: 200_000)).utf8))
        var bomb = "cadre: system/v1\na: &a [x, x, x, x, x, x, x, x, x, x]\n"
        for (previous, name) in zip("abcdefghijk", "bcdefghijkl") {
            bomb += "\(name): &\(name) [" + Array(repeating: "*\(previous)", count: 10).joined(separator: ", ") + "]\n"
        }
        try write("bomb.yaml", Array((bomb + "m: {*l : x}\n").utf8))
        try write(
            "keys.yaml", Array(("cadre: system/v1\n" + (0..<50_000).map { "k\($0): v" }.joined(separator: "\n")).utf8))
        let output = try CadreCommand.run(["validate", folder.path], timeout: 60)
        #expect(output.status == 2)
        #expect(
            output.stdout.hasSuffix("5 files checked: 0 valid, 5 invalid (205 errors, 0 warnings)\n"),
            "\(output.stdout)")
        #expect(
            output.stdout.contains(
                "keys.yaml:198:1: error: 49803 more problems in this file are not shown [too-many-problems]"))
        for (file, code) in [
            ("garbage.yaml", "binary-file"), ("huge.yaml", "file-too-large"), ("brackets.yaml", "too-deep"),
            ("bomb.yaml", "alias-expansion"), ("keys.yaml", "too-many-problems"),
        ] {
            #expect(output.stdout.contains("\(folder.path)/\(file):") && output.stdout.contains("[\(code)]"), "\(file)")
        }
    }

    @Test func jsonOutputIsForTools() throws {
        let output = try CadreCommand.run([
            "validate", "--format", "json", "\(Self.malformed)/bad-date.yaml", "examples/systems/chatbot-web.yaml",
        ])
        #expect(output.status == 2)
        let report = try #require(try JSONSerialization.jsonObject(with: Data(output.stdout.utf8)) as? [String: Any])
        #expect(
            report["summary"] as? [String: Int] == ["files": 2, "valid": 1, "invalid": 1, "errors": 1, "warnings": 0])
        let files = try #require(report["files"] as? [[String: Any]])
        let entry = try #require((files.first?["diagnostics"] as? [[String: Any]])?.first)
        #expect(entry["file"] as? String == "\(Self.malformed)/bad-date.yaml")
        #expect(entry["line"] as? Int == 6)
        #expect(entry["column"] as? Int == 30)
        #expect(entry["code"] as? String == "invalid-date")
        #expect(entry["path"] as? String == "assessments.dpia.date")
        #expect(files.last?["system"] as? String == "chatbot-web")
    }

    @Test func missingPathsAndEmptyFoldersAreInvalidInput() throws {
        let empty = FileManager.default.temporaryDirectory.appendingPathComponent("cadre-empty-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: empty, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: empty) }
        let output = try CadreCommand.run(["validate", "no/such/file.yaml", empty.path])
        #expect(output.status == 2)
        #expect(output.stdout.contains("no/such/file.yaml: error: no such file or folder [unreadable-file]"))
        #expect(output.stdout.contains("\(empty.path): error: no descriptor in this folder [no-descriptors]"))
    }

    @Test func strictTurnsWarningsIntoFailures() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("cadre-strict-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let file = folder.appendingPathComponent("warned.yaml")
        try "cadre: system/v1\nid: w\nname: W\nowner: o\ndata:\n  - category: user.genetic\n".write(
            to: file, atomically: true, encoding: .utf8)
        let relaxed = try CadreCommand.run(["validate", file.path])
        #expect(relaxed.status == 0)
        #expect(
            relaxed.stdout.contains(
                "warning: `user.genetic` is an older name of the data category `user.health_and_medical.genetic`"))
        #expect(try CadreCommand.run(["validate", "--strict", file.path]).status == 2)
    }

    @Test func workspaceTaxonomyTermsAreAccepted() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent(
            "cadre-taxonomy-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let terms = folder.appendingPathComponent("terms.yaml")
        try "cadre: taxonomy/v1\ndata_categories:\n  user.account.meter_point: {name: Meter point}\n"
            .write(to: terms, atomically: true, encoding: .utf8)
        let descriptor = folder.appendingPathComponent("system.yaml")
        try "cadre: system/v1\nid: s\nname: S\nowner: o\ndata:\n  - category: user.account.meter_point\n"
            .write(to: descriptor, atomically: true, encoding: .utf8)
        let without = try CadreCommand.run(["validate", descriptor.path])
        #expect(without.status == 2)
        #expect(without.stdout.contains("unknown data category `user.account.meter_point`"))
        #expect(try CadreCommand.run(["validate", "--taxonomy", terms.path, descriptor.path]).status == 0)
        let broken = try CadreCommand.run(["validate", "--taxonomy", descriptor.path, "examples/systems"])
        #expect(broken.status == 2)
        #expect(broken.stdout.contains("not a taxonomy file"))
    }

    @Test func helpDocumentsTheCommandsAndExitStatus() throws {
        let help = try CadreCommand.run(["--help"])
        #expect(help.status == 0)
        #expect(help.stdout.contains("validate") && help.stdout.contains("schema"))
        let validateHelp = try CadreCommand.run(["validate", "--help"])
        #expect(validateHelp.stdout.contains("Exit status: 0 when every descriptor is valid"))
    }
}
