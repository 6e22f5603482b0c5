import CadreModel
import Foundation
import Testing

/// docs/descriptors.md and docs/schema/ stay true to the code.
@Suite struct DocsTests {
    static func docs() throws -> String {
        try String(contentsOf: Fixtures.repositoryRoot.appendingPathComponent("docs/descriptors.md"), encoding: .utf8)
    }

    @Test func theFieldReferenceIsTheGeneratedOne() throws {
        let docs = try Self.docs()
        let begin = try #require(docs.range(of: MarkdownReferenceWriter.beginMarker))
        let end = try #require(docs.range(of: MarkdownReferenceWriter.endMarker))
        let embedded = docs[begin.upperBound..<end.lowerBound].trimmingCharacters(in: .whitespacesAndNewlines)
        let generated = MarkdownReferenceWriter().descriptorReference().trimmingCharacters(in: .whitespacesAndNewlines)
        #expect(embedded == generated, "regenerate it with `cadre schema --format markdown`")
    }

    @Test func theShippedSchemaIsTheGeneratedOne() throws {
        let shipped = try String(
            contentsOf: Fixtures.repositoryRoot.appendingPathComponent("docs/schema/system-v1.schema.json"),
            encoding: .utf8)
        #expect(
            shipped == JSONSchemaWriter(taxonomy: try Fixtures.taxonomy()).descriptorSchema(),
            "regenerate it with `cadre schema --output docs/schema/system-v1.schema.json`")
    }

    @Test func everyDescriptorInTheDocsIsValid() throws {
        let docs = try Self.docs()
        let blocks = docs.components(separatedBy: "```yaml\n").dropFirst().compactMap {
            $0.components(separatedBy: "```").first
        }
        let taxonomyBlock = try #require(blocks.first { $0.contains("cadre: taxonomy/v1") })
        let root = try DocumentParser().parse(taxonomyBlock, file: "docs-taxonomy.yaml")
        let (taxonomy, taxonomyDiagnostics) = try Fixtures.taxonomy().adding(termsFrom: root)
        #expect(taxonomyDiagnostics.isEmpty)
        let descriptors = blocks.filter { $0.contains("cadre: system/v1") && $0.contains("owner:") }
        #expect(!descriptors.isEmpty)
        for block in descriptors {
            let load = DescriptorLoader(taxonomy: taxonomy).load(text: block, file: "docs.yaml")
            #expect(load.diagnostics.isEmpty, "\(load.diagnostics)")
        }
    }

    /// The codes a descriptor's validation reports, documented with their severities: those
    /// DiagnosticCode declares up to `too-many-problems` (its other codes are of packs, rules,
    /// plugins and tests).
    @Test func everyDescriptorCodeIsDocumented() throws {
        let docs = try Self.docs()
        let last = try #require(DiagnosticCode.allCases.firstIndex(of: .tooManyProblems))
        let codes = DiagnosticCode.allCases[...last]
        #expect(codes.count > 30)
        for code in codes { #expect(docs.contains("| `\(code)` |"), "\(code)") }
        let section = try #require(
            docs.components(separatedBy: "## Diagnostic codes").last?.components(separatedBy: "\n## ").first)
        let documented = section.split(separator: "\n").filter { $0.hasPrefix("| `") }.map {
            $0.split(separator: "`")[1]
        }
        #expect(!documented.isEmpty)
        for word in documented { #expect(DiagnosticCode(rawValue: String(word)) != nil, "\(word) is not a code") }
    }

    /// docs/cli.md prints every code with its meaning, as DiagnosticCode lists them, and nothing else.
    @Test func theCommandLineDocsListEveryDiagnosticCode() throws {
        let docs = try String(
            contentsOf: Fixtures.repositoryRoot.appendingPathComponent("docs/cli.md"), encoding: .utf8)
        let header = "| code | meaning |\n|---|---|\n"
        let start = try #require(docs.range(of: header), "docs/cli.md has no table of diagnostic codes")
        let table = docs[start.upperBound...].components(separatedBy: "\n\n")[0].trimmingCharacters(in: .newlines)
        let expected = DiagnosticCode.allCases.map { "| `\($0)` | \($0.meaning) |" }.joined(separator: "\n")
        #expect(table == expected, "write the table of docs/cli.md as:\n\(header)\(expected)")
    }
}
