import CadreModel
import CadreTestSupport
import Foundation
import Testing

/// Every malformed input gives exactly one clear error, at the right place, and never a crash
/// or a hang. The files are in Fixtures/malformed; inputs too large or too binary to commit are
/// generated.
@Suite struct MalformedCorpusTests {
    struct Case: CustomTestStringConvertible, Sendable {
        let file: String
        let code: DiagnosticCode
        let line: Int
        let column: Int
        /// A piece of the message the user must see.
        let says: String
        var testDescription: String { file }
    }

    static let cases: [Case] = [
        Case(file: "alias-bomb.yaml", code: .aliasExpansion, line: 6, column: 36, says: "alias bomb"),
        Case(
            file: "alias-key.yaml", code: .aliasKey, line: 7, column: 3, says: "alias cannot be used as a mapping key"),
        Case(file: "bad-country.yaml", code: .invalidValue, line: 5, column: 52, says: "not `France`"),
        Case(file: "bad-date.yaml", code: .invalidDate, line: 6, column: 30, says: "February 2025 has 28 days"),
        Case(
            file: "bad-duration.yaml", code: .invalidDuration, line: 7, column: 25,
            says: "`6 months` is not a valid duration"),
        Case(
            file: "bad-enum.yaml", code: .invalidValue, line: 7, column: 18,
            says: "`contractual` is not a valid legal basis"),
        Case(
            file: "bad-env-reference.yaml", code: .invalidEnvironmentReference, line: 8, column: 10, says: "not closed"),
        Case(file: "bad-identifier.yaml", code: .invalidValue, line: 2, column: 5, says: "must be an identifier"),
        Case(file: "bad-indentation.yaml", code: .syntax, line: 3, column: 7, says: "mapping values are not allowed"),
        Case(file: "broken-quote.yaml", code: .syntax, line: 6, column: 1, says: "quoted scalar at line 5"),
        Case(file: "broken.json", code: .syntax, line: 3, column: 19, says: "syntax error"),
        Case(
            file: "complex-key.yaml", code: .complexKey, line: 5, column: 3,
            says: "mapping key must be a word or a string"),
        Case(file: "control-character.yaml", code: .controlCharacter, line: 5, column: 18, says: "control character"),
        Case(file: "date-format.yaml", code: .invalidDate, line: 9, column: 14, says: "year-month-day"),
        Case(file: "deep-nesting.yaml", code: .tooDeep, line: 5, column: 72, says: "more than 64 levels"),
        Case(
            file: "duplicate-id.yaml", code: .duplicateID, line: 7, column: 9,
            says: "called `support` (first at line 6)"),
        Case(file: "duplicate-key.json", code: .duplicateKey, line: 6, column: 3, says: "key `name` appears twice"),
        Case(file: "duplicate-key.yaml", code: .duplicateKey, line: 8, column: 5, says: "key `id` appears twice"),
        Case(file: "empty-required.yaml", code: .missingField, line: 2, column: 1, says: "`id` has no value"),
        Case(file: "empty.yaml", code: .emptyFile, line: 1, column: 1, says: "file is empty"),
        Case(file: "latin1.yaml", code: .notUTF8, line: 5, column: 14, says: "not valid UTF-8"),
        Case(file: "list-expected.yaml", code: .wrongType, line: 5, column: 11, says: "must be a list, not a string"),
        Case(file: "lowercase-duration.yaml", code: .invalidDuration, line: 8, column: 23, says: "capitals"),
        Case(
            file: "mapping-expected.yaml", code: .wrongType, line: 5, column: 15,
            says: "must be a mapping, not a string"),
        Case(
            file: "misplaced-key.yaml", code: .unknownKey, line: 7, column: 5,
            says: "unknown key `legal_basis` in data item"),
        Case(file: "missing-required.yaml", code: .missingField, line: 6, column: 5, says: "purpose is missing `id`"),
        Case(file: "multiple-documents.yaml", code: .multipleDocuments, line: 5, column: 1, says: "one YAML document"),
        Case(file: "no-header.yaml", code: .unknownFormat, line: 1, column: 1, says: "no `cadre:` key"),
        Case(
            file: "norway-enum.yaml", code: .invalidValue, line: 8, column: 19, says: "read `no` as the boolean false"),
        Case(file: "number-separators.yaml", code: .wrongType, line: 5, column: 54, says: "whole number"),
        Case(file: "only-comments.yaml", code: .emptyFile, line: 1, column: 1, says: "no document"),
        Case(file: "root-list.yaml", code: .wrongType, line: 1, column: 1, says: "not a list"),
        Case(file: "root-scalar.yaml", code: .wrongType, line: 1, column: 1, says: "not a string"),
        Case(file: "string-expected.yaml", code: .wrongType, line: 3, column: 7, says: "must be a string, not a list"),
        Case(file: "tab-indentation.yaml", code: .tabIndentation, line: 6, column: 1, says: "tab"),
        Case(file: "unclosed-bracket.json", code: .syntax, line: 5, column: 1, says: "flow sequence at line 3"),
        Case(file: "undefined-alias.yaml", code: .undefinedAlias, line: 5, column: 14, says: "not defined"),
        Case(
            file: "unknown-category.yaml", code: .unknownTaxonomyKey, line: 6, column: 15,
            says: "unknown data category `user.contact.phone`"),
        Case(
            file: "unknown-key.yaml", code: .unknownKey, line: 7, column: 5,
            says: "unknown key `legal_bases` in purpose"),
        Case(file: "unknown-reference.yaml", code: .unknownReference, line: 9, column: 16, says: "purpose `suport`"),
        Case(file: "unknown-store.yaml", code: .unknownReference, line: 8, column: 35, says: "store `logs`"),
        Case(
            file: "unknown-subject.yaml", code: .unknownTaxonomyKey, line: 7, column: 16,
            says: "unknown data subject `custmer`"),
        Case(file: "wrong-version.yaml", code: .unknownFormat, line: 1, column: 8, says: "`system/v2`"),
        Case(file: "yes-boolean.yaml", code: .wrongType, line: 6, column: 27, says: "`yes` is not true or false"),
    ]

