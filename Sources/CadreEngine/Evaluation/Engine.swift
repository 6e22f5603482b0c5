import CadreModel
import Foundation
import LuaHost
import Synchronization

/// Evaluates every rule of a workspace's packs against its systems.
///
/// Work is shared by a pool of workers, each on its own thread with its own sandboxed Lua state
/// and the packs loaded once. Workers load descriptors themselves, one at a time, so memory stays
/// flat whatever the number of systems. Results are sorted, so the same inputs give the same
/// ``Evaluation`` whatever the number of workers.
public struct Engine: Sendable {
    public var workspace: Workspace
    /// Workers to run (0: one per core). Never more than there are systems.
    public var jobs: Int
    /// What each rule may use on each system.
    public var limits: LuaLimits
    /// Whether rules read the systems' stores (`--no-stores` turns it off: such rules are skipped).
    public var readsStores: Bool
    /// Where store URLs' `${VAR}` references are resolved.
    public var environment: [String: String]
    /// Where parsed descriptors are kept between evaluations (nil: every descriptor is parsed).
    public var parsedDescriptors: (any ParsedDescriptors)?
    /// The rules to run (nil: every rule of the packs); the others are neither run nor reported.
    public var ruleFilter: RuleFilter?

    public init(
        workspace: Workspace, jobs: Int = 0, limits: LuaLimits? = nil, readsStores: Bool = true,
        environment: [String: String] = ProcessInfo.processInfo.environment
    ) {
        self.workspace = workspace
        self.jobs = jobs
        self.limits = limits ?? workspace.configuration.limits
        self.readsStores = readsStores
        self.environment = environment
    }

    /// Evaluates the workspace under the law in force on `asOf`, every system kept in memory.
    public func evaluate(asOf: ISODate) -> Evaluation {
        let run = Run(files: workspace.systemFiles)
        execute(run, asOf: asOf)
        return run.evaluation(workspace: workspace, asOf: asOf)
    }

    /// Evaluates the workspace under the law in force on `asOf`, each system's results spooled
    /// to a temporary file as soon as it is done: memory stays flat in the number of systems.
    public func evaluateSpooled(asOf: ISODate) -> SpooledEvaluation {
        let run = Run(files: workspace.systemFiles, spooled: true)
        execute(run, asOf: asOf)
        return run.spooled(workspace: workspace, asOf: asOf)
    }

    /// Runs the workers over `run`'s files until none is left.
    func execute(_ run: Run, asOf: ISODate) {
        let workers = max(1, min(jobs > 0 ? jobs : ProcessInfo.processInfo.activeProcessorCount, run.candidates))
        let waivers = workspace.waivers
        let loader = DescriptorLoader(taxonomy: workspace.taxonomy, extensions: workspace.descriptorExtensions)
        // Systems that share a store ask it each question once per run.
        let answers = StoreAnswers()
        let group = DispatchGroup()
        for index in 0..<workers {
            group.enter()
            let thread = Thread { [self] in
                defer { group.leave() }
                work(index: index, run: run, loader: loader, waivers: waivers, answers: answers, asOf: asOf)
            }
            thread.stackSize = 16 << 20
            thread.name = "cadre worker \(index + 1)"
            thread.start()
        }
        group.wait()
    }

    /// One worker: claim the next descriptor, load it, evaluate it, until none is left.
    private func work(
        index: Int, run: Run, loader: DescriptorLoader, waivers workspaceWaivers: [Waiver], answers: StoreAnswers,
        asOf: ISODate
    ) {
        let worker: EngineWorker
        do {
            let stores = StoreAccess(
                baseDirectory: workspace.root, environment: environment, enabled: readsStores, asOf: asOf,
                answers: answers)
            worker = try EngineWorker(
                packs: workspace.packs, plugins: workspace.plugins, taxonomy: workspace.taxonomy, limits: limits,
                asOf: asOf, stores: stores)
        } catch {
            run.fail(Diagnostic.error(.engine, at: .whole(workspace.root), "cannot start a worker: \(error)"))
            if index == 0 { run.abandon() }
            return
        }
        if let ruleFilter { worker.keepRules(ruleFilter) }
        if index == 0 { run.rulesLoaded(worker.rules.map(\.info), diagnostics: worker.diagnostics) }
        while let file = run.next() {
            let (load, digest) = self.load(file, loader: loader)
            guard let document = load.document else {
                run.finish(
                    SystemEvaluation(
                        file: file, id: nil, name: nil, digest: digest, results: [], diagnostics: load.diagnostics))
                continue
            }
            let descriptor = document.descriptor
            var book = WaiverBook(workspaceWaivers.filter { $0.system == descriptor.id.value })
            let own = descriptor.waivers
            for waiver in own { book.add(waiver) }
            let results = worker.evaluate(document, waivers: book, only: run.rules(on: file))
            var system = SystemEvaluation(
                file: file, id: descriptor.id.value, name: descriptor.name.value, digest: digest, results: results,
                diagnostics: load.diagnostics)
            system.waivers = own
            system.profile = SystemProfile(descriptor)
            run.finish(system)
        }
        run.note(worker.readings)
    }

