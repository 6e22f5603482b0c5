import CadreModel
import Crypto
import Foundation

/// The recorded forms of results and of result lists.
///
/// A result is JSON with sorted keys, without its system (``ResultJSON``), so one result always
/// gives the same bytes, whichever system it is on, and the same digest (``ResultKey``: the
/// SHA-256 of the bytes, after the number of the run that stored it). A system's result list is
/// binary, in one of two formats:
///
/// - full (1): the 32-byte key of its rule set (the sorted ids of the rules it holds results of,
///   one per line, stored once in `rule_set`), then one entry per rule of the set, in order: a
///   status code, a severity code and the result's 32-byte key — 34 bytes a rule;
/// - a difference from a full list, its base: the entries that differ, each with its position in
///   the base (4 bytes, big-endian) — 38 bytes an entry. A system's row holds them beside its
///   base's key, so a re-check after one rule changed writes 10,000 short rows, not 10,000 lists.
///
/// Two other forms are read, never written: a difference stored as a list of its own (format 2:
/// the 32-byte key of the base, then the entries), and a text list (`rule-id result-key status
/// severity` lines).
enum ResultCoding {
    /// The recorded form of `result` and its key, as run number `run` stores it.
    static func encode(_ result: RuleResult, storedBy run: Int64) -> (key: ResultKey, body: String) {
        let bytes = ResultJSON.encode(result)
        return (ResultKey(of: bytes, storedBy: run), String(decoding: bytes, as: UTF8.self))
    }

    /// The result whose recorded form is `body`: read directly (``ResultJSONReader``), or by
    /// `JSONDecoder` when the direct reader cannot, which then says what is wrong. Its system is
    /// empty unless the body names one (a result recorded before results were shared): the
    /// system's row says which it is on (``RuleResult/on(_:)``).
    static func decode(_ body: String) throws -> RuleResult {
        if let result = ResultJSONReader.read(body) { return result }
        do {
            return try JSONDecoder().decode(RuleResult.self, from: Data(body.utf8))
        } catch DecodingError.keyNotFound(let key, let context)
            where key.stringValue == "system" && context.codingPath.isEmpty
        {
            // The recorded form of today: given an empty system, read as the rest says.
            guard var members = try JSONSerialization.jsonObject(with: Data(body.utf8)) as? [String: Any] else {
                throw DecodingError.keyNotFound(key, context)
            }
            members["system"] = ""
            return try JSONDecoder().decode(RuleResult.self, from: JSONSerialization.data(withJSONObject: members))
        }
    }

    // MARK: Result lists

    static let listFormat: UInt8 = 1
    /// Codes of statuses and severities in binary lists: positions in these tables, which only grow.
    static let statuses: [RuleResult.Status] = [.pass, .fail, .warn, .error, .skipped, .waived]
    static let severities: [Severity] = [.info, .low, .medium, .high, .critical]

    /// The rule set of `references` (sorted by rule): the rule ids, one per line.
    static func ruleSet(of references: some Collection<ResultReference>) -> String {
        references.map { "\($0.rule)\n" }.joined()
    }

    /// The rule ids of a rule set.
    static func rules(ofSet body: String) -> [String] {
        body.split(separator: "\n", omittingEmptySubsequences: true).map(String.init)
    }

