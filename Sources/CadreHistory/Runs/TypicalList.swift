/// The list most like the new lists of a run that share a rule set: at each rule, the result most
/// of them hold. Systems of one workspace differ at a few rules (on 10,000 systems of the
/// benchmark corpus, 16 of 110 at the median, 20 at most), so each is recorded as this list's key
/// and its entries that differ (38 bytes each, in its row), not as a list of its own (34 bytes a
/// rule): the form a re-check already records after one rule changed, read the same way.
enum TypicalList {
    /// Fewer new lists than this are recorded as they are.
    static let minimumLists = 4

    /// The typical list of `lists` (all of rule set `ruleSet`, sorted by rule, as many entries
    /// each) and the lists recorded against it: the list as a stored base, and for each list, by
    /// index, the list with that base and its differences; nil when fewer than two lists differ
    /// from it at a quarter of their rules or fewer (then each is recorded as it is).
    static func of(_ lists: [ResultList], ruleSet: ResultKey) -> (body: [UInt8], derived: [Int: ResultList])? {
        guard lists.count >= minimumLists, let width = lists.first?.count, width > 0,
            lists.allSatisfy({ $0.count == width })
        else { return nil }
        // At each position, the key most lists hold (the smallest key of those as many: the same
        // list whatever the order of the systems).
        var typical: [ResultReference] = []
        typical.reserveCapacity(width)
        for position in 0..<width {
            var counts: [ResultKey: (count: Int, first: Int)] = [:]
            for (index, list) in lists.enumerated() {
                counts[list[position].key, default: (0, index)].count += 1
            }
            guard
                let (_, most) = counts.max(by: { a, b in
                    a.value.count < b.value.count
                        || (a.value.count == b.value.count && ResultKey.inByteOrder(b.key, a.key))
                })
            else { return nil }
            typical.append(lists[most.first][position])
        }
        let body = ResultCoding.list(typical, ruleSet: ruleSet)
        guard
            let base = ResultList.Base(
                key: ResultKey(of: body).hex, rules: RuleSet(ids: typical.map(\.rule)), bytes: body)
        else { return nil }
        let derived = derive(lists, from: base)
        return derived.count >= 2 ? (body, derived) : nil
    }

    /// The lists, by index, that differ from `base` (a list of their rules) at a quarter of their
    /// rules or fewer, as `base` and their differences: what a run with few new lists (a
    /// descriptor changed) records against the typical list its other systems derive from.
    static func derive(_ lists: [ResultList], from base: ResultList.Base) -> [Int: ResultList] {
        var derived: [Int: ResultList] = [:]
        for (index, list) in lists.enumerated() where list.count == base.rules.ids.count {
            var overrides: [ResultList.Override] = []
            var fits = true
            for position in 0..<list.count {
                let reference = list[position]
                guard reference.rule == base.rules.ids[position], overrides.count * 4 <= list.count else {
                    fits = false
                    break
                }
                if reference != base.reference(at: position) {
                    overrides.append(ResultList.Override(position: position, reference: reference))
                }
            }
            if fits, overrides.count * 4 <= list.count {
                derived[index] = ResultList(base: base, overrides: overrides)
            }
        }
        return derived
    }

    /// The base most of `systems`' lists of the rules `rules` derive from; nil when none does.
    static func mostUsedBase(in systems: [RecordedSystem], rules: [String]) -> ResultList.Base? {
        var uses: [String: (count: Int, base: ResultList.Base)] = [:]
        for system in systems {
            guard let base = system.results.base, base.rules.ids == rules else { continue }
            uses[base.key, default: (0, base)].count += 1
        }
        return uses.max { a, b in a.value.count < b.value.count || (a.value.count == b.value.count && a.key > b.key) }?
            .value.base
    }
}
