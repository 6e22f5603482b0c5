import CadreEngine
import CadreModel
import Foundation

/// Compares the workspace with the last run and decides which (system, rule) pairs to evaluate:
///
/// - every pair, on the first run, or when cadre's version, the limits, a taxonomy file or a
///   plugin changed;
/// - a rule on every system, when its file changed, its pack's shared parts (modules, data,
///   settings) changed, it is new, it read the as-of date (`ctx.as_of`) last time and the date
///   moved, it read its pack's `version` and that changed, or the new as-of date is on the other
///   side of one of its effective dates;
/// - every rule on a system, when its descriptor is new or changed, or shared its id last time;
/// - a rule on a system, when the waivers that cover it changed, or one expired (or is in force
///   again) between the two dates;
/// - a rule that read stores (`ctx:store`) last time, on every system whose descriptor declares
///   stores, at every re-check: the data may have changed, and no digest covers it.
///
/// What a rule read is what it touched when it last ran (``RecordedRun/readings``); a rule the
/// last run knows nothing of is taken to read everything.
///
/// Everything else is copied. Descriptors and rules that disappeared are dropped.
struct RecheckPlanner {
    let workspace: Workspace
    let inputs: WorkspaceInputs
    /// The rules the workspace loads now.
    let rules: [RuleInfo]
    let asOf: ISODate
    /// Whether rules read stores in this run.
    var readsStores = true
    /// What is known of the descriptor files, by file (read here when not given).
    var descriptors: [String: Descriptor] = [:]

    /// A descriptor file as the planner sees it: the digest of its bytes (empty when it cannot be
    /// read), and whether it mentions `stores`.
    struct Descriptor: Sendable {
        var digest: String
        var mentionsStores: Bool

        init(at path: String) {
            // As the engine reads it: at most one byte past the limit, only a regular file.
            let bytes = try? FileReader.read(path)
            digest = bytes.map { Digest.sha256($0) } ?? ""
            mentionsStores = bytes.map { Data($0).range(of: Data("stores".utf8)) != nil } ?? false
        }
    }

    /// The descriptor files of `workspace`, read and hashed on every core.
    static func descriptors(of workspace: Workspace) -> [String: Descriptor] {
        let files = workspace.systemFiles
        return Dictionary(
            zip(files, files.concurrentMap { Descriptor(at: workspace.files.path($0)) }),
            uniquingKeysWith: { a, _ in a })
    }

