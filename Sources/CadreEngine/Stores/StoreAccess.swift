import CadreModel
import CadreStores
import Foundation
import LuaHost

/// The stores of the system a worker evaluates: opened on a rule's first `ctx:store(id)`, shared
/// by the system's other rules, closed when the system is done. A store that fails to open fails
/// the same way for every rule, without trying again.
///
/// In an evaluation, questions go through the run's ``StoreAnswers`` first: a store another system
/// of the run declares too is asked each question once, and is not opened again for a system
/// whose questions are all answered (it opens on the first question that is not).
final class StoreAccess {
    /// Where relative store paths start (the workspace; for `cadre test`, the fixture's folder).
    var baseDirectory: String
    /// Where `${VAR}` references are resolved (the process's environment).
    let environment: [String: String]
    /// `--no-stores`: rules that read stores are skipped.
    let enabled: Bool
    /// The date "older than P6M" counts back from.
    var asOf: ISODate
    /// The answers the run's workers share (nil: every question goes to the store).
    let answers: StoreAnswers?
    /// The current system, counted from 1: a store handle kept from an earlier system is closed.
    private(set) var system = 0

    private var declared: [String: StoreEndpoint] = [:]
    /// Where each store is declared: its `url:` (else its `id:`), by id.
    private var declarations: [String: SourceLocation] = [:]
    /// The free-text columns the descriptor declares, by store and table: what `scan` reads by default.
    private var freeText: [String: [String: [String]]] = [:]
    /// The detectors scans run: the native ones and the enabled plugins' (the worker's own).
    var detectors = DetectorRegistry.standard
    /// A plugin detector failure the rule's scans met (the last): its result is then an error of
    /// kind `plugin`, whether or not the rule caught the error.
    var pluginFailure: PluginFailure?
    /// The first scan of the rule that its time limit cut short (its result is then an error of
    /// kind `scan-incomplete`).
    private(set) var incompleteScan: IncompleteScan?
    private var open: [String: any Store] = [:]
    private var failed: [String: StoreError] = [:]

    init(
        baseDirectory: String, environment: [String: String], enabled: Bool, asOf: ISODate,
        answers: StoreAnswers? = nil
    ) {
        self.baseDirectory = baseDirectory
        self.environment = environment
        self.enabled = enabled
        self.asOf = asOf
        self.answers = answers
    }

    /// Starts a system: its declared stores become reachable by id.
    func start(_ descriptor: SystemDescriptor) {
        finish()
        system += 1
        for store in descriptor.stores {
            declared[store.id.value] = StoreEndpoint(store)
            declarations[store.id.value] = store.url?.location ?? store.id.location
            for table in store.tables {
                freeText[store.id.value, default: [:]][table.name.value] = table.freeText.map(\.value)
            }
        }
    }

    /// Closes the system's stores.
    func finish() {
        for store in open.values { store.close() }
        open.removeAll()
        failed.removeAll()
        declared.removeAll()
        declarations.removeAll()
        freeText.removeAll()
    }

    /// Forgets what the previous rule's scans met: a new rule starts.
    func startRule() {
        pluginFailure = nil
        incompleteScan = nil
    }

    /// Notes a scan its time limit cut short.
    func cutShort(_ scan: IncompleteScan) {
        if incompleteScan == nil { incompleteScan = scan } else { incompleteScan?.others += 1 }
    }

    /// Why the rule's result is an error whatever `check` did, when a scan says so: a plugin
    /// detector failed in one (whether or not the rule caught the error), or — when the rule
    /// returned, or ran out of its time — a scan was cut short by its time limit.
    func scanFailure(endingWith error: LuaError?) -> RuleResult.Failure? {
        if let pluginFailure {
            return .init(kind: .plugin, message: pluginFailure.description, location: pluginFailure.location)
        }
        if let incompleteScan, error == nil || error?.kind == .deadline { return incompleteScan.failure }
        return nil
    }

    /// Where the store `id` is declared in the descriptor: its `url:` line (else its `id:`).
    func declaration(of id: String) -> SourceLocation? { declarations[id] }

    /// The free-text columns the descriptor declares for `table` of store `id`.
    func declaredFreeText(store id: String, table: String) -> [String] { freeText[id]?[table] ?? [] }

    /// Reaches the store `id` of the current system for `ctx:store(id)`: opens it, unless it opened
    /// earlier in the run and its answers are shared (it then opens on its first unanswered question).
    ///
    /// - Throws: ``StoresDisabled`` in a run without stores (the rule is then skipped), the
    ///   ``StoreError`` of a store that does not open (the rule's result is then an error of kind
    ///   `store`), or a ``LuaCallError`` for an id the system does not declare.
    func reach(_ id: String) throws {
        guard enabled else { throw StoresDisabled() }
        if open[id] != nil { return }
        if let error = failed[id] { throw error }
        guard let endpoint = declared[id] else {
            let known = declared.keys.sorted()
            throw LuaCallError(
                "the system declares no store `\(id)`"
                    + (known.isEmpty ? "" : " (its stores: \(known.joined(separator: ", ")))"))
        }
        if let answers, answers.opened(key(endpoint)) { return }
        _ = try store(id)
    }

    /// The store `id` of the current system, opened on first use.
    ///
    /// - Throws: the ``StoreError`` of a store that does not open (every later call throws it too).
    func store(_ id: String) throws -> any Store {
        if let store = open[id] { return store }
        if let error = failed[id] { throw error }
        guard let endpoint = declared[id] else { throw LuaCallError("the system declares no store `\(id)`") }
        do {
            let store = try endpoint.open(environment: environment, options: StoreOptions(baseDirectory: baseDirectory))
            open[id] = store
            answers?.noteOpened(key(endpoint))
            return store
        } catch {
            failed[id] = error
            throw error
        }
    }

    /// The answer to `question` of the store `id`: the run's, when another system asked it,
    /// else the store's (kept for the run when `keeping` says it is complete).
    func answer<Answer: Sendable>(
        _ question: StoreAnswers.Question, of id: String, keeping: (Answer) -> Bool = { _ in true },
        ask: (any Store) throws -> Answer
    ) throws -> Answer {
        let shared = answers.flatMap { answers in declared[id].map { (answers, key($0)) } }
        if let (answers, store) = shared, let known = answers.answer(question, of: store, as: Answer.self) {
            return known
        }
        let answer = try ask(store(id))
        if let (answers, store) = shared, keeping(answer) { answers.keep(answer, to: question, of: store) }
        return answer
    }

    private func key(_ endpoint: StoreEndpoint) -> StoreAnswers.Store {
        StoreAnswers.Store(engine: endpoint.engine, url: endpoint.url, baseDirectory: baseDirectory)
    }

    /// The instant `period` before the as-of date, at midnight UTC: "older than" means before it.
    func cutoff(_ period: ISODuration) -> Date? {
        guard let day = asOf.subtracting(period) else { return nil }
        return Date(timeIntervalSince1970: TimeInterval(day.dayNumber) * 86_400)
    }
}

/// Thrown when a rule reads a store in a run without stores (`--no-stores`): the rule is skipped.
struct StoresDisabled: Error, CustomStringConvertible {
    var description: String { "stores are not read in this run (--no-stores)" }
}
