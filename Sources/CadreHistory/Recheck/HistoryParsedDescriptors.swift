import CadreEngine
import CadreModel
import Foundation
import Synchronization

/// The history's ``ParsedDescriptors``: descriptors parsed by an earlier run are read back from the
/// history (`parsed_document`, all at once on another thread: one query, not one per descriptor
/// from every worker); those parsed now are archived on the worker that parsed them,
/// and recorded with the run (``HistoryStore/record(_:results:documents:)``).
///
/// A document archived by another version of cadre is not read: its parser may differ. A kept
/// document that cannot be read back is parsed again, and so are all of them when the history
/// cannot be read.
///
/// The digests the re-check computed to plan spare the engine reading each descriptor again: a
/// descriptor is evaluated as it was when the re-check planned (and recorded with that digest).
///
/// When the engine's context (cadre, taxonomy, plugins, limits) is the last run's, a descriptor
/// with the bytes of one the last run validated is not validated again: the problems recorded
/// then (warnings: it was valid) are those validating it would find.
final class HistoryParsedDescriptors: ParsedDescriptors {
    let history: HistoryStore
    let cadreVersion: String
    /// Digest → the file (relative) and problems the last run recorded for a valid descriptor:
    /// set once the re-check has planned (``trust(_:)``), before any descriptor is evaluated.
    private let validated: Mutex<[String: (file: String, diagnostics: [Diagnostic])]>
    /// File → the digest of its bytes, as the re-check read them to plan.
    let digests: [String: String]
    private let stored: Stored
    private let parsed = Mutex<[String: [UInt8]]>([:])

    /// `stored`: what the history keeps, when its reading has started already.
    init(
        history: HistoryStore, cadreVersion: String,
        validated: [String: (file: String, diagnostics: [Diagnostic])] = [:],
        digests: [String: String] = [:], stored: Stored? = nil
    ) {
        self.history = history
        self.cadreVersion = cadreVersion
        self.validated = Mutex(validated)
        self.digests = digests
        self.stored = stored ?? Stored(history: history, cadreVersion: cadreVersion)
    }

    func digest(of file: String) -> String? { digests[file] }

    /// The archives the history keeps for cadre `cadreVersion`, read on another thread from the
    /// moment they are asked for (a re-check asks before it reads the last run and plans), in one
    /// query; none when the history cannot be read.
    final class Stored: Sendable {
        private let archives = Mutex<[String: [UInt8]]>([:])
        private let read = DispatchGroup()

        init(history: HistoryStore, cadreVersion: String) {
            DispatchQueue.global().async(group: read) { [self] in
                let found = (try? history.parsedDocuments(cadreVersion: cadreVersion)) ?? [:]
                archives.withLock { $0 = found }
            }
        }

        /// The archive of the document with `digest`, once they are read.
        subscript(digest: String) -> [UInt8]? {
            read.wait()
            return archives.withLock { $0[digest] }
        }
    }

    /// What the last run found validating its descriptors that validating them again would find:
    /// those it evaluated (valid), that shared their id with no other, with problems in their
    /// own file only. None when the engine's context changed (`plan.isFull`).
    static func validations(in last: RecordedRun?, plan: RecheckPlan) -> [String: (
        file: String, diagnostics: [Diagnostic]
    )] {
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

    /// Takes the validations the last run recorded as those validating again would find
    /// (``validations(in:plan:)``).
    func trust(_ validations: [String: (file: String, diagnostics: [Diagnostic])]) {
        validated.withLock { $0 = validations }
    }

    func document(digest: String, file: String) -> ParsedDescriptor? {
        guard let root = stored[digest].flatMap({ DocumentArchive.decode($0, file: file) }) else { return nil }
        let diagnostics = validated.withLock { $0[digest] }.map { known in
            known.diagnostics.map { diagnostic in
                var diagnostic = diagnostic
                diagnostic.location.file = file
                return diagnostic
            }
        }
        return ParsedDescriptor(root: root, diagnostics: diagnostics)
    }

    /// Keeps `root` to be recorded with the run — unless a store URL in it holds a password or
    /// another secret in clear: nothing secret is written to the history, and a re-check reads
    /// that file again (its store stays reachable).
    func keep(_ root: LocatedNode, digest: String) {
        guard !StoreURLSecrets.holdsSecret(root) else { return }
        let body = DocumentArchive.encode(root)
        parsed.withLock { $0[digest] = body }
    }

    /// The documents parsed in this run, by digest, archived.
    var newlyParsed: [String: [UInt8]] { parsed.withLock { $0 } }
}
