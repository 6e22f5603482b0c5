import Foundation
import Testing

/// A value a pack's rules share, written once in `pack.yaml` (`type:` settings): its rules and
/// tests read it, a workspace may change it, and a wrong value is an error at its line.
@Suite struct PackValueSettingTests {
    static let manifest = """
        cadre: pack/v1
        id: t
        version: 1.0.0
        title: T
        api: 1
        settings:
          recording_retention: { default: P6M, type: duration, description: "How long call recordings may be kept." }

        """

    static func workspace(settings: String = "", manifest: String = manifest) throws -> TemporaryFolder {
        try TemporaryFolder.oneFailingRule([
            "cadre.yaml": "cadre: workspace/v1\npacks: [./pack]\n" + settings,
            "pack/pack.yaml": manifest,
            "pack/fine.lua": EvaluateCommandTests.rule(
                "fine",
                "ctx:fail(system.purposes[1], 'recordings kept ' .. pack.settings.recording_retention .. ' at most')"),
            "pack/sister.lua": EvaluateCommandTests.rule(
                "sister", "ctx:fail(system.purposes[1], 'stored rows older than ' .. pack.settings.recording_retention)"
            ),
            "pack/tests/fine_test.lua": """
            it('reads the shared value', function()
              expect(run('t.fine', system{ purposes = { { id = 'p' } } })):to_fail_with('kept P6M at most')
              expect(run('t.sister', system{ purposes = { { id = 'p' } } })):to_fail_with('older than P6M')
            end)

            """,
        ])
    }

    @Test func rulesAndTestsReadTheValueAndAWorkspaceMayChangeIt() throws {
        let folder = try Self.workspace()
        let evaluated = try CadreCommand.run(["evaluate"], in: folder.url)
        #expect(evaluated.stdout.contains("recordings kept P6M at most"), "\(evaluated.stdout)")
        #expect(evaluated.stdout.contains("stored rows older than P6M"))
        let tested = try CadreCommand.run(["test", "pack"], in: folder.url)
        #expect(tested.status == 0, "\(tested.stdout)")

        let tightened = try Self.workspace(settings: "settings: { t: { recording_retention: P3M } }\n")
        let again = try CadreCommand.run(["evaluate"], in: tightened.url)
        #expect(again.stdout.contains("recordings kept P3M at most"), "\(again.stdout)")
        #expect(again.stdout.contains("stored rows older than P3M"))
    }

    @Test func aValueOfTheWrongTypeIsAnErrorAtItsLine() throws {
        let wrong = try Self.workspace(settings: "settings: { t: { recording_retention: six-months } }\n")
        let output = try CadreCommand.run(["evaluate"], in: wrong.url)
        #expect(output.status == 2)
        #expect(
            (output.stdout + output.stderr).contains(
                "cadre.yaml:3:39: error: `six-months` is not an ISO 8601 duration (P6M, P1Y…): setting `recording_retention` of pack `t` is a duration"
            ), "\(output.stdout + output.stderr)")

        let badDefault = try Self.workspace(
            manifest: Self.manifest.replacingOccurrences(of: "default: P6M", with: "default: 6M"))
        let loaded = try CadreCommand.run(["evaluate"], in: badDefault.url)
        #expect(loaded.status == 2)
        #expect(
            (loaded.stdout + loaded.stderr).contains(
                "error: the default of setting `recording_retention`, `6M`, is not an ISO 8601 duration"))

        let neither = try Self.workspace(
            manifest: Self.manifest.replacingOccurrences(of: ", type: duration", with: ""))
        let either = try CadreCommand.run(["evaluate"], in: neither.url)
        #expect(either.status == 2)
        #expect(
            (either.stdout + either.stderr).contains(
                "setting `recording_retention` must have either `values:` (a choice) or `type:` (a value)"))
    }
}
