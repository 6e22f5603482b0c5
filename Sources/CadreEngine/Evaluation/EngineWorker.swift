import CadreModel
import CadreStores
import Foundation
import LuaHost

/// One worker of an evaluation: a sandboxed Lua state with every pack loaded once, evaluating
/// systems one after another. A worker lives on one thread (its state never crosses threads).
final class EngineWorker {
    let state: LuaState
    let sink = FindingSink()
    let library: CadreLibrary
    let limits: LuaLimits
    /// The date rules are evaluated on (``evaluate(rule:on:waivers:asOf:)`` may change it).
    private(set) var asOf: ISODate
    /// `ctx`, shared by every rule of the run (read-only).
    private(set) var context: LuaValue
    /// `ctx` for each date evaluated so far.
    private var contexts: [ISODate: LuaValue] = [:]
    /// The rules, sorted by id.
    private(set) var rules: [RuleDefinition] = []
    /// Problems loading the packs' rules.
    private(set) var diagnostics: [Diagnostic] = []
    /// The stores of the system being evaluated.
    let stores: StoreAccess
    /// `ctx.store`, in every `ctx` of the worker.
    private let storeFunction: LuaValue
    /// The enabled plugins' modules, for `require`.
    let plugins: PluginSet
    /// What rule files keep from one system to the next.
    let retained: RetainedMemory
    /// What each rule evaluated by this worker read besides its system (``RuleReadings``).
    private(set) var readings: [String: RuleReadings] = [:]
    /// The packs whose files read `pack.version` while loading (a module can keep it): their
    /// rules are taken to read it.
    private var packsReadingVersionAtLoad: Set<String> = []
    /// The enabled plugins' detectors, in a Lua state of their own (nil: no plugin has any).
    let detectorState: DetectorState?

    init(
        packs: [Pack], plugins: [Plugin] = [], taxonomy: Taxonomy, limits: LuaLimits, asOf: ISODate,
        stores: StoreAccess? = nil
    ) throws(LuaError) {
        self.limits = limits
        self.asOf = asOf
        self.stores = stores ?? StoreAccess(baseDirectory: ".", environment: [:], enabled: false, asOf: asOf)
        state = try LuaState(options: .init(limits: limits))
        library = try CadreLibrary(state: state, taxonomy: taxonomy, sink: sink)
        self.plugins = try PluginSet(state: state, plugins: plugins, taxonomy: taxonomy, limits: limits)
        var detectors = DetectorRegistry.standard
        detectorState =
            DetectorState.isNeeded(for: plugins)
            ? try DetectorState(plugins: plugins, taxonomy: taxonomy, limits: limits, registry: &detectors) : nil
        self.stores.detectors = detectors
        diagnostics += self.plugins.diagnostics + (detectorState?.diagnostics ?? [])
        var context = library.contextFunctions
        context["as_of"] = .string(asOf.description)
        storeFunction = StoreLibrary.install(in: state, access: self.stores)
        context["store"] = storeFunction
        self.context = try Self.context(context, in: state)
        contexts[asOf] = self.context
        retained = RetainedMemory(
            state: state, limit: limits.retainedBytes, shared: [library.library, library.systemMethods, self.context])
        var seen: [String: String] = [:]
        for pack in packs {
            for rule in loadRules(of: pack) {
                if let first = seen[rule.info.id] {
                    diagnostics.append(
                        .error(
                            .duplicateID, at: .start(of: rule.info.file),
                            "rule `\(rule.info.id)` is also defined in `\(first)`",
                            hint: "every rule id must be unique"))
                    continue
                }
                seen[rule.info.id] = rule.info.file
                rules.append(rule)
            }
        }
        rules.sort { $0.info.id < $1.info.id }
        for rule in rules where packsReadingVersionAtLoad.contains(rule.info.pack) {
            readings[rule.info.id] = .packVersion
        }
        retained.start()
    }

    /// `ctx` as rules see it: read-only, noting when a rule reads the date or a store.
    private static func context(_ table: LuaTable, in state: LuaState) throws(LuaError) -> LuaValue {
        try state.readOnly(
            table, watching: ["as_of": RuleReadings.asOf.rawValue, "store": RuleReadings.stores.rawValue])
    }

    // MARK: Loading