    @Test func everyFixtureHasAnExpectation() throws {
        let files = try FileManager.default.contentsOfDirectory(atPath: Fixtures.malformedFolder.path).sorted()
        #expect(files == Self.cases.map(\.file).sorted())
        #expect(files.count >= 30)
    }

    @Test(arguments: cases)
    func givesOneLocatedError(_ expected: Case) throws {
        let path = try Fixtures.malformedFolder.appendingPathComponent(expected.file).path
        let load = DescriptorLoader(taxonomy: try Fixtures.taxonomy()).load(fileAt: path, as: expected.file)
        #expect(!load.isValid)
        #expect(load.errors.count == 1, "\(load.diagnostics)")
        let error = try #require(load.errors.first)
        #expect(error.code == expected.code)
        #expect(error.location == SourceLocation(file: expected.file, line: expected.line, column: expected.column))
        #expect(error.message.contains(expected.says), "\(error.message)")
        #expect(error.hint != nil || [.wrongType, .invalidDate].contains(expected.code))
    }

    // Generated inputs: too large, binary, or too deep to commit as fixtures.

    static func parse(_ bytes: [UInt8], limits: ParseLimits = .standard) -> Diagnostic? {
        do {
            _ = try DocumentParser(limits: limits).parse(bytes, file: "generated.yaml")
            return nil
        } catch {
            return error
        }
    }

    @Test func hugeFileIsRefusedBeforeParsing() throws {
        let huge = Array("cadre: system/v1\n".utf8) + Array(repeating: UInt8(ascii: "#"), count: 2 << 20)
        let error = try #require(Self.parse(huge))
        #expect(error.code == .fileTooLarge)
        #expect(error.message.contains("larger than 1 MiB"))
    }

