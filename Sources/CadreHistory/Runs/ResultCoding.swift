import CadreModel
import Crypto
import Foundation

/// The recorded forms of results and of result lists.
///
/// A result is JSON with sorted keys, so one result always gives the same bytes and the same key
/// (``ResultKey``, the SHA-256 of the bytes). A system's result list is binary, in one of two
/// formats:
///
/// - full (1): the 32-byte key of its rule set (the sorted ids of the rules it holds results of,
///   one per line, stored once in `rule_set`), then one entry per rule of the set, in order: a
///   status code, a severity code and the result's 32-byte key — 34 bytes a rule;
/// - difference (2): the 32-byte key of a full list, its base, then the entries that differ from
///   it, each with its position in the base (4 bytes, big-endian) — 38 bytes an entry. A re-check
///   after one rule changed writes 10,000 of these, not 10,000 full lists.
///
/// Lists written as text by the first release (`rule-id result-key status severity` lines) are
/// still read.
enum ResultCoding {
    static func encode(_ result: RuleResult) -> (key: ResultKey, body: String) {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        let data = (try? encoder.encode(result)) ?? Data()
        return (ResultKey(of: data), String(decoding: data, as: UTF8.self))
    }

    static func decode(_ body: String) throws -> RuleResult {
        try JSONDecoder().decode(RuleResult.self, from: Data(body.utf8))
    }

    static func digest(_ data: some DataProtocol) -> String { ResultKey(of: data).hex }

    static func digest(_ text: String) -> String { digest(Data(text.utf8)) }

    /// A digest of named parts: changes when a part is added, removed, renamed or changed.
    static func combining(_ parts: [(String, String)]) -> String {
        digest(parts.sorted { $0.0 < $1.0 }.map { "\($0.0)\u{0}\($0.1)\n" }.joined())
    }

    // MARK: Result lists

    static let listFormat: UInt8 = 1
    /// Codes of statuses and severities in binary lists: positions in these tables, which only grow.
    static let statuses: [RuleResult.Status] = [.pass, .fail, .warn, .error, .skipped, .waived]
    static let severities: [Severity] = [.info, .low, .medium, .high, .critical]

    /// The rule set of `references` (sorted by rule): the rule ids, one per line.
    static func ruleSet(of references: [ResultReference]) -> String {
        references.map { "\($0.rule)\n" }.joined()
    }

    /// The rule ids of a rule set.
    static func rules(ofSet body: String) -> [String] {
        body.split(separator: "\n", omittingEmptySubsequences: true).map(String.init)
    }

    /// The binary list of `references` (sorted by rule), whose rule set has key `ruleSet`.
    static func list(_ references: [ResultReference], ruleSet: ResultKey) -> [UInt8] {
        var bytes: [UInt8] = []
        bytes.reserveCapacity(33 + 34 * references.count)
        bytes.append(listFormat)
        bytes += ruleSet.raw
        for reference in references {
            bytes.append(UInt8(statuses.firstIndex(of: reference.status)!))
            bytes.append(UInt8(severities.firstIndex(of: reference.severity)!))
            bytes += reference.key.raw
        }
        return bytes
    }

    static let differenceFormat: UInt8 = 2

    /// The list of `references` as its difference from the full list `base` (of the same rule
    /// set, in the same order) at `positions` (sorted).
    static func difference(_ references: [ResultReference], base: ResultKey, positions: [Int]) -> [UInt8] {
        var bytes: [UInt8] = []
        bytes.reserveCapacity(33 + 38 * positions.count)
        bytes.append(differenceFormat)
        bytes += base.raw
        for position in positions {
            let reference = references[position]
            bytes += [UInt8(truncatingIfNeeded: position >> 24), UInt8(truncatingIfNeeded: position >> 16), UInt8(truncatingIfNeeded: position >> 8), UInt8(truncatingIfNeeded: position)]
            bytes.append(UInt8(statuses.firstIndex(of: reference.status)!))
            bytes.append(UInt8(severities.firstIndex(of: reference.severity)!))
            bytes += reference.key.raw
        }
        return bytes
    }

    /// Reads a binary list of either format: `rules` gives the ids of a rule set by key, `list`
    /// the body of a full list by key. Returns the references, and for a difference, its base
    /// and the positions it overrides.
    static func references(
        _ list: [UInt8], rules: (ResultKey) throws -> [String], list base: (ResultKey) throws -> [UInt8]
    ) throws -> (references: [ResultReference], base: (key: ResultKey, overridden: [Int])?) {
        guard list.first == differenceFormat else { return (try references(list, rules: rules), nil) }
        guard list.count >= 33, (list.count - 33) % 38 == 0, let key = ResultKey(raw: list[1..<33]) else { throw CorruptList() }
        let full = try base(key)
        guard full.first == listFormat else { throw CorruptList() }  // a difference is from a full list
        var references = try self.references(full, rules: rules)
        var overridden: [Int] = []
        var offset = 33
        while offset < list.count {
            let position = Int(list[offset]) << 24 | Int(list[offset + 1]) << 16 | Int(list[offset + 2]) << 8 | Int(list[offset + 3])
            guard position < references.count, position > overridden.last ?? -1, Int(list[offset + 4]) < statuses.count,
                Int(list[offset + 5]) < severities.count, let key = ResultKey(raw: list[offset + 6..<offset + 38])
            else { throw CorruptList() }
            references[position].status = statuses[Int(list[offset + 4])]
            references[position].severity = severities[Int(list[offset + 5])]
            references[position].key = key
            overridden.append(position)
            offset += 38
        }
        return (references, (key, overridden))
    }

    /// Reads a full binary list; `rules` gives the ids of a rule set by key.
    static func references(_ list: [UInt8], rules: (ResultKey) throws -> [String]) throws -> [ResultReference] {
        guard list.count >= 33, list[0] == listFormat, let set = ResultKey(raw: list[1..<33]) else { throw CorruptList() }
        let ids = try rules(set)
        guard list.count == 33 + 34 * ids.count else { throw CorruptList() }
        var references: [ResultReference] = []
        references.reserveCapacity(ids.count)
        var offset = 33
        for rule in ids {
            guard Int(list[offset]) < statuses.count, Int(list[offset + 1]) < severities.count,
                let key = ResultKey(raw: list[offset + 2..<offset + 34])
            else { throw CorruptList() }
            references.append(ResultReference(rule: rule, key: key, status: statuses[Int(list[offset])], severity: severities[Int(list[offset + 1])]))
            offset += 34
        }
        return references
    }

    /// Reads a list written as text by an earlier version: one line per rule,
    /// `rule key status severity` (rule ids, keys, statuses and severities hold no space).
    static func references(text body: String) throws -> [ResultReference] {
        var references: [ResultReference] = []
        for line in body.split(separator: "\n", omittingEmptySubsequences: true) {
            let fields = line.split(separator: " ")
            guard fields.count == 4, let key = ResultKey(hex: String(fields[1])), let status = RuleResult.Status(rawValue: String(fields[2])),
                let severity = Severity(rawValue: String(fields[3]))
            else { throw CorruptList() }
            references.append(ResultReference(rule: String(fields[0]), key: key, status: status, severity: severity))
        }
        return references
    }

    struct CorruptList: Error, CustomStringConvertible {
        var description: String { "a result list is unreadable" }
    }
}