    /// The rules of `pack`, each file in its own environment with `pack` and `require`.
    private func loadRules(of pack: Pack) -> [RuleDefinition] {
        let globals: [String: LuaValue]
        // A module's memory is its own (RetainedMemory): `require` tells the worker which ran,
        // and which rule file required which.
        var stop = LuaValue.nil
        let watch = PackGlobals.ModuleWatch(
            loaded: { [weak retained = self.retained, weak state = self.state] file, name, roots in
                retained?.watch(module: file, roots: roots) { _ = try? state?.call(stop, [.string(name)]) }
            },
            required: { [weak retained = self.retained] file in retained?.required(module: file) })
        do {
            let made = try PackGlobals.make(for: pack, in: state, limits: limits, plugins: plugins, watch: watch)
            globals = made.globals
            stop = made.stop
            retained.share([made.stop] + made.globals.values)
        } catch {
            diagnostics.append(
                .error(.packLoad, at: pack.manifest.location, "cannot prepare pack `\(pack.id)`: \(error)"))
            return []
        }
        var rules: [RuleDefinition] = []
        _ = state.takeReadings()
        defer {
            if RuleReadings(rawValue: state.takeReadings()).contains(.packVersion) {
                packsReadingVersionAtLoad.insert(pack.id)
            }
        }
        defer { retained.currentFile = nil }
        for file in pack.ruleFiles {
            retained.currentFile = file.path
            do {
                let environment = try state.makeEnvironment(globals)
                let chunk = try state.load(file.source, name: file.path, environment: environment)
                let returned = try state.call(chunk, limits: limits)
                var reader = RuleTableReader(file: file, pack: pack)
                let read = reader.read(returned.first ?? .nil)
                retained.watch(file: file.path, roots: [.reference(environment.table)] + read.flatMap(\.functions))
                rules += read
                diagnostics += reader.diagnostics
            } catch {
                diagnostics.append(Self.diagnostic(loading: file, error))
            }
        }
        return rules
    }

    static func diagnostic(loading file: Pack.File, _ error: LuaError) -> Diagnostic {
        let location = SourceLocation(file: error.file ?? file.path, line: error.line ?? 1, column: 1)
        switch error.kind {
        case .syntax:
            return .error(.ruleSyntax, at: location, "syntax error: \(error.message)")
        default:
            return .error(
                .ruleLoad, at: location, "the rule file failed while loading: \(error.message)",
                hint: error.isLimit ? "a rule file only returns its rules; do the work in `check`" : nil)
        }
    }

    // MARK: Evaluation

    /// Keeps only the rules `filter` keeps.
    func keepRules(_ filter: RuleFilter) {
        rules.removeAll { !filter.keeps($0.info.id) }
    }

    /// Every rule's result on the system of `document` (only the rules of `selected`, when given).
    func evaluate(_ document: DescriptorDocument, waivers: WaiverBook, only selected: Set<String>? = nil)
        -> [RuleResult]
    {
        evaluate(
            selected.map { selected in rules.filter { selected.contains($0.info.id) } } ?? rules, on: document,
            waivers: waivers)
    }

    /// The result of the rule with id `id` on the system of `document`, under the law in force on
    /// `date` (the worker keeps that date for later calls); nil when no rule has that id. The
    /// same code path as a whole evaluation: dates in force, `applies`, `check`, limits, waivers.
    func evaluate(rule id: String, on document: DescriptorDocument, waivers: WaiverBook, asOf date: ISODate)
        throws(LuaError) -> RuleResult?
    {
        guard let rule = rules.first(where: { $0.info.id == id }) else { return nil }
        try use(asOf: date)
        return evaluate([rule], on: document, waivers: waivers).first
    }

    /// Makes `date` the date of the evaluations that follow, and `ctx.as_of` say so.
    private func use(asOf date: ISODate) throws(LuaError) {
        guard date != asOf else { return }
        if let known = contexts[date] {
            context = known
        } else {
            var table = library.contextFunctions
            table["as_of"] = .string(date.description)
            table["store"] = storeFunction
            context = try Self.context(table, in: state)
            contexts[date] = context
        }
        asOf = date
        stores.asOf = date
    }

    private func evaluate(_ selected: [RuleDefinition], on document: DescriptorDocument, waivers: WaiverBook)
        -> [RuleResult]
    {
        let systemID = document.descriptor.id.value
        let tree = SystemTree(document: document)
        let system: LuaValue
        do {
            system = try tree.value(in: state, fallback: library.systemMethods)
        } catch {
            return selected.map { rule in
                RuleResult(
                    rule: rule.info.id, system: systemID, status: .error, severity: rule.info.severity,
                    failure: .init(
                        kind: .init(of: error), message: "the descriptor cannot be handed to rules: \(error.message)",
                        location: nil))
            }
        }
        defer {
            if let reference = system.referenceValue { state.release(reference) }
            stores.finish()
        }
        sink.start(tree: tree, file: document.file, location: document.root.location)
        stores.start(document.descriptor)
        return selected.map { evaluate($0, on: system, id: systemID, waivers: waivers) }
    }

