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

    /// Evaluates the workspace under the law in force on `asOf`.
    public func evaluate(asOf: ISODate) -> Evaluation {
        let files = workspace.systemFiles
        let workers = max(1, min(jobs > 0 ? jobs : ProcessInfo.processInfo.activeProcessorCount, files.count))
        let run = Run(files: files)
        let waivers = workspace.waivers
        let loader = DescriptorLoader(taxonomy: workspace.taxonomy)
        let group = DispatchGroup()
        for index in 0..<workers {
            group.enter()
            let thread = Thread { [self] in
                defer { group.leave() }
                work(index: index, run: run, loader: loader, waivers: waivers, asOf: asOf)
            }
            thread.stackSize = 16 << 20
            thread.name = "cadre worker \(index + 1)"
            thread.start()
        }
        group.wait()
        return run.evaluation(workspace: workspace, asOf: asOf)
    }

    /// One worker: claim the next descriptor, load it, evaluate it, until none is left.
    private func work(index: Int, run: Run, loader: DescriptorLoader, waivers workspaceWaivers: [Waiver], asOf: ISODate) {
        let worker: EngineWorker
        do {
            let stores = StoreAccess(baseDirectory: workspace.root, environment: environment, enabled: readsStores, asOf: asOf)
            worker = try EngineWorker(packs: workspace.packs, plugins: workspace.plugins, taxonomy: workspace.taxonomy, limits: limits, asOf: asOf, stores: stores)
        } catch {
            run.fail(Diagnostic.error("engine", at: .whole(workspace.root), "cannot start a worker: \(error)"))
            return
        }
        if index == 0 { run.rulesLoaded(worker.rules.map(\.info), diagnostics: worker.diagnostics) }
        while let file = run.next() {
            let digest = FileManager.default.contents(atPath: file).map { Digest.sha256($0) } ?? ""
            let load = loader.load(fileAt: file)
            guard let document = load.document else {
                run.finish(SystemEvaluation(file: file, id: nil, name: nil, digest: digest, results: [], diagnostics: load.diagnostics))
                continue
            }
            let descriptor = document.descriptor
            var book = WaiverBook(workspaceWaivers.filter { $0.system == descriptor.id.value })
            for waiver in WaiverFile.waivers(of: descriptor) { book.add(waiver) }
            let results = worker.evaluate(document, waivers: book)
            run.finish(SystemEvaluation(
                file: file, id: descriptor.id.value, name: descriptor.name.value, digest: digest, results: results,
                diagnostics: load.diagnostics))
        }
    }
}

/// The shared state of one evaluation: the queue of files and what workers found.
private final class Run: Sendable {
    private struct State {
        var nextFile = 0
        var systems: [SystemEvaluation] = []
        var rules: [RuleInfo] = []
        var diagnostics: [Diagnostic] = []
    }

    let files: [String]
    private let state = Mutex(State())

    init(files: [String]) { self.files = files }

    func next() -> String? {
        state.withLock { state in
            guard state.nextFile < files.count else { return nil }
            defer { state.nextFile += 1 }
            return files[state.nextFile]
        }
    }

    func finish(_ system: SystemEvaluation) { state.withLock { $0.systems.append(system) } }

    func rulesLoaded(_ rules: [RuleInfo], diagnostics: [Diagnostic]) {
        state.withLock { state in
            state.rules = rules
            state.diagnostics += diagnostics
        }
    }

    func fail(_ diagnostic: Diagnostic) { state.withLock { $0.diagnostics.append(diagnostic) } }

    func evaluation(workspace: Workspace, asOf: ISODate) -> Evaluation {
        state.withLock { state in
            var diagnostics = workspace.diagnostics + state.diagnostics
            var systems = state.systems.sorted { a, b in
                switch (a.id, b.id) {
                case let (x?, y?): (x, a.file) < (y, b.file)
                case (nil, nil): a.file < b.file
                case (nil, _): false
                case (_, nil): true
                }
            }
            // Two descriptors with one id: the second is reported, not evaluated.
            var seen: [String: String] = [:]
            for index in systems.indices {
                guard let id = systems[index].id else { continue }
                if let first = seen[id] {
                    systems[index].results = []
                    systems[index].diagnostics.append(.error(
                        .duplicateID, at: .start(of: systems[index].file), "system `\(id)` is also described in `\(first)`",
                        hint: "every system needs its own id"))
                } else {
                    seen[id] = systems[index].file
                }
            }
            diagnostics += Self.waiverProblems(workspace.waivers, rules: state.rules, systems: Set(seen.keys))
            let packs = workspace.packs.map { pack in
                Evaluation.PackSummary(
                    id: pack.id, version: pack.version, title: pack.manifest.title, folder: pack.folder, digest: pack.digest,
                    settings: pack.settings,
                    files: Dictionary(uniqueKeysWithValues: (pack.ruleFiles + pack.modules.values.sorted { $0.path < $1.path }).map { ($0.path, $0.digest) }))
            }
            return Evaluation(
                asOf: asOf, workspace: workspace.configuration.name, packs: packs, rules: state.rules, systems: systems,
                diagnostics: diagnostics.sortedForDisplay())
        }
    }

    /// Workspace waivers that name no known rule or system: probably a typo, so a warning.
    static func waiverProblems(_ waivers: [Waiver], rules: [RuleInfo], systems: Set<String>) -> [Diagnostic] {
        var problems: [Diagnostic] = []
        let ids = rules.map(\.id)
        for waiver in waivers {
            if !ids.contains(where: { waiver.covers(rule: $0) }) {
                problems.append(.warning(
                    "unknown-rule", at: waiver.location, "the waiver names rule `\(waiver.rule)`, which no pack defines",
                    hint: Suggestion.hint(for: waiver.rule, among: ids)))
            }
            if !systems.contains(waiver.system) {
                problems.append(.warning(
                    "unknown-system", at: waiver.location, "the waiver names system `\(waiver.system)`, which no descriptor describes",
                    hint: Suggestion.hint(for: waiver.system, among: systems)))
            }
        }
        return problems
    }
}

extension Engine {
    /// The rules of the workspace's packs, sorted by id, and the problems loading them.
    public func loadRules() -> (rules: [RuleInfo], diagnostics: [Diagnostic]) {
        do {
            let worker = try EngineWorker(packs: workspace.packs, plugins: workspace.plugins, taxonomy: workspace.taxonomy, limits: limits, asOf: ISODate.today())
            return (worker.rules.map(\.info), (workspace.diagnostics + worker.diagnostics).sortedForDisplay())
        } catch {
            return ([], workspace.diagnostics + [.error("engine", at: .whole(workspace.root), "cannot start a worker: \(error)")])
        }
    }
}
