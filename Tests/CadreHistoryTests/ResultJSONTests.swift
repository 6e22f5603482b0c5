@testable import CadreHistory
import CadreModel
import Foundation
import Testing

/// The hand-written recorded form of results is byte for byte what `JSONEncoder` writes (sorted
/// keys, slashes unescaped): results keep the keys every earlier history stored them under.
@Suite struct ResultJSONTests {
    /// Text with what JSON escapes: quotes, backslashes, slashes, every control character,
    /// non-ASCII letters and emoji.
    static func text(_ random: inout SplitMix) -> String {
        let pieces = [
            "a", "retention", " ", "\"", "\\", "/", "\n", "\r", "\t", "\u{08}", "\u{0C}", "\u{00}", "\u{1F}", "\u{7F}", "é", "ß", "日本",
            "😀", "\u{2028}", "%s", "systems/a.yaml",
        ]
        return (0..<Int.random(in: 0...6, using: &random)).map { _ in pieces.randomElement(using: &random) ?? "" }.joined()
    }

    static func location(_ random: inout SplitMix) -> CadreModel.SourceLocation {
        CadreModel.SourceLocation(file: text(&random), line: Int.random(in: 0...100_000, using: &random), column: Int.random(in: -1...300, using: &random))
    }

    static func result(_ random: inout SplitMix) -> RuleResult {
        var result = RuleResult(
            rule: text(&random), system: text(&random), status: RuleResult.Status.allCases.randomElement(using: &random) ?? .pass,
            severity: Severity.allCases.randomElement(using: &random) ?? .low)
        if Bool.random(using: &random) {
            result.skipReason = [.notApplicable, .notYetInForce, .noLongerInForce, .storesNotRead].randomElement(using: &random)
        }
        for _ in 0..<Int.random(in: 0...3, using: &random) {
            var path: NodePath?
            if Bool.random(using: &random) {
                path = NodePath((0..<Int.random(in: 0...4, using: &random)).map { _ in
                    Bool.random(using: &random) ? .key(text(&random)) : .index(Int.random(in: 0...40, using: &random))
                })
            }
            result.findings.append(Finding(
                level: [.info, .warn, .fail].randomElement(using: &random) ?? .fail, message: text(&random), location: location(&random),
                path: path, evidence: (0..<Int.random(in: 0...2, using: &random)).map { _ in text(&random) }))
        }
        if Bool.random(using: &random) {
            result.failure = .init(kind: text(&random), message: text(&random), location: Bool.random(using: &random) ? location(&random) : nil)
        }
        if Bool.random(using: &random) {
            result.waiver = .init(
                reason: text(&random), approvedBy: text(&random),
                expires: ISODate(year: Int.random(in: 1...9999, using: &random), month: 2, day: 28) ?? .epoch, location: location(&random))
        }
        result.log = (0..<Int.random(in: 0...2, using: &random)).map { _ in text(&random) }
        return result
    }

    @Test(arguments: 0..<8) func theRecordedFormIsJSONEncodersWithSortedKeys(seed: UInt64) throws {
        var random = SplitMix(seed: seed &* 7_919 &+ 3)
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        for _ in 0..<250 {
            let result = Self.result(&random)
            let written = ResultJSON.encode(result)
            #expect(written == [UInt8](try encoder.encode(result)), "\(String(decoding: written, as: UTF8.self))")
            #expect(try JSONDecoder().decode(RuleResult.self, from: Data(written)) == result)
        }
    }

    @Test func aPlainResultReadsAsExpected() {
        let result = RuleResult(rule: "gdpr.retention", system: "voicebot", status: .pass, severity: .high)
        #expect(String(decoding: ResultJSON.encode(result), as: UTF8.self) == #"{"findings":[],"log":[],"rule":"gdpr.retention","severity":"high","status":"pass","system":"voicebot"}"#)
    }
}
