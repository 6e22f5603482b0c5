import CadreModel
import Foundation
import Testing

@Suite struct SchemaTests {
    static func schema() throws -> [String: Any] {
        let text = JSONSchemaWriter(taxonomy: try Fixtures.taxonomy()).descriptorSchema()
        return try #require(try JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any])
    }

    @Test func isADraft2020SchemaOfEveryObject() throws {
        let schema = try Self.schema()
        #expect(schema["$schema"] as? String == "https://json-schema.org/draft/2020-12/schema")
        #expect(schema["$ref"] as? String == "#/$defs/system")
        let definitions = try #require(schema["$defs"] as? [String: Any])
        let system = try #require(definitions["system"] as? [String: Any])
        #expect(system["required"] as? [String] == ["cadre", "id", "name", "owner"])
        #expect(system["additionalProperties"] as? Bool == false)
        let properties = try #require(system["properties"] as? [String: Any])
        #expect(Set(properties.keys) == Set(DescriptorSchema.system.fields.map(\.key)))
        let purpose = try #require(definitions["purpose"] as? [String: Any])
        let legalBasis = try #require((purpose["properties"] as? [String: Any])?["legal_basis"] as? [String: Any])
        #expect(legalBasis["enum"] as? [String] == LegalBasis.words)
        let categories = try #require((definitions["data_category"] as? [String: Any])?["enum"] as? [String])
        #expect(categories.contains("user.content.call_recording"))
        for name in [
            "data_item", "ai_component", "store", "table", "processor", "waiver", "retention", "human_oversight",
        ] {
            #expect(definitions[name] != nil, "\(name)")
        }
    }

    @Test func isDeterministic() throws {
        let taxonomy = try Fixtures.taxonomy()
        #expect(
            JSONSchemaWriter(taxonomy: taxonomy).descriptorSchema()
                == JSONSchemaWriter(taxonomy: taxonomy).descriptorSchema())
    }

    @Test func durationPatternAgreesWithTheParser() throws {
        let pattern = try Regex(JSONSchemaWriter.durationPattern)
        for text in ["P6M", "P1Y6M", "P2W", "PT12H", "P1DT2H", "P0D", "6M", "P", "PT", "P1.5Y", "p6m", "P6M1Y", "P1H"] {
            let parses = ISODuration(text) != nil
            #expect(((try? pattern.wholeMatch(in: text)) != nil) == parses, "\(text)")
        }
    }

    @Test func docsDescribeEveryFieldAndEveryChoice() throws {
        let docs = try String(
            contentsOf: Fixtures.repositoryRoot.appendingPathComponent("docs/descriptors.md"), encoding: .utf8)
        var missing: [String] = []
        var seen: Set<String> = []
        func visit(_ shape: ValueShape) {
            switch shape {
            case .object(let object):
                guard seen.insert(object.name).inserted else { return }
                for field in object.fields {
                    if !docs.contains("`\(field.key)`") { missing.append("\(object.name).\(field.key)") }
                    visit(field.shape)
                }
            case .list(let element): visit(element)
            case .dictionary(_, let values): visit(values)
            case .choice(let set):
                for word in set.words where !docs.contains("`\(word)`") { missing.append("\(set.name): \(word)") }
            default: break
            }
        }
        visit(.object(DescriptorSchema.system))
        #expect(missing.isEmpty, "not in docs/descriptors.md: \(missing)")
    }
}
