import CadreEngine
import CadreModel

/// Compares two recorded runs pair by pair. Only pairs whose recorded result differs are read in
/// full: a run of 10,000 systems where one rule changed reads only that rule's results.
struct RunComparison {
    let paths: WorkspacePaths
    /// The results of the pairs that differ, by key (recorded form: paths relative to the workspace).
    let lookup: (Set<String>) throws(HistoryError) -> [String: RuleResult]

    func diff(from before: RecordedRun?, to after: RecordedRun, fromInfo: RunInfo?, toInfo: RunInfo?) throws(HistoryError) -> RunDiff {
        // Systems whose recorded result lists are the same in both runs hold no change.
        let unchanged = Self.sameResults(before, after)
        let old = Self.pairs(before, skipping: unchanged)
        let new = Self.pairs(after, skipping: unchanged)
        var differing: [PairKey] = []
        var keys: Set<String> = []
        for (pair, reference) in new where old[pair]?.reference.key != reference.reference.key {
            differing.append(pair)
            keys.insert(reference.reference.key)
            if let key = old[pair]?.reference.key { keys.insert(key) }
        }
        for (pair, reference) in old where new[pair] == nil {
            differing.append(pair)
            keys.insert(reference.reference.key)
        }
        let results = try lookup(keys)
        var diff = RunDiff(from: fromInfo, to: toInfo, newFailures: [], resolved: [], changed: [])
        for pair in differing.sorted() {
            let was = old[pair]
            let now = new[pair]
            let file = paths.shown(now?.file ?? was?.file ?? "")
            let before = was.flatMap { results[$0.reference.key] }.map { paths.relocate($0, paths.shown) }
            let after = now.flatMap { results[$0.reference.key] }.map { paths.relocate($0, paths.shown) }
            guard let (entry, category) = RunDiff.entry(
                system: pair.system, file: file, rule: pair.rule, severity: (now ?? was)?.reference.severity ?? .info, before: before, after: after)
            else { continue }
            switch category {
            case .new: diff.newFailures.append(entry)
            case .resolved: diff.resolved.append(entry)
            case .changed: diff.changed.append(entry)
            }
        }
        return diff
    }

    struct PairKey: Hashable, Comparable {
        var system: String
        var rule: String
        static func < (a: PairKey, b: PairKey) -> Bool { (a.system, a.rule) < (b.system, b.rule) }
    }

    /// The names (id, or file) of the systems recorded with one result list in both runs.
    static func sameResults(_ before: RecordedRun?, _ after: RecordedRun) -> Set<String> {
        guard let before else { return [] }
        var keys: [String: String?] = [:]
        for system in before.systems { keys[system.id ?? system.file] = keys[system.id ?? system.file] == nil ? system.resultsKey : .some(nil) }
        var same: Set<String> = []
        var seen: Set<String> = []
        for system in after.systems {
            let name = system.id ?? system.file
            // A name seen twice (descriptors sharing an id) is compared pair by pair.
            guard seen.insert(name).inserted else {
                same.remove(name)
                continue
            }
            if let key = system.resultsKey, let old = keys[name], old == key { same.insert(name) }
        }
        return same
    }

    /// Every pair of a run with a result: by system id (file for invalid descriptors) and rule.
    static func pairs(_ run: RecordedRun?, skipping skipped: Set<String> = []) -> [PairKey: (file: String, reference: ResultReference)] {
        var pairs: [PairKey: (file: String, reference: ResultReference)] = [:]
        for system in run?.systems ?? [] {
            let name = system.id ?? system.file
            if skipped.contains(name) { continue }
            for reference in system.results {
                let key = PairKey(system: name, rule: reference.rule)
                if pairs[key] == nil { pairs[key] = (system.file, reference) }
            }
        }
        return pairs
    }
}
