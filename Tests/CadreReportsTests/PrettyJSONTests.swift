import CadreModel
import Foundation
import Testing

@testable import CadreEngine
@testable import CadreReports

/// ``PrettyJSON`` prints what `JSONEncoder` and `JSONSerialization` (`.prettyPrinted, .sortedKeys,
/// .withoutEscapingSlashes`) print, byte for byte: the JSON report's systems and SARIF's results are
/// written by it and must not change. The oracle is the encoder itself, on the reports' shapes as
/// they were encoded before, over hostile text.
@Suite struct PrettyJSONTests {
    static let encoder: JSONEncoder = {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        return encoder
    }()

    static func encoded(_ value: some Encodable) throws -> String {
        String(decoding: try encoder.encode(value), as: UTF8.self)
    }

    static func written(_ body: (inout PrettyJSON) -> Void, depth: Int = 0) -> String {
        var json = PrettyJSON(depth: depth)
        body(&json)
        return String(decoding: json.bytes, as: UTF8.self)
    }

    @Test func stringsAreEscapedAsTheEncoderEscapesThem() throws {
        var texts = (0..<0x80).map { String(UnicodeScalar(UInt8($0))) }
        texts += ["", "a/b", "\u{2028}\u{2029}", "é😀\u{FEFF}", "\u{7F}\u{80}\u{9F}", "\\\"\\n", "x\r\ny\u{0}"]
        var generator = SystemRandomNumberGenerator()
        for _ in 0..<500 {
            let scalars = (0..<Int.random(in: 0...12, using: &generator)).compactMap { _ in
                UnicodeScalar(
                    [
                        UInt32.random(in: 0..<0x80), UInt32.random(in: 0x80..<0xD800),
                        UInt32.random(in: 0xE000..<0x110000),
                    ]
                    .randomElement(using: &generator)!)
            }
            texts.append(String(String.UnicodeScalarView(scalars)))
        }
        for text in texts {
            #expect(Self.written { $0.string(text) } == (try Self.encoded(text)), "\(Array(text.unicodeScalars))")
        }
    }

    @Test func containersAreLaidOutAsTheEncoderLaysThemOut() throws {
        struct Shape: Encodable {
            let a: [Int]
            let b: [String]
            let c: Inner
            let d: String?
            let e: Bool
        }
        struct Inner: Encodable { let x: [Inner]? }
        let value = Shape(a: [], b: ["p", "q"], c: Inner(x: [Inner(x: []), Inner(x: nil)]), d: nil, e: false)
        let written = Self.written { json in
            json.openObject()
            json.key("a")
            json.openArray()
            json.closeArray()
            json.field("b", ["p", "q"])
            json.key("c")
            json.openObject()
            json.key("x")
            json.openArray()
            json.item()
            json.openObject()
            json.key("x")
            json.openArray()
            json.closeArray()
            json.closeObject()
            json.item()
            json.openObject()
            json.closeObject()
            json.closeArray()
            json.closeObject()
            json.field("d", nil)
            json.key("e")
            json.boolean(false)
            json.closeObject()
        }
        #expect(written == (try Self.encoded(value)))
    }

    /// Every system shape the report can hold — with and without each optional part, empty and full
    /// lists, text from outside cadre — written in place equals the encoder's, indented in place.
    @Test func systemsAreWrittenAsTheEncoderWroteThem() throws {
        var systems = ReportFixture.evaluation().systems
        var generator = SystemRandomNumberGenerator()
        for index in 0..<300 { systems.append(Self.system(index, using: &generator)) }
        for system in systems {
            let written = Self.written(
                { json in
                    json.indentation()
                    JSONReport.write(system, to: &json)
                }, depth: 2)
            let expected = JSONIndent.indented(try Self.encoder.encode(Oracle.System(system)), by: 4)
            #expect(written == expected)
        }
    }

    /// SARIF results written in place equal what `JSONSerialization` printed from the dictionaries
    /// the report built before, with and without a source root, waived or not.
    @Test func sarifResultsAreWrittenAsJSONSerializationWroteThem() throws {
        var systems = ReportFixture.evaluation().systems
        var generator = SystemRandomNumberGenerator()
        for index in 0..<300 { systems.append(Self.system(index, using: &generator)) }
        let options: JSONSerialization.WritingOptions = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        var compared = 0
        for root in [nil, SourceRoot(path: "/repo", workspace: "/repo/my workspace")] {
            let report = SARIFReport(
                evaluation: ReportFixture.evaluation(), context: ReportContext(toolVersion: "9", sourceRoot: root))
            let index = ["test.a": 3]
            for system in systems {
                for issue in CIIssue.issues(of: system) {
                    let written = Self.written(
                        { json in
                            json.indentation()
                            report.write(issue, index: index, to: &json)
                        }, depth: 4)
                    let entry = Oracle.sarifResult(issue, index: index, rooted: report.context.rooted)
                    let expected = JSONIndent.indented(
                        try JSONSerialization.data(withJSONObject: entry, options: options), by: 8)
                    #expect(written == expected)
                    compared += 1
                }
            }
        }
        #expect(compared > 100)
    }

    static let texts = [
        "", "plain", ReportFixture.tricky, "line\nbreak\ttab", "\u{1B}[2J", "a/b\\c", "é😀", "\u{0}\u{1F}",
    ]

