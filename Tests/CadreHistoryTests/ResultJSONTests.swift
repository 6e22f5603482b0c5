import CadreModel
import CadreTestSupport
import Foundation
import Testing

@testable import CadreHistory

/// The hand-written recorded form of results is byte for byte what `JSONEncoder` writes (sorted
/// keys, slashes unescaped) less the `system` member, which the system's row names. The
/// hand-written reader reads what `JSONDecoder` reads, or leaves it to `JSONDecoder`.
@Suite struct ResultJSONTests {
    /// Text with what JSON escapes: quotes, backslashes, slashes, every control character,
    /// non-ASCII letters and emoji.
    static func text(_ random: inout SplitMix) -> String {
        let pieces = [
            "a", "retention", " ", "\"", "\\", "/", "\n", "\r", "\t", "\u{08}", "\u{0C}", "\u{00}", "\u{1F}", "\u{7F}",
            "é", "ß", "日本",
            "😀", "\u{2028}", "%s", "systems/a.yaml",
        ]
        return (0..<Int.random(in: 0...6, using: &random)).map { _ in pieces.randomElement(using: &random) ?? "" }
            .joined()
    }

    static func location(_ random: inout SplitMix) -> CadreModel.SourceLocation {
        CadreModel.SourceLocation(
            file: text(&random), line: Int.random(in: 0...100_000, using: &random),
            column: Int.random(in: -1...300, using: &random))
    }

    static func result(_ random: inout SplitMix) -> RuleResult {
        var result = RuleResult(
            rule: text(&random), system: text(&random),
            status: RuleResult.Status.allCases.randomElement(using: &random) ?? .pass,
            severity: Severity.allCases.randomElement(using: &random) ?? .low)
        if Bool.random(using: &random) {
            result.skipReason = [.notApplicable, .notYetInForce, .noLongerInForce, .storesNotRead].randomElement(
                using: &random)
        }
        for _ in 0..<Int.random(in: 0...3, using: &random) {
            var path: NodePath?
            if Bool.random(using: &random) {
                path = NodePath(
                    (0..<Int.random(in: 0...4, using: &random)).map { _ in
                        Bool.random(using: &random)
                            ? .key(text(&random)) : .index(Int.random(in: 0...40, using: &random))
                    })
            }
            result.findings.append(
                Finding(
                    level: [.info, .warn, .fail].randomElement(using: &random) ?? .fail, message: text(&random),
                    location: location(&random),
                    path: path, evidence: (0..<Int.random(in: 0...2, using: &random)).map { _ in text(&random) }))
        }
        if Bool.random(using: &random) {
            result.failure = .init(
                kind: .init(rawValue: text(&random)), message: text(&random),
                location: Bool.random(using: &random) ? location(&random) : nil)
        }
        if Bool.random(using: &random) {
            result.waiver = .init(
                reason: text(&random), approvedBy: text(&random),
                expires: ISODate(year: Int.random(in: 1...9999, using: &random), month: 2, day: 28) ?? .epoch,
                location: location(&random))
        }
        result.log = (0..<Int.random(in: 0...2, using: &random)).map { _ in text(&random) }
        return result
    }