    /// The result of `rule` on `system`, with what it printed; an error when the rule's file
    /// keeps more memory between systems than it may, found after this call or an earlier one
    /// (``RetainedMemory``).
    private func evaluate(_ rule: RuleDefinition, on system: LuaValue, id systemID: String, waivers: WaiverBook)
        -> RuleResult
    {
        if retained.stopped[rule.info.file] == nil {
            let before = state.memoryInUse
            retained.currentFile = rule.info.file
            state.log.removeAll()
            var result = outcome(of: rule, on: system, id: systemID, waivers: waivers)
            result.log = state.log.report
            guard retained.check(current: system, before: before).contains(rule.info.file) else { return result }
        }
        var result = RuleResult(rule: rule.info.id, system: systemID, status: .error, severity: rule.info.severity)
        result.failure = .init(
            kind: .memoryLimit, message: retained.message(file: rule.info.file) ?? "",
            location: .start(of: rule.info.file))
        return result
    }

    private func outcome(of rule: RuleDefinition, on system: LuaValue, id systemID: String, waivers: WaiverBook)
        -> RuleResult
    {
        let info = rule.info
        var result = RuleResult(rule: info.id, system: systemID, status: .pass, severity: info.severity)
        if let reason = info.window(on: asOf) {
            result.status = .skipped
            result.skipReason = reason
            return result
        }
        state.reseed(Self.seed(info.id, systemID))
        sink.reset()
        stores.startRule()
        _ = state.takeReadings()
        defer { readings[info.id, default: []].formUnion(RuleReadings(rawValue: state.takeReadings())) }
        do {
            if let applies = rule.applies {
                let answer = try state.call(applies, [system], limits: limits, mode: .references)
                guard try AppliesAnswer.read(answer, of: applies, in: state) else {
                    sink.reset()
                    result.status = .skipped
                    result.skipReason = .notApplicable
                    return result
                }
            }
            try state.run(rule.check, [system, context], limits: limits)
        } catch {
            sink.reset()
            if error.hostError is StoresDisabled {
                result.status = .skipped
                result.skipReason = .storesNotRead
                return result
            }
            result.status = .error
            if let failure = stores.scanFailure(endingWith: error) {
                // A plugin detector failed during a scan, or a scan cut short took the rule's time.
                result.failure = failure
                return result
            }
            result.failure = .init(
                kind: .init(of: error), message: error.message,
                location: error.file.map {
                    SourceLocation(file: $0, line: error.line ?? 0, column: error.line == nil ? 0 : 1)
                },
                descriptorLocation: (error.hostError as? StoreError).flatMap { stores.declaration(of: $0.store) })
            return result
        }
        if let failure = stores.scanFailure(endingWith: nil) {
            // A plugin detector failed (its error caught by the rule), or a scan was cut short:
            // never a pass. The findings of a scan cut short hold for the rows read.
            result.status = .error
            result.failure = failure
            if failure.kind == .scanIncomplete { result.findings = sink.take() }
            return result
        }
        result.findings = sink.take()
        if result.findings.contains(where: { $0.level == .fail }) {
            result.status = .fail
        } else if result.findings.contains(where: { $0.level == .warn }) {
            result.status = .warn
        }
        applyWaivers(waivers.waivers(for: info.id, on: systemID), to: &result)
        return result
    }

    /// A covering, active waiver turns a failure or a warning into `waived`; an expired one is
    /// reported as a finding of its own.
    private func applyWaivers(_ candidates: [Waiver], to result: inout RuleResult) {
        guard !candidates.isEmpty else { return }
        if let active = candidates.first(where: { $0.isActive(on: asOf) }) {
            if result.status == .fail || result.status == .warn {
                result.status = .waived
                result.waiver = active.applied
            }
            return
        }
        for expired in candidates {
            let stillNeeded = result.status == .fail || result.status == .warn
            result.findings.append(
                Finding(
                    level: stillNeeded ? .warn : .info,
                    message: stillNeeded
                        ? "the waiver approved by \(expired.approvedBy) expired on \(expired.expires) (\(expired.reason)): it no longer applies"
                        : "the waiver approved by \(expired.approvedBy) expired on \(expired.expires) and is no longer needed: remove it",
                    location: expired.location))
        }
        result.findings.sort()
    }

    /// A seed for `math.random` that depends only on the rule and the system: results do not
    /// depend on which worker evaluates what.
    static func seed(_ rule: String, _ system: String) -> Int64 {
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        for byte in rule.utf8 + [0] + system.utf8 {
            hash ^= UInt64(byte)
            hash &*= 0x100_0000_01b3
        }
        return Int64(bitPattern: hash)
    }
}
