import CadreEngine
import CadreModel

/// Compares two recorded runs pair by pair. Only pairs whose recorded result differs are read in
/// full: a run of 10,000 systems where one rule changed reads only that rule's results.
struct RunComparison {
    let paths: WorkspacePaths
    /// The results of the pairs that differ, by key (recorded form: paths relative to the workspace).
    let lookup: (Set<String>) throws(HistoryError) -> [String: RuleResult]

    func diff(from before: RecordedRun?, to after: RecordedRun, fromInfo: RunInfo?, toInfo: RunInfo?) throws(HistoryError) -> RunDiff {
        // Systems whose recorded result lists are the same in both runs hold no change; the
        // others are compared system by system, rule by rule.
        let unchanged = Self.sameResults(before, after)
        let old = Self.systemsByName(before, skipping: unchanged)
        let new = Self.systemsByName(after, skipping: unchanged)
        var differing: [(pair: PairKey, was: Recorded?, now: Recorded?)] = []
        var keys: Set<String> = []
        for name in Set(old.keys).union(new.keys) {
            let was = Self.pairs(of: old[name] ?? [])
            let now = Self.pairs(of: new[name] ?? [])
            for (rule, reference) in now where was[rule]?.reference.key != reference.reference.key {
                differing.append((PairKey(system: name, rule: rule), was[rule], reference))
                keys.insert(reference.reference.key)
                if let key = was[rule]?.reference.key { keys.insert(key) }
            }
            for (rule, reference) in was where now[rule] == nil {
                differing.append((PairKey(system: name, rule: rule), reference, nil))
                keys.insert(reference.reference.key)
            }
        }
        let results = try lookup(keys)
        var diff = RunDiff(from: fromInfo, to: toInfo, newFailures: [], resolved: [], changed: [])
        for (pair, was, now) in differing.sorted(by: { $0.pair < $1.pair }) {
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

    /// A recorded result of a pair, with its system's file.
    typealias Recorded = (file: String, reference: ResultReference)

    /// The systems of a run by name (id, or file for invalid descriptors), in the run's order,
    /// without those in `skipped`.
    static func systemsByName(_ run: RecordedRun?, skipping skipped: Set<String>) -> [String: [RecordedSystem]] {
        var systems: [String: [RecordedSystem]] = [:]
        for system in run?.systems ?? [] where !skipped.contains(system.id ?? system.file) {
            systems[system.id ?? system.file, default: []].append(system)
        }
        return systems
    }

    /// The results of systems sharing one name, by rule (the first system's result for a rule
    /// wins, as descriptors sharing an id are reported, not evaluated).
    static func pairs(of systems: [RecordedSystem]) -> [String: Recorded] {
        var pairs: [String: Recorded] = [:]
        for system in systems {
            for reference in system.results where pairs[reference.rule] == nil {
                pairs[reference.rule] = (system.file, reference)
            }
        }
        return pairs
    }
}
