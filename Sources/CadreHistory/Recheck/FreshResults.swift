import CadreEngine
import CadreModel

/// The results a re-check evaluated, found by key without a copy of each: an index from key to
/// the result's place in the systems evaluated (which the re-check holds anyway).
///
/// A first re-check evaluates every pair: a dictionary of the results themselves held a second
/// copy of each result's fields (some 300 bytes a result, 110 results a system) on top of the
/// evaluation. The index holds 8 bytes a result beside its key.
struct FreshResults: Sendable {
    private let systems: [SystemEvaluation]
    private var index: [ResultKey: UInt64] = [:]

    /// The results of `systems`, by key: `keys[s][r]` is the key of `systems[s].results[r]`.
    init(_ systems: [SystemEvaluation], keys: [[ResultKey]]) {
        self.systems = systems
        index.reserveCapacity(keys.reduce(0) { $0 + $1.count })
        for (system, keys) in keys.enumerated() {
            for (result, key) in keys.enumerated() {
                index[key] = UInt64(system) << 32 | UInt64(result)
            }
        }
    }

    init() { systems = [] }

    subscript(key: ResultKey) -> RuleResult? {
        guard let place = index[key] else { return nil }
        return systems[Int(place >> 32)].results[Int(place & 0xFFFF_FFFF)]
    }

    var count: Int { index.count }

    /// Every result, by key.
    var all: [ResultKey: RuleResult] { index.mapValues { systems[Int($0 >> 32)].results[Int($0 & 0xFFFF_FFFF)] } }
}
