import CadreEngine
import CadreModel
import Testing

/// `cadre.at(node, path [, otherwise])`: a finding placed on the key when the descriptor has it,
/// else on the deepest node the path reaches, or on `otherwise`.
@Suite struct WhereFindingsPointTests {
    static let descriptor = """
        cadre: system/v1
        id: a
        name: System a
        owner: team@example.com
        notices:
          recording_announcement: false
        data:
          - category: user.contact.email
            retention: { period: P1Y }
        ai:
          - id: bot
            kind: chatbot
        """

    private func paths(_ check: String) throws -> [String: String] {
        let workspace = try TemporaryWorkspace.with(
            rules: ["at.lua": TemporaryWorkspace.rule("at", check: check)], systems: ["systems/a.yaml": Self.descriptor]
        )
        let result = try #require(try workspace.evaluate().result("test.at"))
        #expect(result.failure == nil, "\(result.failure?.message ?? "")")
        return Dictionary(uniqueKeysWithValues: result.findings.map { ($0.message, $0.path?.description ?? "file") })
    }

    @Test func aFindingGoesAsDeepAsTheDescriptorGoes() throws {
        let paths = try paths(
            """
            ctx:info(cadre.at(system, "notices.recording_announcement"), "key")
            ctx:info(cadre.at(system, "notices.objection_offered"), "node")
            ctx:info(cadre.at(system, "recording.mode"), "root")
            ctx:info(cadre.at(system.ai[1], "marks_output"), "component")
            ctx:info(cadre.at(system, "data.1.retention.period"), "position")
            ctx:info(cadre.at(system, "data.1.retention.period.deeper"), "past a value")
            ctx:info(cadre.at(system, "notices"), "a node")
            ctx:info(cadre.at(system.ai[1], "annex_iii"), "an absent list")
            """)
        #expect(
            paths == [
                "key": "notices.recording_announcement", "node": "notices", "root": "(root)", "component": "ai[0]",
                "position": "data[0].retention.period", "past a value": "data[0].retention", "a node": "notices",
                "an absent list": "ai[0]",
            ])
    }

    @Test func otherwisePointsWhereTheRuleSaysWhenThePathIsMissing() throws {
        let paths = try paths(
            """
            local component = system.ai[1]
            ctx:info(cadre.at(system, "notices.recording_announcement", component), "present")
            ctx:info(cadre.at(system, "notices.employees_informed", component), "absent key")
            ctx:info(cadre.at(system.recording, "mode", component), "absent node")
            ctx:info(cadre.at(system.recording, "mode") or component, "or")
            ctx:info(cadre.at(system.recording, "mode"), "nil")
            """)
        #expect(
            paths == [
                "present": "notices.recording_announcement", "absent key": "ai[0]", "absent node": "ai[0]",
                "or": "ai[0]",
                "nil": "file",
            ])
    }

    @Test func aWrongArgumentIsTheRulesError() throws {
        let workspace = try TemporaryWorkspace.with(
            rules: [
                "path.lua": TemporaryWorkspace.rule("path", check: "ctx:fail(cadre.at(system, 3), 'x')"),
                "node.lua": TemporaryWorkspace.rule("node", check: "ctx:fail(cadre.at('notices', 'x'), 'x')"),
            ],
            systems: ["systems/a.yaml": Self.descriptor])
        let evaluation = try workspace.evaluate()
        #expect(
            evaluation.result("test.path")?.failure?.message
                == "bad argument #2 to 'at' (a key or a dotted path expected, got number)")
        #expect(
            evaluation.result("test.node")?.failure?.message
                == "bad argument #1 to 'at' (a node of the system expected, got string)")
        #expect(evaluation.result("test.node")?.failure?.location?.line == 8)
    }
}
