import CadreModel
import Foundation
import Testing

@Suite struct DescriptorModelTests {
    static func complete() throws -> DescriptorLoad {
        let url = try #require(Bundle.module.url(forResource: "Fixtures/complete", withExtension: "yaml"))
        return DescriptorLoader(taxonomy: try Fixtures.taxonomy()).load(fileAt: url.path, as: "complete.yaml")
    }

    @Test func theCompleteFixtureUsesEveryFieldOfTheFormat() throws {
        let document = try #require(try Self.complete().document)
        var missing: [String] = []
        func visit(_ shape: ValueShape, _ node: LocatedNode?, _ path: String) {
            guard let node else { return missing.append(path) }
            switch shape {
            case .object(let object):
                for field in object.fields { visit(field.shape, node[field.key], path + "." + field.key) }
            case .list(let element):
                visit(element, node[0], path + "[0]")
            default:
                break
            }
        }
        visit(.object(DescriptorSchema.system), document.root, "")
        #expect(missing.isEmpty, "fields absent from complete.yaml: \(missing)")
    }

    @Test func everyFieldIsReadIntoTheTypedModel() throws {
        let load = try Self.complete()
        #expect(load.diagnostics.isEmpty, "\(load.diagnostics)")
        let descriptor = try #require(load.document?.descriptor)
        var empty: [String] = []
        func inspect(_ value: Any, _ path: String) {
            let mirror = Mirror(reflecting: value)
            if mirror.displayStyle == .optional {
                guard let wrapped = mirror.children.first?.value else { return empty.append(path) }
                return inspect(wrapped, path)
            }
            if mirror.displayStyle == .collection {
                if mirror.children.isEmpty { empty.append(path) }
                for (index, child) in mirror.children.enumerated() { inspect(child.value, "\(path)[\(index)]") }
                return
            }
            guard mirror.displayStyle == .struct, !(value is CadreModel.SourceLocation), !(value is NodePath),
                !(value is ISODate), !(value is ISODuration),
                !(value is EnvironmentTemplate), !(value is String)
            else { return }
            for child in mirror.children { inspect(child.value, path + "." + (child.label ?? "?")) }
        }
        inspect(descriptor, "descriptor")
        #expect(empty.isEmpty, "fields the model did not read: \(empty)")
    }

    @Test func typedValuesAndTheirLocations() throws {
        let descriptor = try #require(try Self.complete().document?.descriptor)
        #expect(descriptor.id.value == "complete")
        #expect(descriptor.organisation?.employees?.value == 1800)
        #expect(descriptor.organisation?.name.location == SourceLocation(file: "complete.yaml", line: 11, column: 9))
        let purpose = try #require(descriptor.purpose("support"))
        #expect(purpose.legalBasis?.value == .legitimateInterests)
        #expect(purpose.legalBasis?.dpvIdentifier == "eu-gdpr:A6-1-f")
        let item = try #require(descriptor.data.first)
        #expect(item.retention?.period?.value == ISODuration(months: 6))
        #expect(item.retention?.period?.location == SourceLocation(file: "complete.yaml", line: 35, column: 15))
        #expect(item.retention?.from?.value == .collection)
        #expect(item.retention?.archive?.period?.value == ISODuration(years: 5))
        let assistant = try #require(descriptor.aiComponent("assistant"))
        #expect(assistant.kind.value == .generativeAssistant)
        #expect(assistant.decides?.value == .solelyAutomated)
        #expect(assistant.annexIII.map(\.value) == [.p5b])
        #expect(assistant.model?.version?.value == "2.1")
        let store = try #require(descriptor.store("calls"))
        #expect(store.url?.value.references == ["CALLS_DB_URL"])
        #expect(store.tables.first?.columns.map(\.name.value) == ["caller_phone", "audio_path"])
        #expect(
            store.tables.first?.columns.first?.name.location
                == SourceLocation(file: "complete.yaml", line: 79, column: 20))
        #expect(descriptor.waivers.first?.expires == ISODate(year: 2026, month: 12, day: 31))
        #expect(descriptor.waivers.first?.system == "complete")
    }

    @Test func everyTypedPartKnowsItsNodeInTheTree() throws {
        let document = try #require(try Self.complete().document)
        let descriptor = document.descriptor
        let parts: [(NodePath, CadreModel.SourceLocation)] =
            descriptor.purposes.map { ($0.path, $0.location) } + descriptor.data.map { ($0.path, $0.location) }
            + descriptor.ai.map { ($0.path, $0.location) }
            + descriptor.stores.flatMap { store in
                [(store.path, store.location)] + store.tables.map { ($0.path, $0.location) }
            }
            + descriptor.data.compactMap(\.retention).map { ($0.path, $0.location) }
        #expect(parts.count == 6)
        for (path, location) in parts {
            #expect(document.node(at: path)?.location == location, "\(path)")
        }
        #expect(descriptor.data[0].retention?.path.description == "data[0].retention")
        #expect(descriptor.stores[0].tables[0].path.jsonPointer == "/stores/0/tables/0")
    }

    @Test func lookupsMatchTaxonomyKeysHierarchically() throws {
        let descriptor = try #require(try Self.complete().document?.descriptor)
        #expect(descriptor.holds("user.content.call_recording"))
        #expect(descriptor.holds("user.content"))
        #expect(descriptor.holds("user"))
        #expect(!descriptor.holds("user.contact"))
        let holding = descriptor.tables(holding: "user.contact")
        #expect(holding.map(\.table.name.value) == ["recordings"])
        #expect(holding.first?.columns.map(\.name.value) == ["caller_phone"])
        #expect(descriptor.tables(holding: "user.financial").isEmpty)
    }

    @Test func theDocumentKeepsTheWholeTreeWithExtensionKeys() throws {
        let document = try #require(try Self.complete().document)
        #expect(document.node(at: [.key("x-internal"), .key("ticket")])?.scalar?.text == "OPS-1234")
        #expect(document.location(of: [.key("x-internal")], pointingAtKey: true)?.line == 134)
        let visits = document.nodes()
        #expect(visits.first?.path == .root)
        #expect(
            visits.contains { $0.path.description == "ai[0].human_oversight.reviewer" && $0.node.location.line == 55 })
        #expect(Set(visits.map(\.node.location.file)) == ["complete.yaml"])
    }
}
