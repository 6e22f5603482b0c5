import CadreEngine
import CadreModel

/// The systems of a re-check's run: the last run's, with the results evaluated again in place of
/// theirs, as the history records them.
///
/// Fresh results are encoded on every core; one whose content the last run recorded for that
/// pair keeps its key, the others are keyed as stored by the new run (its number foreseen: it
/// only groups them in the file). Lists are merged system by system on every core: usually the
/// last run's list with a few fresh results in place of its own.
struct RecheckMerge {
    /// Every system of the new run that has a descriptor, sorted by file (ids not yet resolved).
    private(set) var systems: [RecordedSystem] = []
    /// The fresh results, by key.
    private(set) var fresh = FreshResults()
    /// The recorded form of the fresh results the history does not hold yet, by key.
    private(set) var bodies: [ResultKey: String] = [:]

    /// Merges `partial` (the pairs evaluated again) with `last`, for the descriptor `files` of
    /// the workspace; the rules of the new run are `partial`'s.
    init(_ partial: Evaluation, with last: RecordedRun?, files: [String]) {
        let ruleIDs = Set(partial.rules.map(\.id))
        // The usual case: the rules are those of the last run, and no recorded result is dropped.
        let sameRules = last.map { Set($0.rules.map(\.id)) == ruleIDs } ?? false
        let oldSystems = Dictionary((last?.systems ?? []).map { ($0.file, $0) }, uniquingKeysWith: { a, _ in a })
        let runNumber = (last?.info.id ?? 0) + 1

        let encoded = partial.systems.concurrentMap { system in
            let old = oldSystems[system.file]?.results
            return system.results.enumerated().map { position, result in
                var (key, body) = ResultCoding.encode(result, storedBy: runNumber)
                var stored = false
                if let kept = old?.storedKeys(forRule: result.rule).first(where: { $0.hasContent(of: key) }) {
                    (key, stored) = (kept, true)
                }
                return (
                    reference: ResultReference(
                        rule: result.rule, key: key, status: result.status, severity: result.severity),
                    position: position, body: stored ? nil : body
                )
            }.sorted { $0.reference.rule < $1.reference.rule }
        }
        var evaluated: [String: (system: SystemEvaluation, references: [ResultReference])] = [:]
        bodies.reserveCapacity(encoded.reduce(0) { total, results in total + results.count { $0.body != nil } })
        var keys: [[ResultKey]] = []
        keys.reserveCapacity(encoded.count)
        for (system, results) in zip(partial.systems, encoded) {
            // Each result's key at the result's place in the system (`results` is sorted by rule).
            var systemKeys = [ResultKey?](repeating: nil, count: results.count)
            for item in results {
                systemKeys[item.position] = item.reference.key
                if let body = item.body { bodies[item.reference.key] = body }
            }
            keys.append(systemKeys.compactMap { $0 })
            evaluated[system.file] = evaluated[system.file] ?? (system, results.map(\.reference))
        }
        fresh = FreshResults(partial.systems, keys: keys)

        systems = files.concurrentMap { [evaluated] file -> RecordedSystem? in
            let old = oldSystems[file]
            guard let (system, references) = evaluated[file] else {
                guard var copy = old else { return nil }
                if !sameRules, copy.results.contains(where: { !ruleIDs.contains($0.rule) }) {
                    copy.results = ResultList(copy.results.filter { ruleIDs.contains($0.rule) })
                }
                return copy
            }
            var results = ResultList(references)
            if let old, old.digest == system.digest {
                if sameRules, let replaced = old.results.replacing(references) {
                    results = replaced.list
                } else {
                    results = ResultList(
                        Self.merge(
                            sameRules ? Array(old.results) : old.results.filter { ruleIDs.contains($0.rule) },
                            references))
                }
            }
            return RecordedSystem(
                file: file, id: system.id, name: system.name, digest: system.digest, diagnostics: system.diagnostics,
                waivers: system.waivers, results: results)
        }.compactMap { $0 }.sorted { $0.file < $1.file }
    }

    /// `kept` with `fresh` results in place of theirs, both sorted by rule, and the result too.
    static func merge(_ kept: [ResultReference], _ fresh: [ResultReference]) -> [ResultReference] {
        guard !kept.isEmpty else { return fresh }
        guard zip(kept, kept.dropFirst()).allSatisfy({ $0.rule < $1.rule }) else {
            // Not sorted (never recorded so): by rule, the fresh result winning.
            var byRule = Dictionary(kept.map { ($0.rule, $0) }, uniquingKeysWith: { a, _ in a })
            for reference in fresh { byRule[reference.rule] = reference }
            return byRule.values.sorted { $0.rule < $1.rule }
        }
        return sortedMatch(kept, fresh, by: \.rule, \.rule).compactMap { i, j in
            j.map { fresh[$0] } ?? i.map { kept[$0] }
        }
    }
}

extension RecordedSystem: AssembledSystem {
    public mutating func setAside(for problem: Diagnostic) {
        results = []
        diagnostics.append(problem)
    }
}