    func plan(after last: RecordedRun?) -> RecheckPlan {
        let files = workspace.systemFiles
        let total = files.count * rules.count
        let everything = Set(rules.map(\.id))
        func full(_ reasons: [ChangeReason]) -> RecheckPlan {
            var selection = EvaluationSelection()
            for file in files { selection.select(everything, on: file) }
            return RecheckPlan(
                selection: selection, reasons: reasons, isFull: true, totalPairs: total, rulesEverywhere: everything)
        }
        guard let last else {
            return full([ChangeReason(.firstRun, "history", "no earlier run: every pair is evaluated")])
        }

        let oldEngine = WorkspaceInputs.engineParts(last.engine)
        let engineChanges = Set(oldEngine.keys).union(inputs.engineParts.keys).sorted().filter {
            oldEngine[$0] != inputs.engineParts[$0]
        }
        if !engineChanges.isEmpty {
            return full(
                engineChanges.map { part in
                    ChangeReason(
                        .engine, part,
                        "\(oldEngine[part] ?? "none") → \(inputs.engineParts[part] ?? "none"): every pair is evaluated")
                })
        }
        let oldPlugins = Dictionary(
            last.inputs.filter { $0.kind == .plugin }.map { ($0.path, $0.digest) }, uniquingKeysWith: { a, _ in a })
        let newPlugins = Dictionary(
            inputs.inputs.filter { $0.kind == .plugin }.map { ($0.path, $0.digest) }, uniquingKeysWith: { a, _ in a })
        if oldPlugins != newPlugins {
            let changed = Set(oldPlugins.keys).union(newPlugins.keys).sorted().filter {
                oldPlugins[$0] != newPlugins[$0]
            }
            return full(
                changed.map {
                    ChangeReason(
                        .plugin, $0,
                        "plugin \(oldPlugins[$0] == nil ? "added" : newPlugins[$0] == nil ? "removed" : "changed"): every pair is evaluated"
                    )
                })
        }

        var reasons: [ChangeReason] = []
        let (everywhere, ruleReasons) = rulesToRerun(after: last)
        reasons += ruleReasons
        // Rules that read stores see data no digest covers: again on every system with stores.
        var storeRules: Set<String> = []
        if readsStores {
            for rule in rules where !everywhere.contains(rule.id) && last.readings(of: rule.id).contains(.stores) {
                storeRules.insert(rule.id)
            }
            for rule in storeRules.sorted() {
                reasons.append(
                    ChangeReason(
                        .stores, rule, "reads stores, whose data may have changed: on every system that declares stores"
                    ))
            }
        }

        var selection = EvaluationSelection()
        let oldSystems = Dictionary(
            last.systems.indices.map { (last.systems[$0].file, $0) }, uniquingKeysWith: { a, _ in a })
        var idCounts: [String: Int] = [:]
        for system in last.systems { if let id = system.id { idCounts[id, default: 0] += 1 } }
        let oldWaivers = Dictionary(grouping: last.waivers, by: \.system)
        let newWaivers = Dictionary(grouping: workspace.waivers, by: \.system)
        let sortedRules = everything.sorted()
        var seen: Set<String> = []
        var completeSets: Set<ObjectIdentifier> = []  // rule sets found to be the rules of this run
        for file in files {
            seen.insert(file)
            let descriptor = descriptors[file] ?? Descriptor(at: workspace.files.path(file))
            let digest = descriptor.digest
            guard let index = oldSystems[file] else {
                selection.select(everything, on: file)
                reasons.append(ChangeReason(.descriptorAdded, file, "new descriptor: every rule"))
                continue
            }
            let old = last.systems[index]
            if old.digest != digest {
                selection.select(everything, on: file)
                reasons.append(ChangeReason(.descriptorChanged, file, "descriptor changed: every rule"))
                continue
            }
            if let id = old.id, idCounts[id, default: 0] > 1 {
                selection.select(everything, on: file)
                reasons.append(
                    ChangeReason(.duplicateID, file, "`\(id)` was described twice in the last run: every rule"))
                continue
            }
            guard let id = old.id, old.isValid else { continue }  // unchanged and invalid: nothing to evaluate
            var rerun = everywhere
            if !storeRules.isEmpty, descriptor.mentionsStores { rerun.formUnion(storeRules) }
            if !old.results.covers(exactly: sortedRules, known: &completeSets) {
                rerun.formUnion(Self.missing(sortedRules, from: old.results))
            }
            if oldWaivers[id] != nil || newWaivers[id] != nil || !old.waivers.isEmpty {
                let before = (oldWaivers[id] ?? []) + old.waivers
                let after = (newWaivers[id] ?? []) + old.waivers
                for rule in rules where !rerun.contains(rule.id) {
                    let covering = (
                        Set(before.filter { $0.covers(rule: rule.id) }), Set(after.filter { $0.covers(rule: rule.id) })
                    )
                    if covering.0 != covering.1 {
                        rerun.insert(rule.id)
                        reasons.append(ChangeReason(.waiver, "\(rule.id) on \(id)", "the waivers covering it changed"))
                    } else if let waiver = covering.1.first(where: {
                        $0.isActive(on: last.info.asOf) != $0.isActive(on: asOf)
                    }) {
                        rerun.insert(rule.id)
                        let what = waiver.isActive(on: asOf) ? "is in force again" : "expired on \(waiver.expires)"
                        reasons.append(
                            ChangeReason(
                                .waiverExpiry, "\(rule.id) on \(id)",
                                "the waiver approved by \(waiver.approvedBy) \(what)"))
                    }
                }
            }
            if !rerun.isEmpty { selection.select(rerun, on: file) }
        }
        for system in last.systems where !seen.contains(system.file) {
            reasons.append(ChangeReason(.descriptorRemoved, system.file, "descriptor removed: its results are dropped"))
        }
        return RecheckPlan(
            selection: selection, reasons: reasons, isFull: false, totalPairs: total, rulesEverywhere: everywhere)
    }