    /// What `JSONEncoder` writes of `result` (sorted keys, slashes unescaped), its `system`
    /// member left out: outside strings, where every quote is escaped, `,"system":""` is found
    /// only as that member.
    static func encoderForm(of result: RuleResult) throws -> [UInt8] {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        var unnamed = result
        unnamed.system = ""
        let text = String(decoding: try encoder.encode(unnamed), as: UTF8.self)
        #expect(text.components(separatedBy: #","system":"""#).count == 2)
        return Array(text.replacingOccurrences(of: #","system":"""#, with: "").utf8)
    }

    @Test(arguments: 0..<8) func theRecordedFormIsJSONEncodersWithSortedKeysWithoutTheSystem(seed: UInt64) throws {
        var random = SplitMix(seed: seed &* 7_919 &+ 3)
        for _ in 0..<250 {
            let result = Self.result(&random)
            let written = ResultJSON.encode(result)
            #expect(written == (try Self.encoderForm(of: result)), "\(String(decoding: written, as: UTF8.self))")
            // Read back on no system: its row names it.
            let body = String(decoding: written, as: UTF8.self)
            #expect(ResultJSONReader.read(body) == result.on(""))
            #expect(try ResultCoding.decode(body) == result.on(""))
            #expect(try ResultCoding.decode(body).on(result.system) == result)
        }
    }

    @Test func theSameResultOnTwoSystemsIsOneContent() {
        let result = RuleResult(rule: "gdpr.retention", system: "voicebot", status: .pass, severity: .high)
        #expect(ResultJSON.encode(result) == ResultJSON.encode(result.on("chatbot")))
        #expect(
            ResultCoding.encode(result, storedBy: 3).key == ResultCoding.encode(result.on("chatbot"), storedBy: 3).key)
    }

    @Test func aResultRecordedWithItsSystemIsReadWithIt() throws {
        // As every cadre before results were shared recorded them.
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        var random = SplitMix(seed: 5)
        for _ in 0..<50 {
            let result = Self.result(&random)
            let body = String(decoding: try encoder.encode(result), as: UTF8.self)
            #expect(ResultJSONReader.read(body) == result)
            #expect(try ResultCoding.decode(body) == result)
        }
    }

    @Test func theReaderReadsWhatJSONDecoderReads() throws {
        let bodies = [
            // Members in another order, spaces, unknown members, null optionals, every escape.
            #" { "system" : "a\/b" , "status":"warn","rule":"r\u00e9\ud83d\ude00","severity":"low","log":[ ],"extra":{"x":[1,true,null,"\""]},"#
                + #""findings":[{"message":"m\n\"q\"","level":"warn","evidence":[],"path":null,"location":{"line":3,"column":-1,"file":"f"}}],"#
                + #""failure":null,"skipReason":null,"waiver":{"reason":"r","approvedBy":"dpo","expires":"2027-01-31","location":{"file":"w","line":1,"column":2}}} "#,
            #"{"findings":[],"log":[],"rule":"r","severity":"high","status":"error","system":"s","failure":{"kind":"runtime","message":"boom"}}"#,
        ]
        for body in bodies {
            let expected = try JSONDecoder().decode(RuleResult.self, from: Data(body.utf8))
            #expect(ResultJSONReader.read(body) == expected, "\(body)")
        }
    }

    @Test func whatTheReaderCannotReadIsLeftToJSONDecoder() throws {
        var random = SplitMix(seed: 99)
        let body = String(decoding: ResultJSON.encode(Self.result(&random)), as: UTF8.self)
        // Damaged: neither reads it, and decoding says so.
        for length in stride(from: 0, to: body.utf8.count, by: 7) {
            let cut = String(decoding: body.utf8.prefix(length), as: UTF8.self)
            #expect(ResultJSONReader.read(cut) == nil)
            #expect(throws: (any Error).self) { try ResultCoding.decode(cut) }
        }
        #expect(throws: (any Error).self) {
            try ResultCoding.decode(
                #"{"findings":[],"log":[],"rule":"r","severity":"huge","status":"pass","system":"s"}"#)
        }
        #expect(throws: (any Error).self) {
            try ResultCoding.decode(#"{"findings":[],"log":[],"rule":"r","status":"pass","system":"s"}"#)
        }
        // Valid JSON this reader does not read (a line written 3.0): JSONDecoder reads it, with
        // its system or without.
        let decimal =
            #"{"findings":[{"evidence":[],"level":"fail","location":{"column":1,"file":"f","line":3.0},"message":"m"}],"log":[],"rule":"r","severity":"low","status":"fail","system":"s"}"#
        #expect(ResultJSONReader.read(decimal) == nil)
        #expect(try ResultCoding.decode(decimal).findings.first?.location.line == 3)
        #expect(try ResultCoding.decode(decimal).system == "s")
        let unnamed = decimal.replacingOccurrences(of: #","system":"s""#, with: "")
        #expect(ResultJSONReader.read(unnamed) == nil)
        #expect(try ResultCoding.decode(unnamed).findings.first?.location.line == 3)
        #expect(try ResultCoding.decode(unnamed).system == "")
        // Without its system and damaged otherwise: still an error.
        #expect(throws: (any Error).self) {
            try ResultCoding.decode(#"{"findings":[],"log":[],"rule":"r","severity":"huge","status":"pass"}"#)
        }
        #expect(throws: (any Error).self) { try ResultCoding.decode(#"{"system":3}"#) }
        #expect(throws: (any Error).self) { try ResultCoding.decode(#"[]"#) }
    }

    @Test func aPlainResultReadsAsExpected() {
        let result = RuleResult(rule: "gdpr.retention", system: "voicebot", status: .pass, severity: .high)
        #expect(
            String(decoding: ResultJSON.encode(result), as: UTF8.self)
                == #"{"findings":[],"log":[],"rule":"gdpr.retention","severity":"high","status":"pass"}"#
        )
    }
}
