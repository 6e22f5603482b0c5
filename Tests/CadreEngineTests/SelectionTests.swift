import CadreEngine
import CadreModel
import Testing

/// Partial evaluations (`evaluate(asOf:selection:)`) and applicability, which re-checks and the
/// timeline build on.
@Suite struct SelectionTests {
    static func workspace() throws -> TemporaryWorkspace {
        try TemporaryWorkspace.with(
            rules: [
                "one.lua": TemporaryWorkspace.rule("one", check: "ctx:fail('one')"),
                "two.lua": TemporaryWorkspace.rule(
                    "two", extra: "applies = function(system) return system.id == 'b' end,", check: "ctx:warn('two')"),
                "three.lua": TemporaryWorkspace.rule(
                    "three", extra: "effective = { from = '2027-01-01' },", check: "ctx:fail('three')"),
            ],
            systems: [
                "systems/a.yaml": TemporaryWorkspace.descriptor(id: "a"),
                "systems/b.yaml": TemporaryWorkspace.descriptor(id: "b"),
                "systems/c.yaml": TemporaryWorkspace.descriptor(id: "a"),
            ])
    }

    @Test func onlyTheSelectedPairsAreEvaluated() throws {
        let workspace = try Self.workspace()
        let opened = try workspace.open()
        let b = try #require(opened.systemFiles.first { $0.hasSuffix("b.yaml") })
        let partial = Engine(workspace: opened, jobs: 2).evaluate(
            asOf: try ISODate(parsing: "2026-11-29"), selection: EvaluationSelection([b: ["test.two", "test.three"]]))
        #expect(partial.rules.map(\.id) == ["test.one", "test.three", "test.two"])
        #expect(partial.systems.map(\.file) == [b])
        #expect(partial.systems[0].results.map(\.rule) == ["test.three", "test.two"])
        #expect(partial.systems[0].results.map(\.status) == [.skipped, .warn])
    }

    @Test func selectingEverythingAndAssemblingGivesAFullEvaluation() throws {
        let workspace = try Self.workspace()
        let opened = try workspace.open()
        let asOf = try ISODate(parsing: "2027-02-01")
        var selection = EvaluationSelection()
        for file in opened.systemFiles { selection.select(["test.one", "test.two", "test.three"], on: file) }
        let engine = Engine(workspace: opened, jobs: 2)
        let partial = engine.evaluate(asOf: asOf, selection: selection)
        // Partial: the second descriptor of `a` is evaluated too.
        #expect(partial.systems.map { $0.results.count } == [3, 3, 3])
        let assembled = Evaluation(
            assembling: partial.systems, rules: partial.rules, workspace: opened, asOf: asOf, diagnostics: [])
        let full = engine.evaluate(asOf: asOf)
        #expect(assembled.systems == full.systems)
        #expect(assembled.diagnostics == full.diagnostics)
        #expect(full.systems.map { $0.results.count } == [3, 0, 3])
    }

    @Test func anEmptySelectionLoadsNoDescriptorButReportsTheRules() throws {
        let workspace = try Self.workspace()
        let partial = Engine(workspace: try workspace.open()).evaluate(
            asOf: try ISODate(parsing: "2026-11-29"), selection: EvaluationSelection())
        #expect(partial.systems.isEmpty)
        #expect(partial.rules.count == 3)
    }

    @Test func applicabilityAsksEveryRuleWhateverTheDate() throws {
        let workspace = try Self.workspace()
        let applicability = Engine(workspace: try workspace.open()).applicability()
        #expect(applicability.systems.map(\.id) == ["a", "a", "b"])
        let b = try #require(applicability.systems.last)
        #expect(b.answers == ["test.one": .applies, "test.two": .applies, "test.three": .applies])
        #expect(applicability.systems[0].answers["test.two"] == .doesNotApply)
    }
}
