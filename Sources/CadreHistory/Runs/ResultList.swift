import CadreModel

/// The results of one system by reference, one per rule, sorted by rule id.
///
/// A list read from the history keeps the bytes of the full list it was recorded as, or derives
/// from, and decodes an entry only when asked; a list a re-check derives from it (one rule
/// evaluated again) shares those bytes and holds only the entries that differ. So a re-check
/// after one rule changed reads, merges, compares and records 10,000 lists by touching one entry
/// of each, not 920,000 references. A list built from references (a fresh evaluation) holds them.
public struct ResultList: Sendable, Hashable, RandomAccessCollection, ExpressibleByArrayLiteral {
    /// A full binary list (``ResultCoding``, format 1) as the history holds it.
    final class Base: Sendable {
        /// Its key in `result_list`.
        let key: String
        let rules: RuleSet
        /// The whole list, header included; checked when read (length, codes).
        let bytes: [UInt8]

        /// The bytes of a full list of `rules` stored under `key`; nil when they are not one.
        init?(key: String, rules: RuleSet, bytes: [UInt8]) {
            guard bytes.count == 33 + 34 * rules.ids.count, bytes.first == ResultCoding.listFormat else { return nil }
            var offset = 33
            while offset < bytes.count {
                guard Int(bytes[offset]) < ResultCoding.statuses.count,
                    Int(bytes[offset + 1]) < ResultCoding.severities.count
                else { return nil }
                offset += 34
            }
            self.key = key
            self.rules = rules
            self.bytes = bytes
        }

        func reference(at position: Int) -> ResultReference {
            let offset = 33 + 34 * position
            return ResultReference(
                rule: rules.ids[position], key: ResultKey(bytes, at: offset + 2),
                status: ResultCoding.statuses[Int(bytes[offset])],
                severity: ResultCoding.severities[Int(bytes[offset + 1])])
        }

        func status(at position: Int) -> UInt8 { bytes[33 + 34 * position] }
    }

    /// An entry that differs from the base.
    struct Override: Sendable, Hashable {
        var position: Int
        var reference: ResultReference
    }

    /// The full list this list is, or derives from (nil: ``references`` holds the list).
    private(set) var base: Base?
    /// With a base: the entries that differ from it, sorted by position, none equal to the base's.
    private(set) var overrides: [Override] = []
    /// Without a base: every reference.
    private var references: [ResultReference] = []
    /// Without a base: the key of the list as the history stores it (a text list, read as it
    /// is); nil when not stored.
    private(set) var storedKey: String?

    public init(_ references: [ResultReference]) {
        self.references = references
    }

    public init(arrayLiteral elements: ResultReference...) { self.init(elements) }

    /// A list stored under `key` and read as references (a text list).
    init(stored references: [ResultReference], key: String) {
        self.references = references
        storedKey = key
    }

    /// The full list `base`, with `overrides` (sorted by position, within the list) in place of
    /// its entries.
    init(base: Base, overrides: [Override] = []) {
        self.base = base
        self.overrides = overrides.filter { base.reference(at: $0.position) != $0.reference }
    }

    // MARK: Collection

    public var startIndex: Int { 0 }
    public var endIndex: Int { base?.rules.ids.count ?? references.count }

    public subscript(position: Int) -> ResultReference {
        guard let base else { return references[position] }
        return override(at: position)?.reference ?? base.reference(at: position)
    }

    private func overrideIndex(at position: Int) -> (index: Int, found: Bool) {
        var low = 0
        var high = overrides.count
        while low < high {
            let middle = (low + high) / 2
            if overrides[middle].position < position { low = middle + 1 } else { high = middle }
        }
        return (low, low < overrides.count && overrides[low].position == position)
    }

    private func override(at position: Int) -> Override? {
        let (index, found) = overrideIndex(at: position)
        return found ? overrides[index] : nil
    }

    public static func == (a: ResultList, b: ResultList) -> Bool {
        if let positions = differingPositions(a, b) { return positions.isEmpty }
        return a.elementsEqual(b)
    }

    public func hash(into hasher: inout Hasher) {
        hasher.combine(count)
        for reference in self { hasher.combine(reference) }
    }

    // MARK: What a re-check asks