    /// Loads the descriptor `file` and says the digest of its bytes: through ``parsedDescriptors`` when
    /// there is a cache, without reading the file when the cache knows its digest and keeps its
    /// document.
    private func load(_ file: String, loader: DescriptorLoader) -> (DescriptorLoad, digest: String) {
        if let parsedDescriptors, let digest = parsedDescriptors.digest(of: file),
            let kept = parsedDescriptors.document(digest: digest, file: file)
        {
            return (load(kept, file: file, loader: loader), digest)
        }
        // Read once, and never more than one byte past the limit: the digest and the parse share
        // the bytes (a larger file is refused by the parser as too large). A file that cannot be
        // read, or is not a regular file, is left to the loader, which says why.
        let path = workspace.files.path(file)
        guard let bytes = try? FileReader.read(path, limits: loader.limits) else {
            return (loader.load(fileAt: path, as: file), "")
        }
        let digest = Digest.sha256(bytes)
        return (load(bytes, digest: digest, file: file, loader: loader), digest)
    }

    private func load(_ kept: ParsedDescriptor, file: String, loader: DescriptorLoader) -> DescriptorLoad {
        guard let diagnostics = kept.diagnostics else { return loader.load(kept.root, file: file) }
        return loader.load(validated: kept.root, file: file, diagnostics: diagnostics)
    }

    /// Loads a descriptor from its bytes, through ``parsedDescriptors`` when there is a cache.
    private func load(_ bytes: [UInt8], digest: String, file: String, loader: DescriptorLoader) -> DescriptorLoad {
        guard let parsedDescriptors else { return loader.load(bytes: bytes, file: file) }
        if let kept = parsedDescriptors.document(digest: digest, file: file) {
            return load(kept, file: file, loader: loader)
        }
        // A file that does not parse is not kept; the loader parses it again to say why.
        guard let root = try? DocumentParser(limits: loader.limits).parse(bytes, file: file) else {
            return loader.load(bytes: bytes, file: file)
        }
        parsedDescriptors.keep(root, digest: digest)
        return loader.load(root, file: file)
    }
}

/// The shared state of one evaluation: the queue of files and what workers found.
final class Run: Sendable {
    private struct State {
        var nextFile = 0
        var systems: [SystemEvaluation] = []
        /// Where a spooled run's finished systems go (nil: they stay in `systems`), and how it
        /// indexes them.
        var spool: SystemSpool?
        var entries: [SpooledEvaluation.Entry] = []
        var rules: [RuleInfo] = []
        var diagnostics: [Diagnostic] = []
        var readings: [String: RuleReadings] = [:]
    }

    /// Every file the run may evaluate (the workspace's order).
    private let allFiles: [String]
    /// Decides which pairs to evaluate once the rules are known (a planned run); nil: those of
    /// ``selection`` at once.
    private let planning: (@Sendable ([RuleInfo], [Diagnostic]) -> EvaluationSelection?)?
    private let state: Mutex<State>
    /// Whether finished systems go to a spool.
    private let spooled: Bool
    /// Entered until the run knows what to evaluate: workers wait for it before their first file.
    private let deciding = DispatchGroup()

    private struct Decision {
        /// The files to evaluate, in the workspace's order.
        var files: [String]
        /// The rules to evaluate on each file (nil: every rule on every file).
        var selection: EvaluationSelection?
        var abandoned = false
    }
    private let decision: Mutex<Decision>

    /// A run of `files`, every rule on each, or the pairs of `selection` only; finished systems
    /// go to a spool (``SystemSpool``) when `spooled`.
    init(files: [String], selection: EvaluationSelection? = nil, spooled: Bool = false) {
        allFiles = files
        planning = nil
        self.spooled = spooled
        var state = State(spool: spooled ? SystemSpool() : nil)
        // The index has an entry per file: sized once, it never holds two copies while it grows.
        if spooled { state.entries.reserveCapacity(files.count) }
        self.state = Mutex(state)
        let chosen = selection.map { selection in files.filter { !selection.rules(on: $0).isEmpty } } ?? files
        decision = Mutex(Decision(files: chosen, selection: selection))
    }

