import CadreEngine
import CadreModel

/// Compares two recorded runs pair by pair, in two steps: the pairs whose recorded results differ
/// (by key), then, given those results read in full, what is new, resolved or changed. A run of
/// 10,000 systems where one rule changed reads only that rule's results.
struct RunComparison {
    /// The pairs whose recorded results differ between two runs (sorted by pair), and the keys of
    /// those results.
    struct Differences: Sendable {
        var pairs: [(pair: PairKey, was: Recorded?, now: Recorded?)]
        var keys: Set<ResultKey>
    }

    /// The pairs whose recorded results differ: systems whose result lists are the same in both
    /// runs hold none; the others are compared system by system, rule by rule.
    func differences(from before: RecordedRun?, to after: RecordedRun) -> Differences {
        let unchanged = Self.sameResults(before, after)
        let old = Self.systemsByName(before, skipping: unchanged)
        let new = Self.systemsByName(after, skipping: unchanged)
        var differing: [(pair: PairKey, was: Recorded?, now: Recorded?)] = []
        var keys: Set<ResultKey> = []
        for name in Set(old.keys).union(new.keys) {
            let was = Side(old[name] ?? [])
            let now = Side(new[name] ?? [])
            /// The pair of the results at `i` before and `j` now, when they differ.
            func compare(_ i: Int?, _ j: Int?) {
                let before = i.map { (file: was.file($0), reference: was.references[$0]) }
                let after = j.map { (file: now.file($0), reference: now.references[$0]) }
                if let before, let after, before.reference.key == after.reference.key { return }
                guard let rule = (after ?? before)?.reference.rule else { return }
                differing.append((PairKey(system: name, rule: rule), before, after))
                if let before { keys.insert(before.reference.key) }
                if let after { keys.insert(after.reference.key) }
            }
            if let positions = ResultList.differingPositions(was.references, now.references) {
                // One list derived from the other's: they can differ only where either differs from
                // their common base (the usual case of a re-check).
                for position in positions { compare(position, position) }
            } else {
                // Both sides sorted by rule: one walk finds the rules whose result differs.
                for (i, j) in sortedMatch(was.references, now.references, by: \.rule, \.rule) { compare(i, j) }
            }
        }
        // Sorted here, in place: `diff` reads them in this order without a sorted copy.
        differing.sort { $0.pair < $1.pair }
        return Differences(pairs: differing, keys: keys)
    }

    /// What the `differences` are, given their `results` (by key, recorded form).
    func diff(_ differences: Differences, results: [ResultKey: RuleResult], fromInfo: RunInfo?, toInfo: RunInfo?)
        -> RunDiff
    {
        diff(differences, result: { results[$0] }, fromInfo: fromInfo, toInfo: toInfo)
    }

    /// What the `differences` are, given where their results are found (by key, recorded form):
    /// a re-check looks in what it read from the history, then in what it just evaluated, without
    /// gathering both in one more dictionary (on a first run, every result differs). Pairs are
    /// classified on every core, a slice of them at a time, and listed in their order.
    func diff(
        _ differences: Differences, result: @Sendable (ResultKey) -> RuleResult?, fromInfo: RunInfo?,
        toInfo: RunInfo?
    ) -> RunDiff {
        let pairs = differences.pairs
        let slices = stride(from: 0, to: pairs.count, by: Self.slice).map {
            $0..<Swift.min($0 + Self.slice, pairs.count)
        }
        let classified = slices.concurrentMap { slice in
            slice.compactMap { index -> (RunDiff.Entry, RunDiff.Category)? in
                let (pair, was, now) = pairs[index]
                let file = now?.file ?? was?.file ?? ""
                // Results are found by content: each is placed on the pair's system.
                let before = was.flatMap { result($0.reference.key)?.on(pair.system) }
                let after = now.flatMap { result($0.reference.key)?.on(pair.system) }
                return RunDiff.entry(
                    system: pair.system, file: file, rule: pair.rule,
                    severity: (now ?? was)?.reference.severity ?? .info, before: before, after: after)
            }
        }
        var diff = RunDiff(from: fromInfo, to: toInfo, newFailures: [], resolved: [], changed: [])
        for (entry, category) in classified.joined() {
            switch category {
            case .new: diff.newFailures.append(entry)
            case .resolved: diff.resolved.append(entry)
            case .changed: diff.changed.append(entry)
            }
        }
        return diff
    }

    /// How many pairs a worker classifies at a time.
    static let slice = 256

    struct PairKey: Hashable, Comparable, Sendable {
        var system: String
        var rule: String
        static func < (a: PairKey, b: PairKey) -> Bool { (a.system, a.rule) < (b.system, b.rule) }
    }

    /// The names (id, or file) of the systems recorded alike in both runs (one stored list, the
    /// same differences from it).
    static func sameResults(_ before: RecordedRun?, _ after: RecordedRun) -> Set<String> {
        guard let before else { return [] }
        var lists: [String: ResultList?] = [:]  // nil: a name seen twice
        for system in before.systems {
            lists[system.id ?? system.file] = lists[system.id ?? system.file] == nil ? system.results : .some(nil)
        }
        var same: Set<String> = []
        var seen: Set<String> = []
        for system in after.systems {
            let name = system.id ?? system.file
            // A name seen twice (descriptors sharing an id) is compared pair by pair.
            guard seen.insert(name).inserted else {
                same.remove(name)
                continue
            }
            if let old = lists[name], let old, ResultList.sameStorage(old, system.results) { same.insert(name) }
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

    /// The results of the systems sharing one name in a run, one per rule, sorted by rule (the
    /// first system's result for a rule wins, as descriptors sharing an id are reported, not
    /// evaluated), each with its system's file.
    struct Side {
        let references: ResultList
        /// The file of each result, or of all of them when there is one.
        private let files: [String]

        init(_ systems: [RecordedSystem]) {
            if systems.count == 1, let system = systems.first, system.results.isSortedByRule {
                (references, files) = (system.results, [system.file])  // as recorded: the usual case, nothing copied
                return
            }
            var pairs: [String: Recorded] = [:]
            for system in systems {
                for reference in system.results where pairs[reference.rule] == nil {
                    pairs[reference.rule] = (system.file, reference)
                }
            }
            let sorted = pairs.values.sorted { $0.reference.rule < $1.reference.rule }
            (references, files) = (ResultList(sorted.map(\.reference)), sorted.map(\.file))
        }

        func file(_ index: Int) -> String { files.count == 1 ? files[0] : files[index] }
    }
}