    @Test func hugeFileOnDiskIsReadOnlyUpToTheLimit() throws {
        let folder = try Fixtures.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let file = folder.appendingPathComponent("huge.yaml")
        try Data(repeating: UInt8(ascii: "a"), count: 3 << 20).write(to: file)
        let load = DescriptorLoader(taxonomy: try Fixtures.taxonomy()).load(fileAt: file.path, as: "huge.yaml")
        #expect(load.errorSummary == ["file-too-large@1:1"])
    }

    @Test func tooManyValuesWithoutAliasesIsTooLarge() throws {
        let text = "cadre: system/v1\nx: [" + Array(repeating: "1", count: 150_000).joined(separator: ",") + "]\n"
        let error = try #require(Self.parse(Array(text.utf8)))
        #expect(error.code == .fileTooLarge)
        #expect(error.message == "document holds more than 100000 values, the limit for a descriptor")
    }

    @Test func binaryGarbageIsNotText() throws {
        var generator = SplitMix(seed: 42)
        let garbage = (0..<4096).map { _ in UInt8.random(in: 0...255, using: &generator) }
        let error = try #require(Self.parse(garbage))
        #expect([.binaryFile, .notUTF8].contains(error.code))
        #expect(error.location.line >= 1)
    }

    @Test func nulByteIsLocated() throws {
        let error = try #require(Self.parse(Array("cadre: system/v1\nid: a\u{0}b\n".utf8)))
        #expect(error.code == .binaryFile)
        #expect((error.location.line, error.location.column) == (2, 6))
    }

    @Test func utf16IsRefusedWithAHint() throws {
        let error = try #require(Self.parse([0xFF, 0xFE] + Array("c\0a\0".utf8)))
        #expect(error.code == .notUTF8)
        #expect(error.hint == "save the file as UTF-8")
    }

    @Test func overlongAndSurrogateEncodingsAreNotUTF8() throws {
        for bytes: [UInt8] in [[0xC0, 0xAF], [0xED, 0xA0, 0x80], [0xF4, 0x90, 0x80, 0x80], [0xE2, 0x82]] {
            let error = try #require(Self.parse(Array("a: ".utf8) + bytes))
            #expect(error.code == .notUTF8)
            #expect((error.location.line, error.location.column) == (1, 4))
        }
    }

    @Test func thousandsOfOpenBracketsNeitherCrashNorHang() async throws {
        // In a task, on the small stack of a concurrency thread: the composer must not overflow it.
        let text =
            "cadre: system/v1\nx: " + String(repeating: "[", count: 50_000) + String(repeating: "]", count: 50_000)
        let error = try #require(await Task { Self.parse(Array(text.utf8)) }.value)
        #expect(error.code == .tooDeep)
    }

    @Test func nineHundredLevelsOfBlockNestingAreRefusedOnASmallStack() async throws {
        var text = "cadre: system/v1\n"
        for level in 0..<900 { text += String(repeating: " ", count: level) + "k:\n" }
        text += String(repeating: " ", count: 900) + "v\n"
        let error = try #require(await Task { Self.parse(Array(text.utf8)) }.value)
        #expect(error.code == .tooDeep)
    }

    @Test func aliasesThatStayUnderTheLimitAreExpanded() throws {
        var text = "a: &a [x, x, x, x, x, x, x, x, x, x]\n"
        for (previous, name) in zip("abc", "bcd") {
            text += "\(name): &\(name) [" + Array(repeating: "*\(previous)", count: 10).joined(separator: ", ") + "]\n"
        }
        let root = try DocumentParser().parse(text, file: "aliases.yaml")
        let expected = 11_111
        #expect(root["d"]?.descendants().count == expected)
        let tight = try #require(Self.parse(Array(text.utf8), limits: ParseLimits(maxNodes: 5_000)))
        #expect(tight.code == .aliasExpansion)
    }
}
