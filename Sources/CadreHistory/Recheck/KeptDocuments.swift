import CadreEngine
import CadreModel
import Synchronization

/// The history's ``DocumentCache``: descriptors parsed by an earlier run are read back from the
/// history (`parsed_document`, all at once when the first is asked for: one query, not one per
/// descriptor from every worker); those parsed now are archived on the worker that parsed them,
/// and recorded with the run (``HistoryStore/record(_:results:documents:)``).
///
/// A document archived by another version of cadre is not read: its parser may differ. A kept
/// document that cannot be read back is parsed again, and so are all of them when the history
/// cannot be read.
///
/// When the engine's context (cadre, taxonomy, plugins, limits) is the last run's, a descriptor
/// with the bytes of one the last run validated is not validated again: the problems recorded
/// then (warnings: it was valid) are those validating it would find.
final class KeptDocuments: DocumentCache {
    let history: HistoryStore
    let cadreVersion: String
    /// Digest → the file (relative) and problems the last run recorded for a valid descriptor.
    let validated: [String: (file: String, diagnostics: [Diagnostic])]
    private let kept = Mutex<[String: [UInt8]]?>(nil)
    private let parsed = Mutex<[String: [UInt8]]>([:])

    init(history: HistoryStore, cadreVersion: String, validated: [String: (file: String, diagnostics: [Diagnostic])] = [:]) {
        self.history = history
        self.cadreVersion = cadreVersion
        self.validated = validated
    }

    /// What the last run found validating its descriptors that validating them again would find:
    /// those it evaluated (valid), that shared their id with no other, with problems in their
    /// own file only. None when the engine's context changed (`plan.isFull`).
    static func validations(in last: RecordedRun?, plan: RecheckPlan) -> [String: (file: String, diagnostics: [Diagnostic])] {
        guard let last, !plan.isFull else { return [:] }
        var ids: [String: Int] = [:]
        for system in last.systems { if let id = system.id { ids[id, default: 0] += 1 } }
        var validated: [String: (file: String, diagnostics: [Diagnostic])] = [:]
        for system in last.systems where system.isValid && ids[system.id ?? ""] == 1 {
            guard system.diagnostics.allSatisfy({ $0.location.file == system.file }) else { continue }
            validated[system.digest] = (system.file, system.diagnostics)
        }
        return validated
    }

    func document(digest: String, file: String) -> KeptDocument? {
        let body = kept.withLock { kept in
            if kept == nil { kept = (try? history.parsedDocuments(cadreVersion: cadreVersion)) ?? [:] }
            return kept?[digest]
        }
        guard let root = body.flatMap({ DocumentArchive.decode($0, file: file) }) else { return nil }
        let diagnostics = validated[digest].map { known in
            known.diagnostics.map { diagnostic in
                var diagnostic = diagnostic
                diagnostic.location.file = file
                return diagnostic
            }
        }
        return KeptDocument(root: root, diagnostics: diagnostics)
    }

    func keep(_ root: LocatedNode, digest: String) {
        let body = DocumentArchive.encode(root)
        parsed.withLock { $0[digest] = body }
    }

    /// The documents parsed in this run, by digest, archived.
    var newlyParsed: [String: [UInt8]] { parsed.withLock { $0 } }
}
