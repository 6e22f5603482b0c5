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
            contentsOf: Fixtures.repositoryRoot.appendingPathComponent("docs/schema/system-v1.schema.json"), encoding: .utf8)
        #expect(shipped == JSONSchemaWriter(taxonomy: try Fixtures.taxonomy()).descriptorSchema(),
                "regenerate it with `cadre schema --output docs/schema/system-v1.schema.json`")
    }

    @Test func everyDescriptorInTheDocsIsValid() throws {
        let docs = try Self.docs()
        let blocks = docs.components(separatedBy: "```yaml\n").dropFirst().compactMap { $0.components(separatedBy: "```").first }
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

    @Test func everyDiagnosticCodeIsDocumented() throws {
        let docs = try Self.docs()
        let sources = Fixtures.repositoryRoot.appendingPathComponent("Sources/CadreModel/Diagnostics/DiagnosticCode.swift")
        let text = try String(contentsOf: sources, encoding: .utf8)
        let codes = text.components(separatedBy: "Self = \"").dropFirst().compactMap { $0.components(separatedBy: "\"").first }
        #expect(codes.count > 30)
        for code in codes { #expect(docs.contains("| `\(code)` |"), "\(code)") }
    }
}
