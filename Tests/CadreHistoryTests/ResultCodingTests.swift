@testable import CadreHistory
import CadreModel
import Foundation
import Testing

/// The binary forms of result lists: every status and severity has a code, lists and their
/// differences read back as written, and damaged bytes are refused.
@Suite struct ResultCodingTests {
    static func references(_ count: Int) -> [ResultReference] {
        (0..<count).map { index in
            ResultReference(
                rule: String(format: "pack.rule-%03d", index), key: ResultKey(of: Data("result \(index)".utf8)),
                status: RuleResult.Status.allCases[index % RuleResult.Status.allCases.count],
                severity: Severity.allCases[index % Severity.allCases.count])
        }
    }

    @Test func everyStatusAndSeverityHasACode() {
        #expect(Set(ResultCoding.statuses) == Set(RuleResult.Status.allCases))
        #expect(Set(ResultCoding.severities) == Set(Severity.allCases))
    }

    @Test func keysReadBackFromHexAndBytes() throws {
        let key = ResultKey(of: Data("body".utf8))
        #expect(key.hex.count == 64)
        #expect(ResultKey(hex: key.hex) == key)
        #expect(ResultKey(raw: key.raw) == key)
        #expect(ResultKey(hex: String(key.hex.dropLast())) == nil)
        #expect(ResultKey(hex: key.hex.uppercased()) == nil)
        #expect(ResultKey(raw: [UInt8](repeating: 0, count: 31)) == nil)
    }

    @Test func aListAndItsDifferenceReadBack() throws {
        let references = Self.references(92)
        let rules = references.map(\.rule)
        let set = ResultKey(of: Data(ResultCoding.ruleSet(of: references).utf8))
        let full = ResultCoding.list(references, ruleSet: set)
        #expect(full.count == 33 + 34 * 92)
        let lookup: (ResultKey) throws -> [String] = { key in
            guard key == set else { throw ResultCoding.CorruptList() }
            return rules
        }
        #expect(try ResultCoding.references(full, rules: lookup) == references)

        var changed = references
        changed[3].key = ResultKey(of: Data("another".utf8))
        changed[3].status = .fail
        changed[90].severity = .critical
        let base = ResultKey(of: full)
        let difference = ResultCoding.difference(changed, base: base, positions: [3, 90])
        #expect(difference.count == 33 + 38 * 2)
        let read = try ResultCoding.references(difference, rules: lookup) { key in
            guard key == base else { throw ResultCoding.CorruptList() }
            return full
        }
        #expect(read.references == changed)
        #expect(read.base?.key == base)
        #expect(read.base?.overridden == [3, 90])
    }

    @Test func damagedListsAreRefused() throws {
        let references = Self.references(6)
        let rules = references.map(\.rule)
        let set = ResultKey(of: Data(ResultCoding.ruleSet(of: references).utf8))
        let full = ResultCoding.list(references, ruleSet: set)
        let difference = ResultCoding.difference(references, base: ResultKey(of: full), positions: [1, 4])
        func read(_ list: [UInt8]) throws -> [ResultReference] {
            try ResultCoding.references(list, rules: { _ in rules }, list: { _ in full }).references
        }
        #expect(try read(full) == references)
        #expect(try read(difference) == references)
        for length in 0..<full.count { #expect(throws: (any Error).self) { try read(Array(full.prefix(length))) } }
        for length in 0..<difference.count where (length - 33) % 38 != 0 || length < 33 {
            #expect(throws: (any Error).self) { try read(Array(difference.prefix(length))) }
        }
        var badStatus = full
        badStatus[33] = 200
        #expect(throws: (any Error).self) { try read(badStatus) }
        var outOfRange = difference
        outOfRange[36] = 6  // position 6 of a list of 6
        #expect(throws: (any Error).self) { try read(outOfRange) }
        var unordered = difference
        unordered[36] = 1
        unordered[36 + 38] = 1  // the same position twice
        #expect(throws: (any Error).self) { try read(unordered) }
        // A difference of a difference is refused.
        #expect(throws: (any Error).self) {
            try ResultCoding.references(difference, rules: { _ in rules }, list: { _ in difference })
        }
        #expect(throws: (any Error).self) { try ResultCoding.references(text: "rule-a not-a-key pass high\n") }
    }

    @Test func mergingKeepsOrderAndSaysWhereFreshResultsWent() {
        let kept = Self.references(5)
        var fresh = [kept[1], kept[3]]
        fresh[0].status = .fail
        fresh.append(ResultReference(rule: "pack.rule-002a", key: kept[0].key, status: .pass, severity: .low))
        fresh.sort { $0.rule < $1.rule }
        let (merged, positions) = Recheck.merge(kept, fresh)
        #expect(merged.map(\.rule) == ["pack.rule-000", "pack.rule-001", "pack.rule-002", "pack.rule-002a", "pack.rule-003", "pack.rule-004"])
        #expect(positions == [1, 3, 4])
        #expect(merged[1].status == .fail)
        #expect(Recheck.merge([], fresh).fresh == [0, 1, 2])
        #expect(Recheck.merge(kept, []).merged == kept)
    }
}