    /// A run of the pairs `planning` selects among `files`, once the first worker has loaded the
    /// rules (and nothing, when it returns nil).
    init(files: [String], planning: @escaping @Sendable ([RuleInfo], [Diagnostic]) -> EvaluationSelection?) {
        allFiles = files
        self.planning = planning
        spooled = false
        state = Mutex(State())
        decision = Mutex(Decision(files: [], selection: EvaluationSelection()))
        deciding.enter()
    }

    /// How many files the run may evaluate, at most.
    var candidates: Int { allFiles.count }

    /// The rules to evaluate on `file` (nil: every rule).
    func rules(on file: String) -> Set<String>? { decision.withLock { $0.selection?.rules(on: file) } }

    /// Whether the planning chose to evaluate nothing at all (it returned nil).
    var abandoned: Bool { decision.withLock { $0.abandoned } }

    func next() -> String? {
        deciding.wait()
        let files = decision.withLock { $0.files }
        return state.withLock { state in
            guard state.nextFile < files.count else { return nil }
            defer { state.nextFile += 1 }
            return files[state.nextFile]
        }
    }

    func finish(_ system: SystemEvaluation) {
        guard spooled else {
            state.withLock { $0.systems.append(system) }
            return
        }
        // Encoded by the worker that found it; only the append waits for the others.
        let bytes = SpoolCoding.encode(system)
        let tally = SpooledEvaluation.Tally(system.results)
        state.withLock { state in
            guard let record = state.spool?.append(bytes) else { return }
            state.entries.append(
                .init(id: system.id, file: system.file, record: record, valid: system.isValid, tally: tally))
        }
    }

    /// The first worker's rules: a planned run decides now what to evaluate.
    func rulesLoaded(_ rules: [RuleInfo], diagnostics: [Diagnostic]) {
        state.withLock { state in
            state.rules = rules
            state.diagnostics += diagnostics
        }
        guard let planning else { return }
        let selection = planning(rules, diagnostics)
        decision.withLock { decision in
            if let selection {
                decision.selection = selection
                decision.files = allFiles.filter { !selection.rules(on: $0).isEmpty }
            } else {
                decision.abandoned = true
            }
        }
        deciding.leave()
    }

    /// The first worker could not start: a planned run evaluates nothing, and reports why.
    func abandon() {
        guard planning != nil else { return }
        decision.withLock { $0.files = [] }
        deciding.leave()
    }

    func fail(_ diagnostic: Diagnostic) { state.withLock { $0.diagnostics.append(diagnostic) } }

    /// What a worker's rules read.
    func note(_ readings: [String: RuleReadings]) {
        state.withLock { state in state.readings.merge(readings) { $0.union($1) } }
    }

    func evaluation(workspace: Workspace, asOf: ISODate) -> Evaluation {
        state.withLock { state in
            var evaluation = Evaluation(
                assembling: state.systems, rules: state.rules, workspace: workspace, asOf: asOf,
                diagnostics: state.diagnostics)
            evaluation.readings = state.readings
            return evaluation
        }
    }

    /// A spooled run's evaluation, put together as ``evaluation(workspace:asOf:)`` puts one.
    func spooled(workspace: Workspace, asOf: ISODate) -> SpooledEvaluation {
        state.withLock { state in
            SpooledEvaluation(
                entries: state.entries, spool: state.spool ?? SystemSpool(), rules: state.rules, workspace: workspace,
                asOf: asOf, diagnostics: state.diagnostics, readings: state.readings)
        }
    }

    /// What the workers found, as they found it: systems sorted, nothing resolved between them.
    func partial(workspace: Workspace, asOf: ISODate) -> Evaluation {
        state.withLock { state in
            var evaluation = Evaluation(
                asOf: asOf, workspace: workspace.configuration.name, packs: Evaluation.packSummaries(of: workspace),
                rules: state.rules, systems: state.systems.sorted(by: Evaluation.reportOrder),
                diagnostics: (workspace.diagnostics + state.diagnostics).sortedForDisplay())
            evaluation.readings = state.readings
            return evaluation
        }
    }
}

extension Engine {
    /// The rules of the workspace's packs, sorted by id, and the problems loading them.
    public func loadRules() -> (rules: [RuleInfo], diagnostics: [Diagnostic]) {
        do {
            let worker = try EngineWorker(
                packs: workspace.packs, plugins: workspace.plugins, taxonomy: workspace.taxonomy, limits: limits,
                asOf: ISODate.today())
            return (worker.rules.map(\.info), (workspace.diagnostics + worker.diagnostics).sortedForDisplay())
        } catch {
            return (
                [],
                workspace.diagnostics + [.error(.engine, at: .whole(workspace.root), "cannot start a worker: \(error)")]
            )
        }
    }
}
