import CadreModel
import Foundation
import Testing

/// Inputs that crashed the descriptor fuzzer's target (Fuzz/, docs/fuzzing.md), kept in
/// Fixtures/fuzz: each now gives the diagnostic a user must see, and its parsed tree survives the
/// archive a re-check keeps.
@Suite struct FuzzRegressionTests {
    /// Each input with the diagnostic it must give (and, in a comment, what it broke).
    static let cases: [MalformedCorpusTests.Case] = [
        // The hint for a fraction of years converted 1.2e21 months to an Int.
        .init(
            file: "duration-fraction-overflow.yaml", code: .invalidDuration, line: 8, column: 26,
            says: "fractions are not accepted")
    ]

    static var folder: URL {
        get throws { try #require(Bundle.module.url(forResource: "Fixtures/fuzz", withExtension: nil)) }
    }

    @Test func everyInputHasAnExpectation() throws {
        let files = try FileManager.default.contentsOfDirectory(atPath: Self.folder.path).sorted()
        #expect(files == Self.cases.map(\.file).sorted())
    }

    @Test(arguments: cases)
    func givesItsDiagnostic(_ expected: MalformedCorpusTests.Case) throws {
        let bytes = try [UInt8](Data(contentsOf: Self.folder.appendingPathComponent(expected.file)))
        let load = DescriptorLoader(taxonomy: try Fixtures.taxonomy()).load(bytes: bytes, file: expected.file)
        let error = try #require(load.errors.first { $0.code == expected.code }, "\(load.diagnostics)")
        #expect(error.location == SourceLocation(file: expected.file, line: expected.line, column: expected.column))
        #expect(error.message.contains(expected.says), "\(error.message)")
        if let root = try? DocumentParser().parse(bytes, file: expected.file) {
            #expect(DocumentArchive.decode(DocumentArchive.encode(root), file: expected.file) == root)
        }
    }
}
