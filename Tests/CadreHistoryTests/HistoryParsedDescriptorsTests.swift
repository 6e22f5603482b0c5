import CadreEngine
import CadreModel
import Foundation
import Testing

@testable import CadreHistory

/// What the history hands the engine back: the last run's parses, and, when the engine's context
/// did not change, what validating them found.
@Suite struct HistoryParsedDescriptorsTests {
    @Test func anUnchangedDescriptorComesBackParsedWithItsWarnings() throws {
        let workspace = try HistoryWorkspace(files: WorkspaceModel().files())
        let warned = HistoryWorkspace.descriptor(id: "b", recordings: "P3M", ai: true).replacingOccurrences(
            of: "effect: none", with: "effect: significant")
        try workspace.write("systems/b.yaml", warned)
        _ = try workspace.recheck(asOf: "2026-11-29")
        let history = try workspace.history()
        let last = try #require(try history.lastRun())
        let b = try #require(last.systems.first { $0.id == "b" })
        let partial = RecheckPlan(selection: .init(), reasons: [], isFull: false, totalPairs: 0)
        let kept = HistoryParsedDescriptors(
            history: history, cadreVersion: "test",
            validated: HistoryParsedDescriptors.validations(in: last, plan: partial))
        let document = try #require(kept.document(digest: b.digest, file: "elsewhere/b.yaml"))
        #expect(document.root == (try DocumentParser().parse(warned, file: "elsewhere/b.yaml")))
        let diagnostics = try #require(document.diagnostics)
        #expect(
            diagnostics.map(\.message) == ["`bot` has effect `significant` but takes no decision (`decides: none`)"])
        #expect(diagnostics.allSatisfy { $0.location.file == "elsewhere/b.yaml" })

        // The engine's context changed (a full plan): parsed, not validated.
        let full = RecheckPlan(selection: .init(), reasons: [], isFull: true, totalPairs: 0)
        let parsedOnly = HistoryParsedDescriptors(
            history: history, cadreVersion: "test",
            validated: HistoryParsedDescriptors.validations(in: last, plan: full))
        #expect(try #require(parsedOnly.document(digest: b.digest, file: "b.yaml")).diagnostics == nil)
        // Another cadre's parses are not read; unknown digests are not found.
        #expect(
            HistoryParsedDescriptors(history: history, cadreVersion: "other").document(digest: b.digest, file: "b.yaml")
                == nil)
        #expect(kept.document(digest: String(repeating: "0", count: 64), file: "b.yaml") == nil)
    }

    @Test func theEngineTakesADescriptorAsPlannedWithoutReadingItAgain() throws {
        let workspace = try HistoryWorkspace(files: WorkspaceModel().files())
        _ = try workspace.recheck(asOf: "2026-11-29")
        let history = try workspace.history()
        let b = try #require(try history.lastRun()?.systems.first { $0.id == "b" })
        // b changes after the re-check read it: the engine evaluates what was read, under that
        // digest, and reading the file again would have given another.
        try workspace.write("systems/b.yaml", HistoryWorkspace.descriptor(id: "b-renamed"))
        let opened = try workspace.open()
        let file = try #require(opened.systemFiles.first { $0.hasSuffix("b.yaml") })
        var engine = Engine(workspace: opened, jobs: 1, readsStores: false)
        engine.parsedDescriptors = HistoryParsedDescriptors(
            history: history, cadreVersion: "test", digests: [file: b.digest])
        var selection = EvaluationSelection()
        selection.select(["test.retention"], on: file)
        let asOf = try #require(ISODate("2026-11-29"))
        let evaluated = try #require(engine.evaluate(asOf: asOf, selection: selection).systems.first)
        #expect(evaluated.id == "b")
        #expect(evaluated.digest == b.digest)
        // Without the digest, the file is read: what it holds now.
        engine.parsedDescriptors = HistoryParsedDescriptors(history: history, cadreVersion: "test")
        let reread = try #require(engine.evaluate(asOf: asOf, selection: selection).systems.first)
        #expect(reread.id == "b-renamed")
        #expect(reread.digest != b.digest)
    }
}
