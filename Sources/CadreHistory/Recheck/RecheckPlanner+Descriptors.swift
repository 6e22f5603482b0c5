import CadreEngine
import CadreModel

/// System by system: every rule on a descriptor that is new, changed or shared its id; on the
/// others, the rules to run everywhere, the rules reading stores when it declares stores, the
/// rules the last run has no result of, and the rules whose waivers changed
/// (RecheckPlanner+Waivers.swift).
extension RecheckPlanner {
    /// Selects the pairs to evaluate on each descriptor file of the workspace, and tells why
    /// (file by file, then the descriptors removed).
    func select(
        after last: RecordedRun, everywhere: Set<String>, storeRules: Set<String>,
        into selection: inout EvaluationSelection
    ) -> [ChangeReason] {
        var reasons: [ChangeReason] = []
        let everything = Set(rules.map(\.id))
        let sortedRules = everything.sorted()
        let oldSystems = Dictionary(
            last.systems.indices.map { (last.systems[$0].file, $0) }, uniquingKeysWith: { a, _ in a })
        var idCounts: [String: Int] = [:]
        for system in last.systems { if let id = system.id { idCounts[id, default: 0] += 1 } }
        let oldWaivers = Dictionary(grouping: last.waivers, by: \.system)
        let newWaivers = Dictionary(grouping: workspace.waivers, by: \.system)
        var seen: Set<String> = []
        var completeSets: Set<ObjectIdentifier> = []  // rule sets found to be the rules of this run
        for file in workspace.systemFiles {
            seen.insert(file)
            let descriptor = descriptors[file] ?? Descriptor(at: workspace.files.path(file))
            let old = oldSystems[file].map { last.systems[$0] }
            if let reason = Self.descriptorChange(file, digest: descriptor.digest, was: old, idCounts: idCounts) {
                selection.select(everything, on: file)
                reasons.append(reason)
                continue
            }
            guard let old, let id = old.id, old.isValid else { continue }  // unchanged and invalid: nothing to evaluate
            var rerun = everywhere
            if !storeRules.isEmpty, descriptor.mentionsStores { rerun.formUnion(storeRules) }
            if !old.results.covers(exactly: sortedRules, known: &completeSets) {
                rerun.formUnion(Self.missing(sortedRules, from: old.results))
            }
            reasons += waiverChanges(
                on: id, descriptorWaivers: old.waivers, before: oldWaivers[id], after: newWaivers[id], since: last,
                rerun: &rerun)
            if !rerun.isEmpty { selection.select(rerun, on: file) }
        }
        for system in last.systems where !seen.contains(system.file) {
            reasons.append(ChangeReason(.descriptorRemoved, system.file, "descriptor removed: its results are dropped"))
        }
        return reasons
    }

    /// Why every rule is evaluated on `file` (whose bytes have `digest`; `old` in the last run):
    /// it is new, changed, or shared its id in the last run; nil otherwise.
    static func descriptorChange(
        _ file: String, digest: String, was old: RecordedSystem?, idCounts: [String: Int]
    ) -> ChangeReason? {
        guard let old else { return ChangeReason(.descriptorAdded, file, "new descriptor: every rule") }
        if old.digest != digest { return ChangeReason(.descriptorChanged, file, "descriptor changed: every rule") }
        if let id = old.id, idCounts[id, default: 0] > 1 {
            return ChangeReason(.duplicateID, file, "`\(id)` was described twice in the last run: every rule")
        }
        return nil
    }

    /// The rules of `rules` (sorted) that `recorded` (sorted by rule) holds no result of: one walk
    /// of both lists.
    static func missing(_ rules: [String], from recorded: ResultList) -> [String] {
        sortedMatch(rules, recorded, by: { $0 }, \.rule).compactMap { i, j in j == nil ? i.map { rules[$0] } : nil }
    }
}