    /// The rules to evaluate on every system, and why.
    private func rulesToRerun(after last: RecordedRun) -> (Set<String>, [ChangeReason]) {
        var rerun: Set<String> = []
        var reasons: [ChangeReason] = []
        let oldRules = Dictionary(last.rules.map { ($0.id, $0) }, uniquingKeysWith: { a, _ in a })
        let oldPacks = Dictionary(
            last.inputs.filter { $0.kind == .pack }.map { ($0.name, $0) }, uniquingKeysWith: { a, _ in a })
        let oldFiles = Dictionary(
            last.inputs.filter { $0.kind == .packFile }.map { ($0.path, $0.digest) }, uniquingKeysWith: { a, _ in a })
        var packsReported: Set<String> = []
        var filesReported: Set<String> = []
        for rule in rules {
            let file = rule.file
            let facts = inputs.packs[rule.pack]
            guard let old = oldRules[rule.id] else {
                rerun.insert(rule.id)
                reasons.append(ChangeReason(.ruleAdded, rule.id, "new rule (\(rule.file)): on every system"))
                continue
            }
            if oldPacks[rule.pack]?.detail["shared"] != facts?.shared {
                rerun.insert(rule.id)
                if packsReported.insert(rule.pack).inserted {
                    reasons.append(
                        ChangeReason(
                            .pack, "pack \(rule.pack)",
                            "modules, data or settings changed: every rule of the pack, on every system"))
                }
            } else if old.file != file || oldFiles[file] != facts?.ruleFiles[file]
                || !Self.sameDeclaration(old, rule, file: file)
            {
                rerun.insert(rule.id)
                if filesReported.insert(file).inserted {
                    let version =
                        old.packVersion == rule.packVersion
                        ? "" : " (pack \(rule.pack) \(old.packVersion) → \(rule.packVersion))"
                    reasons.append(
                        ChangeReason(.ruleFile, rule.file, "rule file changed\(version): its rules, on every system"))
                }
            } else if old.packVersion != rule.packVersion, last.readings(of: rule.id).contains(.packVersion) {
                rerun.insert(rule.id)
                reasons.append(
                    ChangeReason(
                        .packVersion, rule.id, "reads its pack's version, now \(rule.packVersion): on every system"))
            } else if last.info.asOf != asOf, last.readings(of: rule.id).contains(.asOf) {
                rerun.insert(rule.id)
                reasons.append(ChangeReason(.asOf, rule.id, "reads the as-of date, now \(asOf): on every system"))
            } else if old.window(on: last.info.asOf) != rule.window(on: asOf) {
                rerun.insert(rule.id)
                let now = rule.window(on: asOf)
                let what = now == nil ? "comes into force" : now == .noLongerInForce ? "lapses" : "is not yet in force"
                reasons.append(ChangeReason(.effectiveWindow, rule.id, "\(what) as of \(asOf): on every system"))
            }
        }
        let current = Set(rules.map(\.id))
        for rule in last.rules where !current.contains(rule.id) {
            reasons.append(ChangeReason(.ruleRemoved, rule.id, "rule removed: its results are dropped"))
        }
        return (rerun, reasons)
    }

    /// The rules of `rules` (sorted) that `recorded` (sorted by rule) holds no result of: one walk
    /// of both lists.
    static func missing(_ rules: [String], from recorded: ResultList) -> [String] {
        sortedMatch(rules, recorded, by: { $0 }, \.rule).compactMap { i, j in j == nil ? i.map { rules[$0] } : nil }
    }

    /// Whether a rule declares the same thing as before (its pack's version aside).
    static func sameDeclaration(_ old: RuleInfo, _ new: RuleInfo, file: String) -> Bool {
        var new = new
        new.file = file
        new.packVersion = old.packVersion
        return old == new
    }
}