    static func system(_ index: Int, using generator: inout SystemRandomNumberGenerator) -> SystemEvaluation {
        func text() -> String { texts.randomElement(using: &generator)! }
        func maybe<T>(_ value: @autoclosure () -> T) -> T? { Bool.random(using: &generator) ? value() : nil }
        func location() -> CadreModel.SourceLocation {
            CadreModel.SourceLocation(file: text(), line: Int.random(in: 0...999, using: &generator), column: index % 7)
        }
        let results = (0..<Int.random(in: 0...3, using: &generator)).map { _ in
            RuleResult(
                rule: text(), system: "s", status: RuleResult.Status.allCases.randomElement(using: &generator)!,
                severity: .high, skipReason: maybe(.notApplicable),
                findings: (0..<Int.random(in: 0...2, using: &generator)).map { _ in
                    Finding(
                        level: .fail, message: text(), location: location(), path: maybe([.key("stores"), .index(0)]),
                        evidence: (0..<Int.random(in: 0...2, using: &generator)).map { _ in text() })
                },
                failure: maybe(.init(kind: .runtime, message: text(), location: maybe(location()))),
                waiver: maybe(
                    .init(
                        reason: text(), approvedBy: text(), expires: ReportFixture.asOf, location: location())),
                log: (0..<Int.random(in: 0...2, using: &generator)).map { _ in text() })
        }
        let diagnostics = (0..<Int.random(in: 0...2, using: &generator)).map { _ in
            Diagnostic.error(.syntax, at: location(), text(), hint: maybe(text()))
        }
        return SystemEvaluation(
            file: text(), id: maybe(text()), name: maybe(text()), digest: text(), results: results,
            diagnostics: diagnostics)
    }
}

/// The reports' pieces as the encoders saw them before ``PrettyJSON``: the JSON report's systems as
/// `Encodable` types, a SARIF result as a dictionary.
private enum Oracle {
    static func sarifResult(_ issue: CIIssue, index: [String: Int], rooted: RootedFiles) -> [String: Any] {
        let location = issue.location
        var region: [String: Any] = [:]
        if location.line > 0 {
            region["startLine"] = location.line
            region["startColumn"] = max(location.column, 1)
        }
        let (path, inRoot) = rooted.path(location.file)
        var artifact: [String: Any] = [:]
        if inRoot {
            artifact["uri"] = SourceRoot.encoded(path)
            artifact["uriBaseId"] = SARIFReport.baseID
        } else {
            artifact["uri"] = "file://" + SourceRoot.encoded(path)
        }
        var physical: [String: Any] = ["artifactLocation": artifact]
        if !region.isEmpty { physical["region"] = region }
        var entry: [String: Any] = [
            "ruleId": issue.rule,
            "ruleIndex": index[issue.rule] ?? 0,
            "level": issue.level.rawValue,
            "message": ["text": issue.message],
            "locations": [["physicalLocation": physical]],
            "partialFingerprints": ["cadreFinding/v1": issue.digest],
        ]
        if let waiver = issue.waiver {
            entry["suppressions"] = [
                [
                    "kind": "external", "status": "accepted",
                    "justification": "\(waiver.reason) (approved by \(waiver.approvedBy), until \(waiver.expires))",
                ]
            ]
        }
        return entry
    }

    struct System: Encodable {
        let id: String?
        let name: String?
        let file: String
        let digest: String
        let valid: Bool
        let results: [Result]
        let diagnostics: [JSONReport.Problem]

        init(_ s: SystemEvaluation) {
            id = s.id
            name = s.name
            file = s.file
            digest = s.digest
            valid = s.isValid
            results = s.results.map(Result.init)
            diagnostics = s.diagnostics.map(JSONReport.Problem.init)
        }
    }

    struct Result: Encodable {
        let rule: String
        let status: String
        let severity: String
        let skipReason: String?
        let findings: [FindingEntry]
        let failure: Failure?
        let waiver: WaiverEntry?
        let log: [String]

        enum CodingKeys: String, CodingKey {
            case rule, status, severity, findings, failure, waiver, log
            case skipReason = "skip_reason"
        }

        init(_ r: RuleResult) {
            rule = r.rule
            status = r.status.rawValue
            severity = r.severity.rawValue
            skipReason = r.skipReason?.rawValue
            findings = r.findings.map(FindingEntry.init)
            failure = r.failure.map(Failure.init)
            waiver = r.waiver.map(WaiverEntry.init)
            log = r.log
        }
    }

    struct FindingEntry: Encodable {
        let level: String
        let message: String
        let location: JSONReport.Location
        let path: String?
        let evidence: [String]

        init(_ f: Finding) {
            level = f.level.rawValue
            message = f.message
            location = JSONReport.Location(f.location)
            path = f.path?.description
            evidence = f.evidence
        }
    }

    struct Failure: Encodable {
        let kind: String
        let message: String
        let location: JSONReport.Location?

        init(_ f: RuleResult.Failure) {
            kind = f.kind.rawValue
            message = f.message
            location = f.location.map(JSONReport.Location.init)
        }
    }

    struct WaiverEntry: Encodable {
        let reason: String
        let approvedBy: String
        let expires: String
        let location: JSONReport.Location

        enum CodingKeys: String, CodingKey {
            case reason, expires, location
            case approvedBy = "approved_by"
        }

        init(_ w: RuleResult.AppliedWaiver) {
            reason = w.reason
            approvedBy = w.approvedBy
            expires = w.expires.description
            location = JSONReport.Location(w.location)
        }
    }
}