    /// The binary list of `references` (sorted by rule), whose rule set has key `ruleSet`.
    static func list(_ references: some Collection<ResultReference>, ruleSet: ResultKey) -> [UInt8] {
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

    /// The entries of `list` that differ from its base (``ResultList/overrides``), 38 bytes each:
    /// the position (4 bytes, big-endian), the status and severity codes, the result's key. A
    /// system's row holds them beside the key of its base.
    static func entries(of list: ResultList) -> [UInt8] {
        var bytes: [UInt8] = []
        bytes.reserveCapacity(38 * list.overrides.count)
        for item in list.overrides {
            let position = item.position
            bytes += [
                UInt8(truncatingIfNeeded: position >> 24), UInt8(truncatingIfNeeded: position >> 16),
                UInt8(truncatingIfNeeded: position >> 8), UInt8(truncatingIfNeeded: position),
            ]
            bytes.append(UInt8(statuses.firstIndex(of: item.reference.status)!))
            bytes.append(UInt8(severities.firstIndex(of: item.reference.severity)!))
            bytes += item.reference.key.raw
        }
        return bytes
    }

    /// Reads entries written by ``entries(of:)`` against `base`: positions ascending, within it.
    static func overrides(_ bytes: ArraySlice<UInt8>, of base: ResultList.Base) throws -> [ResultList.Override] {
        guard bytes.count % 38 == 0 else { throw CorruptList() }
        var overrides: [ResultList.Override] = []
        overrides.reserveCapacity(bytes.count / 38)
        var offset = bytes.startIndex
        while offset < bytes.endIndex {
            let position =
                Int(bytes[offset]) << 24 | Int(bytes[offset + 1]) << 16 | Int(bytes[offset + 2]) << 8
                | Int(bytes[offset + 3])
            guard position < base.rules.ids.count, position > overrides.last?.position ?? -1,
                Int(bytes[offset + 4]) < statuses.count,
                Int(bytes[offset + 5]) < severities.count, let key = ResultKey(raw: bytes[offset + 6..<offset + 38])
            else { throw CorruptList() }
            overrides.append(
                .init(
                    position: position,
                    reference: ResultReference(
                        rule: base.rules.ids[position], key: key, status: statuses[Int(bytes[offset + 4])],
                        severity: severities[Int(bytes[offset + 5])])))
            offset += 38
        }
        return overrides
    }

    /// Reads a binary list stored under `key`, and the entries of `overrides` that differ from it
    /// (nil: none). The list is a full list (format 1), the base of the result; or a difference
    /// from a full list stored as a list of its own (format 2, with no overrides beside it). `rules` gives a rule set by key, `full` the body
    /// of a full list by key.
    static func list(
        _ list: [UInt8], key: String, overrides: [UInt8]?, rules: (ResultKey) throws -> RuleSet,
        full: (ResultKey) throws -> [UInt8]
    ) throws -> ResultList {
        func base(_ bytes: [UInt8], key: String) throws -> ResultList.Base {
            guard bytes.count >= 33, bytes[0] == listFormat, let set = ResultKey(raw: bytes[1..<33]),
                let base = ResultList.Base(key: key, rules: try rules(set), bytes: bytes)
            else { throw CorruptList() }
            return base
        }
        guard list.first == differenceFormat else {
            let base = try base(list, key: key)
            return ResultList(base: base, overrides: try self.overrides((overrides ?? [])[...], of: base))
        }
        guard overrides == nil, list.count >= 33, let baseKey = ResultKey(raw: list[1..<33]) else {
            throw CorruptList()
        }
        let base = try base(try full(baseKey), key: baseKey.hex)  // a difference is from a full list
        return ResultList(base: base, overrides: try self.overrides(list[33...], of: base))
    }

    /// Reads a text list: one line per rule,
    /// `rule key status severity` (rule ids, keys, statuses and severities hold no space).
    static func references(text body: String) throws -> [ResultReference] {
        var references: [ResultReference] = []
        for line in body.split(separator: "\n", omittingEmptySubsequences: true) {
            let fields = line.split(separator: " ")
            guard fields.count == 4, let key = ResultKey(hex: String(fields[1])),
                let status = RuleResult.Status(rawValue: String(fields[2])),
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

extension RuleResult {
    /// This result on the system named `system` (its id; nil keeps the result as it is). A
    /// recorded result does not name its system, and a result found by key may be another
    /// system's alike: whoever places a result read from the history names its system.
    func on(_ system: String?) -> RuleResult {
        guard let system, system != self.system else { return self }
        var placed = self
        placed.system = system
        return placed
    }
}
