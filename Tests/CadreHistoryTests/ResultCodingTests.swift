import CadreModel
import Foundation
import Testing

@testable import CadreHistory

/// The binary forms of result lists: every status and severity has a code, lists and their
/// differences read back as written, damaged bytes are refused, and a list derived from a stored
/// one is merged, compared, tallied and recorded by its differences alone.
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

    /// The order results are written in: by bytes, which is the order of the hex forms.
    @Test func keysInByteOrderAreInHexOrder() {
        var keys = (0..<2_000).map { ResultKey(of: Data("result \($0)".utf8), storedBy: Int64($0 % 7)) }
        keys += [
            ResultKey(raw: [UInt8](repeating: 0, count: 32))!, ResultKey(raw: [UInt8](repeating: 0xFF, count: 32))!,
        ]
        keys.append(ResultKey(raw: [UInt8](repeating: 0, count: 31) + [1])!)
        #expect(keys.sorted(by: ResultKey.inByteOrder).map(\.hex) == keys.map(\.hex).sorted())
    }

    /// A full list of `references` and how the history reads it back.
    static func stored(_ references: [ResultReference]) -> (
        full: [UInt8], read: ([UInt8], [UInt8]?) throws -> ResultList
    ) {
        let rules = RuleSet(ids: references.map(\.rule))
        let set = ResultKey(of: Data(ResultCoding.ruleSet(of: references).utf8))
        let full = ResultCoding.list(references, ruleSet: set)
        let read = { (list: [UInt8], overrides: [UInt8]?) throws -> ResultList in
            try ResultCoding.list(
                list, key: ResultKey(of: list).hex, overrides: overrides,
                rules: { key in
                    guard key == set else { throw ResultCoding.CorruptList() }
                    return rules
                },
                full: { key in
                    guard key == ResultKey(of: full) else { throw ResultCoding.CorruptList() }
                    return full
                })
        }
        return (full, read)
    }

    /// A difference as histories written before differences moved into systems' rows hold it.
    static func legacyDifference(_ list: ResultList, base: [UInt8]) -> [UInt8] {
        [ResultCoding.differenceFormat] + ResultKey(of: base).raw + ResultCoding.entries(of: list)
    }

    @Test func aListAndItsDifferencesReadBack() throws {
        let references = Self.references(92)
        let (full, read) = Self.stored(references)
        #expect(full.count == 33 + 34 * 92)
        let list = try read(full, nil)
        #expect(Array(list) == references)
        #expect(list.base?.key == ResultKey(of: full).hex)
        #expect(list.overrides.isEmpty)

        var changed = references
        changed[3].key = ResultKey(of: Data("another".utf8))
        changed[3].status = .fail
        changed[90].severity = .critical
        let (derived, positions) = try #require(list.replacing([changed[3], changed[4], changed[90]]))
        #expect(positions == [3, 90])
        #expect(Array(derived) == changed)
        #expect(derived.overrides.map(\.position) == [3, 90])
        let entries = ResultCoding.entries(of: derived)
        #expect(entries.count == 38 * 2)
        #expect(Array(try read(full, entries)) == changed)
        #expect(try read(full, entries) == derived)
        // As an earlier history holds it: a list of its own.
        let legacy = Self.legacyDifference(derived, base: full)
        #expect(legacy.count == 33 + 38 * 2)
        #expect(Array(try read(legacy, nil)) == changed)
        #expect(try read(legacy, nil).base?.key == ResultKey(of: full).hex)
    }

    @Test func damagedListsAreRefused() throws {
        let references = Self.references(6)
        let (full, read) = Self.stored(references)
        var changed = references
        changed[1].status = .error
        changed[4].key = ResultKey(of: Data("another".utf8))
        let derived = try #require(try read(full, nil).replacing(changed)).list
        let entries = ResultCoding.entries(of: derived)
        let legacy = Self.legacyDifference(derived, base: full)
        #expect(Array(try read(full, nil)) == references)
        #expect(Array(try read(full, entries)) == changed)
        #expect(Array(try read(legacy, nil)) == changed)
        for length in 0..<full.count { #expect(throws: (any Error).self) { try read(Array(full.prefix(length)), nil) } }
        for length in 0..<legacy.count where (length - 33) % 38 != 0 || length < 33 {
            #expect(throws: (any Error).self) { try read(Array(legacy.prefix(length)), nil) }
        }
        for length in 0..<entries.count where length % 38 != 0 {
            #expect(throws: (any Error).self) { try read(full, Array(entries.prefix(length))) }
        }
        var badStatus = full
        badStatus[33] = 200
        #expect(throws: (any Error).self) { try read(badStatus, nil) }
        var outOfRange = entries
        outOfRange[3] = 6  // position 6 of a list of 6
        #expect(throws: (any Error).self) { try read(full, outOfRange) }
        var unordered = entries
        unordered[3] = 1
        unordered[3 + 38] = 1  // the same position twice
        #expect(throws: (any Error).self) { try read(full, unordered) }
        var badCode = entries
        badCode[4] = 99
        #expect(throws: (any Error).self) { try read(full, badCode) }
        // A difference of a difference is refused, and a difference with differences beside it.
        #expect(throws: (any Error).self) {
            try ResultCoding.list(
                legacy, key: "k", overrides: nil, rules: { _ in RuleSet(ids: references.map(\.rule)) },
                full: { _ in legacy })
        }
        #expect(throws: (any Error).self) { try read(legacy, entries) }
        #expect(throws: (any Error).self) { try ResultCoding.references(text: "rule-a not-a-key pass high\n") }
    }

    @Test func aDerivedListComparesTalliesAndRecordsByItsDifferences() throws {
        let references = Self.references(12)
        let (full, read) = Self.stored(references)
        let list = try read(full, nil)
        var fresh = [references[2], references[7]]
        fresh[1].status = .fail
        fresh[1].key = ResultKey(of: Data("failing".utf8))
        let first = try #require(list.replacing(fresh))
        #expect(first.changed == [7])
        #expect(first.list.overrides.map(\.position) == [7])
        // Unchanged results change nothing; a result back to the base's drops its difference.
        #expect(try #require(list.replacing([references[2]])).changed.isEmpty)
        let back = try #require(first.list.replacing([references[7]]))
        #expect(back.changed == [7])
        #expect(back.list.overrides.isEmpty)
        #expect(back.list == list)
        #expect(ResultList.sameStorage(back.list, list))
        #expect(!ResultList.sameStorage(first.list, list))
        // Compared where either differs from the base only, and with a list built in full.
        var second = references
        second[3].severity = .critical
        let other = try #require(list.replacing([second[3]])).list
        #expect(ResultList.differingPositions(first.list, other) == [3, 7])
        #expect(ResultList.differingPositions(first.list, ResultList(references)) == nil)
        #expect(first.list != other)
        #expect(ResultList(Array(first.list)) == first.list)
        // A rule the list does not hold: not a replacement.
        #expect(
            list.replacing([
                ResultReference(rule: "pack.rule-999", key: references[0].key, status: .pass, severity: .low)
            ]) == nil)
        // Tallies count the differences, not the base's entries they replace.
        var tally = [Int](repeating: 0, count: ResultCoding.statuses.count)
        first.list.tally(into: &tally)
        var expected = [Int](repeating: 0, count: ResultCoding.statuses.count)
        ResultList(Array(first.list)).tally(into: &expected)
        #expect(tally == expected)
        #expect(tally.reduce(0, +) == 12)
        // Recorded as the base's key and the one entry that differs.
        let form = try #require(HistoryStore.storedForm(of: first.list))
        #expect(form.key == ResultKey(of: full).hex)
        #expect(form.overrides.map { [UInt8]($0) } == ResultCoding.entries(of: first.list))
        #expect(HistoryStore.storedForm(of: ResultList(references)) == nil)
        // Beyond a quarter of the rules, a full list again.
        let far = try #require(
            list.replacing(
                references.prefix(4).map { reference in
                    var changed = reference
                    changed.key = ResultKey(of: Data("\(reference.rule) changed".utf8))
                    return changed
                })
        ).list
        #expect(far.overrides.count == 4)
        #expect(HistoryStore.storedForm(of: far) == nil)
    }

    @Test func mergingKeepsOrder() {
        let kept = Self.references(5)
        var fresh = [kept[1], kept[3]]
        fresh[0].status = .fail
        fresh.append(ResultReference(rule: "pack.rule-002a", key: kept[0].key, status: .pass, severity: .low))
        fresh.sort { $0.rule < $1.rule }
        let merged = RecheckMerge.merge(kept, fresh)
        #expect(
            merged.map(\.rule) == [
                "pack.rule-000", "pack.rule-001", "pack.rule-002", "pack.rule-002a", "pack.rule-003", "pack.rule-004",
            ])
        #expect(merged[1].status == .fail)
        #expect(RecheckMerge.merge([], fresh) == fresh)
        #expect(RecheckMerge.merge(kept, []) == kept)
    }
}