    /// Whether the list holds a result of exactly `rules` (sorted), in order; cheap when the
    /// list's rule set is `known`, a rule set already found to be those rules.
    func covers(exactly rules: [String], known: inout Set<ObjectIdentifier>) -> Bool {
        guard let base else { return count == rules.count && zip(self, rules).allSatisfy { $0.rule == $1 } }
        let set = ObjectIdentifier(base.rules)
        if known.contains(set) { return true }
        guard base.rules.ids == rules else { return false }
        known.insert(set)
        return true
    }

    /// This list with `fresh` (sorted by rule) in place of its results of the same rules, and the
    /// positions where it changed; nil when a fresh rule has no place in the list's rule set.
    func replacing(_ fresh: [ResultReference]) -> (list: ResultList, changed: [Int])? {
        guard let base, base.rules.isSorted else { return nil }
        var changes: [Int: ResultReference] = [:]
        var changed: [Int] = []
        for reference in fresh {
            guard let position = base.rules.positions[reference.rule], changes[position] == nil else { return nil }
            changes[position] = reference
            if self[position] != reference { changed.append(position) }
        }
        guard !changed.isEmpty else { return (self, []) }
        var list = self
        var merged = overrides.filter { changes[$0.position] == nil }
        for (position, reference) in changes where base.reference(at: position) != reference {
            merged.append(Override(position: position, reference: reference))
        }
        list.overrides = merged.sorted { $0.position < $1.position }
        return (list, changed.sorted())
    }

    /// The keys of the results of `rule` the history holds for this list: its own, and the
    /// base's it replaces (a result back as it was takes the base's key again).
    func storedKeys(forRule rule: String) -> [ResultKey] {
        guard let base else { return references.first { $0.rule == rule }.map { [$0.key] } ?? [] }
        guard let position = base.rules.positions[rule] else { return [] }
        let stored = base.reference(at: position).key
        guard let own = override(at: position)?.reference.key else { return [stored] }
        return [own, stored]
    }

    /// Adds the number of results of each status (by code, ``ResultCoding/statuses``) to `tally`.
    func tally(into tally: inout [Int]) {
        guard let base else {
            for reference in references { tally[ResultCoding.statuses.firstIndex(of: reference.status) ?? 0] += 1 }
            return
        }
        for position in 0..<count { tally[Int(base.status(at: position))] += 1 }
        for item in overrides {
            tally[Int(base.status(at: item.position))] -= 1
            tally[ResultCoding.statuses.firstIndex(of: item.reference.status) ?? 0] += 1
        }
    }

    /// Whether the entries are sorted by rule id (always, for a list read from a binary list).
    var isSortedByRule: Bool {
        guard let base else { return zip(references, references.dropFirst()).allSatisfy { $0.rule < $1.rule } }
        return base.rules.isSorted
    }

    /// The positions where `a` and `b` differ, when both derive from one full list (each
    /// compared at its overrides only); nil when they do not (then compare them in full).
    static func differingPositions(_ a: ResultList, _ b: ResultList) -> [Int]? {
        guard let one = a.base, let other = b.base, one === other || (one.key == other.key && one.rules === other.rules)
        else { return nil }
        var positions: [Int] = []
        for (i, j) in sortedMatch(a.overrides, b.overrides, by: \.position, \.position) {
            switch (i.map { a.overrides[$0] }, j.map { b.overrides[$0] }) {
            case (let x?, let y?): if x.reference != y.reference { positions.append(x.position) }
            // Overridden on one side only: differs from the other's base entry.
            case (let x?, nil): positions.append(x.position)
            case (nil, let y?): positions.append(y.position)
            case (nil, nil): break
            }
        }
        return positions
    }

    /// Whether `a` and `b` are recorded alike: one stored list, with the same differences from it.
    static func sameStorage(_ a: ResultList, _ b: ResultList) -> Bool {
        if let one = a.base, let other = b.base { return one.key == other.key && a.overrides == b.overrides }
        if a.base == nil, b.base == nil, let key = a.storedKey { return key == b.storedKey }
        return false
    }
}

/// The rule ids of a recorded list, in order, shared by every list that has them (a run nearly
/// always has one rule set).
final class RuleSet: Sendable {
    let ids: [String]
    /// The position of each id.
    let positions: [String: Int]
    let isSorted: Bool

    init(ids: [String]) {
        self.ids = ids
        positions = Dictionary(ids.enumerated().map { ($1, $0) }, uniquingKeysWith: { a, _ in a })
        isSorted = zip(ids, ids.dropFirst()).allSatisfy { $0 < $1 }
    }
}
